//go:build !(linux || darwin || freebsd)

package badgerstore

// lockDir is a no-op where flock is not available: Badger's own lock still
// refuses a second process when it opens the store.
func lockDir(string) (func(), error) { return func() {}, nil }
