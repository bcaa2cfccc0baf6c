package storage

import (
	"slices"
	"strings"
)

// IndexScanner is implemented by Readers that can read the user indexes
// without loading users. AddSyntheticUsers plans with it; for a Reader
// without it, it scans every user instead.
type IndexScanner interface {
	// EachConferenceID calls fn with every conference ID in use on the
	// bridge.
	EachConferenceID(bridgeID string, fn func(confID string)) error
	// ScanUPNs calls fn with the UPNs (in LowerUPN form) that start with
	// prefix, in order from the first one >= start, or when reverse
	// downwards from the last one <= start, until fn returns false.
	ScanUPNs(prefix, start string, reverse bool, fn func(upn string) bool) error
	// ScanSIPs calls fn with the SIP addresses (in LowerSIP form) that
	// start with prefix, in order from the first one >= start, until fn
	// returns false.
	ScanSIPs(prefix, start string, fn func(sip string) bool) error
}

// indexScannerOf is r's own IndexScanner, or one that scans every user.
func indexScannerOf(r Reader) IndexScanner {
	if idx, ok := r.(IndexScanner); ok {
		return idx
	}
	return userScan{r}
}

// userScan answers IndexScanner by reading every user: the slow path for
// a Reader with no index access of its own.
type userScan struct{ r Reader }

func (s userScan) EachConferenceID(bridgeID string, fn func(string)) error {
	return s.r.ScanUsers("", 0, func(u *User) error {
		if c := u.Conferencing; c != nil && c.ConferenceID != "" && strings.EqualFold(c.BridgeID, bridgeID) {
			fn(c.ConferenceID)
		}
		return nil
	})
}

func (s userScan) ScanUPNs(prefix, start string, reverse bool, fn func(string) bool) error {
	return s.scan(func(u *User) string { return LowerUPN(u.UserPrincipalName) }, prefix, start, reverse, fn)
}

func (s userScan) ScanSIPs(prefix, start string, fn func(string) bool) error {
	return s.scan(func(u *User) string { return LowerSIP(u.SipAddress) }, prefix, start, false, fn)
}

// scan lists the index form key(u) of every user, sorted, and walks the
// ones with the prefix from start as IndexScanner describes.
func (s userScan) scan(key func(*User) string, prefix, start string, reverse bool, fn func(string) bool) error {
	var all []string
	err := s.r.ScanUsers("", 0, func(u *User) error {
		if k := key(u); k != "" && strings.HasPrefix(k, prefix) {
			all = append(all, k)
		}
		return nil
	})
	if err != nil {
		return err
	}
	slices.Sort(all)
	if reverse {
		slices.Reverse(all)
	}
	for _, k := range all {
		if (!reverse && k < start) || (reverse && k > start) {
			continue
		}
		if !fn(k) {
			break
		}
	}
	return nil
}
