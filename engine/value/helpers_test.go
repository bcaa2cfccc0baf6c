package value

import "time"

func mustDate(s string) time.Time {
	t, ok := ParseDate(s)
	if !ok {
		panic("bad date " + s)
	}
	return t
}
