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
// internal/atomicfile; the directory keeps the key's fingerprint (KEYID,
// keyid.go) and a store with data never gets a new key. Every file a
// commit touched is fsynced before the barrier returns: the memtable
// logs, the value log and, when a log appeared, the directory (sync.go).
//
// Badger repairs what it finds when it opens a store — deletes the tables
// its MANIFEST does not name, cuts its logs at the first bad entry — and
// panics on damaged tables in goroutines no one can recover. So before
// Badger sees a directory, Open checks it under the directory's lock
// (preflight.go, verified.go) and refuses, with one line and every file
// as it was, a store whose repair would lose data or crash; it makes sure
// the disk has room for what Badger may write through its memory maps
// (space.go: a full disk would kill the process with SIGBUS), and then
// runs the schema migrations (schema.go, layout only), finishes an
// interrupted bulk reset, and seeds the demo tenant into a store that
// holds nothing at all. A panic inside Badger during a transaction becomes
// an error (recover.go). One clock, Options.Now, stamps every time the
// store writes.
package badgerstore
