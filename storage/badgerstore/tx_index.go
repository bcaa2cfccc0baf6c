package badgerstore

import "github.com/csshell/csshell/storage"

var _ storage.IndexScanner = (*tx)(nil)

// EachConferenceID calls fn with every conference id in use on the bridge:
// a keys-only scan of the bridge's conference-id index.
func (t *tx) EachConferenceID(bridgeID string, fn func(confID string)) error {
	prefix := storage.ConfPrefix(bridgeID)
	return t.each(prefix, false, false, func(k, _ []byte) (bool, error) {
		fn(string(k[len(prefix):]))
		return true, nil
	})
}

// ScanUPNs walks the UPN index: the UPNs starting with prefix, from start
// (upwards, or downwards when reverse), until fn returns false.
func (t *tx) ScanUPNs(prefix, start string, reverse bool, fn func(upn string) bool) error {
	return t.eachFrom(storage.UPNKey(prefix), storage.UPNKey(start), false, reverse, func(k, _ []byte) (bool, error) {
		return fn(string(k[1:])), nil
	})
}

// ScanSIPs walks the SIP index: the SIP addresses starting with prefix,
// from start upwards, until fn returns false.
func (t *tx) ScanSIPs(prefix, start string, fn func(sip string) bool) error {
	return t.eachFrom(storage.SIPKey(prefix), storage.SIPKey(start), false, false, func(k, _ []byte) (bool, error) {
		return fn(string(k[1:])), nil
	})
}
