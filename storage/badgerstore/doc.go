// Package badgerstore keeps a storage.Store in a Badger database, on disk
// (Open) or in memory (OpenInMemory). It is the only package of the
// project that imports Badger; the program's wiring (cmd/csshell) chooses
// it, and everything else sees the storage interfaces.
//
// Keys are built by storage's key codec (storage/keys.go); values are
// JSON. Every Update is committed and fsynced before it returns
// (UpdateDeferred leaves the fsync to the next Sync). The tenant secret
// that keys PIN hashes and seals mail bodies lives in a key file beside
// the store's directory (storage.KeyFile), written with
// internal/atomicfile. Opening a store runs the schema migrations
// (schema.go, layout only), finishes an interrupted bulk reset, and seeds
// the demo tenant when the store has none (storage.SeedIfEmpty). One
// clock, Options.Now, stamps every time the store writes.
package badgerstore
