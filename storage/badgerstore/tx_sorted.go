package badgerstore

import "github.com/csshell/csshell/storage"

// ScanUsersSorted calls fn for users in display-name order (byName, the
// 0x28 index) or UPN order (0x20), descending when desc, starting after
// cursor (one fn was given; "" for the first user): a page costs what it
// shows, whatever the tenant's size.
func (t *tx) ScanUsersSorted(byName, desc bool, cursor string, fn func(u *storage.User, cursor string) error) error {
	ns := storage.NSIdxUPN
	if byName {
		ns = storage.NSIdxSort
	}
	prefix := []byte{ns}
	start := append([]byte{ns}, cursor...)
	if cursor == "" && desc {
		start = append(start, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)
	}
	var stop error
	err := t.eachFrom(prefix, start, true, desc, func(k, v []byte) (bool, error) {
		tail := string(k[1:])
		if cursor != "" && tail == cursor {
			return true, nil // "after", not "from"
		}
		id := string(v)
		if byName {
			id = storage.IDFromSortKey(k)
		}
		u, err := t.userOrNil(id)
		if err != nil || u == nil {
			return err == nil, err
		}
		if err := fn(u, tail); err != nil {
			stop = err
			return false, nil
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	return stop
}
