package powershell

import "time"

// timeFromTimespec converts a stat time to a local time.Time.
func timeFromTimespec(sec, nsec int64) time.Time { return time.Unix(sec, nsec).Local() }
