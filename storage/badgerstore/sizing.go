package badgerstore

import (
	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// Slim Badger sizing. Badger's defaults (64 MB memtables ×5, a 256 MB block
// cache, 1 GB value-log files) reserve ~86 MB before a single key is
// written; a tenant of a few thousand users needs a small fraction of that.
const (
	// memTableSize bounds one memtable (its arena is allocated up front,
	// though untouched pages cost no RSS) and, at 15 %, one transaction:
	// ~1.2 MB, some 800 users. 8 MB rather than 4 halves the flushes and
	// compactions of a 100 000-user bulk load (4 s instead of 7.5 s).
	memTableSize = 8 << 20
	// valueThreshold keeps every ordinary record (a user is ~1 KB) inside
	// the LSM tree; it must not exceed 15 % of memTableSize.
	valueThreshold = 64 << 10
	// valueLogFileSize is Badger's minimum; values rarely reach the log.
	valueLogFileSize = 1 << 20
	// Fewer, larger tables and a larger L1 mean less rewriting when many
	// users are written at once; they cost disk, not memory.
	baseTableSize = 8 << 20
	// tableSizeMultiplier 1 keeps every table at baseTableSize, at every
	// level. Badger's default (2) doubles it level by level: its tables
	// at the bottom of a 1 GB tree were 256 MB, and a table builder
	// reserves twice its table (up to 256 MB, zeroed when the memory is
	// reused), so a compaction or a streamed load (synthetic_stream.go)
	// held hundreds of MB per table being built.
	tableSizeMultiplier = 1
	baseLevelSize       = 64 << 20
	// blockSize 16 KB rather than Badger's 4 KB: every open reads and
	// checksums the index of every table, which names each block by its
	// first key — 32 MB of a million-user store's 42 MB of indexes at
	// 4 KB, a quarter of that at 16 KB. A point read then checks one
	// 16 KB block instead of one 4 KB block (a few microseconds).
	blockSize       = 16 << 10
	levelZeroTables = 8
	levelZeroStall  = 20
	// streamTableSize is the size of the tables a streamed reset writes
	// (streamOptions).
	streamTableSize = 24 << 20
)

// badgerOptions returns the options every store is opened with: slim
// sizing, no compression (so no block cache is needed), no logger, no
// metrics. On disk every block and value is checked against its checksum
// when read (a damaged one is an error, never wrong data; the preflight
// has checked every table once at open, and Badger's own check at open
// would skip a damaged table instead of refusing it). Writes are not
// synced by Badger on each commit: the store syncs itself (Update syncs
// every commit; UpdateDeferred leaves it to the next Sync, which groups
// commits).
//
// dir == "" opens an in-memory store, whose tables are never anything but
// memory this process wrote: no checksum is checked when it is read
// (checking a 16 KB block on each point read was a sixth of a bulk
// change's CPU there), since there is no file a disk could damage.
func badgerOptions(dir string) badger.Options {
	opt := badger.DefaultOptions(dir)
	check := options.OnBlockRead
	if dir == "" {
		opt = opt.WithInMemory(true)
		check = options.NoVerification
	}
	opt.TableSizeMultiplier = tableSizeMultiplier
	return opt.
		WithLogger(nil).
		WithSyncWrites(false).
		WithMetricsEnabled(false).
		WithMemTableSize(memTableSize).
		WithNumMemtables(2).
		WithNumLevelZeroTables(levelZeroTables).
		WithNumLevelZeroTablesStall(levelZeroStall).
		WithBaseTableSize(baseTableSize).
		WithBlockSize(blockSize).
		WithBaseLevelSize(baseLevelSize).
		WithValueThreshold(valueThreshold).
		WithValueLogFileSize(valueLogFileSize).
		WithCompression(options.None).
		WithChecksumVerificationMode(check).
		WithVerifyValueChecksum(dir != "").
		WithBlockCacheSize(0).
		WithIndexCacheSize(0).
		WithNumCompactors(2).
		WithNumGoroutines(2)
}

// streamOptions are the options a streamed reset (synthetic_stream.go)
// reopens the store with while it writes the tenant into the tree's last
// level; everything else is badgerOptions'.
//
//   - Tables of streamTableSize, not baseTableSize. Badger opens every
//     table at every open (a file, a memory map, its index read and
//     checked, its last block read) and closes each the same way, some
//     0.2 ms a table here: on a million users, 227 tables of 8 MB made a
//     one-shot command 55 ms slower than on the demo tenant; 77 tables of
//     24 MB, 15–20 ms. Only the stream builds them, so compactions keep
//     building 8 MB tables (a table builder holds twice its table); the
//     stream holds few builders at once (tableWritesAtOnce).
//   - No bloom filters. A read looks in the last level only after every
//     level above it: a filter there answers "not here" only for a key
//     the store does not hold at all, and an existing key's read checks
//     the filter and then the block anyway. So filters on the last level
//     cost their size at every open (10 of a million users' 18 MB of
//     indexes) and spare only reads of keys that are nowhere — RocksDB's
//     optimize_filters_for_hits leaves them out of its last level for the
//     same reason. Tables that compactions later write there (after bulk
//     changes) have filters again.
func streamOptions(dir string) badger.Options {
	opt := badgerOptions(dir).WithBaseTableSize(streamTableSize)
	opt.BloomFalsePositive = 0
	return opt
}
