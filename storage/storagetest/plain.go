package storagetest

import "github.com/csshell/csshell/storage"

// plain is a store with none of the optional interfaces (BulkResetter,
// BulkUserAdder, Snapshotter, and IndexScanner on its Readers): what the
// generic paths of the storage functions see.
type plain struct{ s storage.Store }

// View runs fn with a plain Reader.
func (p plain) View(fn func(r storage.Reader) error) error {
	return p.s.View(func(r storage.Reader) error { return fn(struct{ storage.Reader }{r}) })
}

// Update runs fn with a plain Writer.
func (p plain) Update(fn func(w storage.Writer) error) error {
	return p.s.Update(func(w storage.Writer) error { return fn(struct{ storage.Writer }{w}) })
}

// UpdateDeferred runs fn with a plain Writer.
func (p plain) UpdateDeferred(fn func(w storage.Writer) error) error {
	return p.s.UpdateDeferred(func(w storage.Writer) error { return fn(struct{ storage.Writer }{w}) })
}

// Sync syncs the store.
func (p plain) Sync() error { return p.s.Sync() }

// Dir is the store's directory.
func (p plain) Dir() string { return p.s.Dir() }

// Close closes the store.
func (p plain) Close() error { return p.s.Close() }
