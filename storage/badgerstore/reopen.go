package badgerstore

import (
	"fmt"
	"sync"

	badger "github.com/dgraph-io/badger/v4"
)

// A streamed reset writes a whole tenant as new tables, and Badger builds
// every table with the options the store was opened with. The tables a
// stream writes are better built otherwise (streamOptions): so the reset
// closes the store's Badger and opens it again with those options for the
// stream, then once more with the ordinary ones (reopenBadger). Writers
// hold b.mu, as the reset does, so they never meet the switch; readers do
// not, and pass through readGate, which lets the switch wait until no
// reader is inside Badger and holds new readers back only while it runs.

// readGate is a reader-preferring gate around the store's Badger handle:
// a reader enters unless a switch is under way; a switch waits until no
// reader is inside. A reader nested in another (a View inside a View's
// fn) is admitted while a switch waits, so nesting cannot deadlock it.
type readGate struct {
	mu        sync.Mutex
	idle      *sync.Cond // broadcast when readers drops to 0 or a switch ends
	readers   int
	switching bool
}

// cond is the gate's condition, made on first use (the zero gate works).
func (g *readGate) cond() *sync.Cond {
	if g.idle == nil {
		g.idle = sync.NewCond(&g.mu)
	}
	return g.idle
}

// enter admits a reader, waiting while a switch runs.
func (g *readGate) enter() {
	g.mu.Lock()
	for g.switching {
		g.cond().Wait()
	}
	g.readers++
	g.mu.Unlock()
}

// leave lets a reader out.
func (g *readGate) leave() {
	g.mu.Lock()
	if g.readers--; g.readers == 0 {
		g.cond().Broadcast()
	}
	g.mu.Unlock()
}

// exclusive runs fn with no reader inside, new readers waiting.
func (g *readGate) exclusive(fn func()) {
	g.mu.Lock()
	for g.readers > 0 || g.switching {
		g.cond().Wait()
	}
	g.switching = true
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		g.switching = false
		g.cond().Broadcast()
		g.mu.Unlock()
	}()
	fn()
}

// viewDB runs fn in a read transaction of the store's Badger, for a
// reader that does not hold b.mu.
func (b *Badger) viewDB(fn func(txn *badger.Txn) error) error {
	b.gate.enter()
	defer b.gate.leave()
	return b.db.View(fn)
}

// reopenBadger closes the store's Badger and opens it again with opt,
// with b.mu held and no group open. When the close or the open fails the
// store is left without a usable handle: the caller's change fails, and
// the next Open of the store finishes it (the reset's marker is on disk).
func (b *Badger) reopenBadger(opt badger.Options) (err error) {
	b.gate.exclusive(func() {
		if err = roomToClose(b.dir); err != nil {
			return
		}
		if err = b.db.Close(); err != nil {
			err = fmt.Errorf("storage: closing the tenant store to reopen it: %w", err)
			return
		}
		var db *badger.DB
		if db, err = openBadgerWith(opt); err != nil {
			err = fmt.Errorf("storage: reopening the tenant store: %w", err)
			return
		}
		b.db = db
	})
	return err
}
