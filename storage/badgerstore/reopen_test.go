package badgerstore

import (
	"errors"
	"io"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/csshell/csshell/storage"
)

// TestReadGate: a switch runs only with no reader inside, holds back the
// readers that come while it runs, and never keeps out a reader nested in
// one already inside (which would deadlock: the switch waits for the
// outer reader, the outer reader for the nested one).
func TestReadGate(t *testing.T) {
	var g readGate
	g.enter()
	ran := make(chan struct{})
	go g.exclusive(func() { close(ran) })
	g.enter() // nested, while the switch waits: admitted
	g.leave()
	time.Sleep(10 * time.Millisecond)
	select {
	case <-ran:
		t.Fatal("the switch ran with a reader inside")
	default:
	}
	g.leave()
	<-ran

	var entered atomic.Bool
	done := make(chan struct{})
	g.exclusive(func() {
		go func() {
			g.enter()
			entered.Store(true)
			g.leave()
			close(done)
		}()
		time.Sleep(10 * time.Millisecond)
		if entered.Load() {
			t.Error("a reader entered during the switch")
		}
	})
	<-done
}

// TestReopenWithReaders: readers that do not hold the store's lock — the
// store's View, a group's View, a snapshot — run throughout while the
// store's Badger is closed and opened again (as a streamed reset does,
// with the stream's options and back), and each sees the whole tenant.
// Run under the race detector by CI.
func TestReopenWithReaders(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tenant")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want, err := countUsers(s.View)
	if err != nil || want == 0 {
		t.Fatalf("the demo tenant has %d users: %v", want, err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	// loop runs step until stop is closed or step fails.
	loop := func(step func() error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if err := step(); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for _, view := range []func(fn func(r storage.Reader) error) error{s.View, s.NewGroup().View} {
		loop(func() error {
			n, err := countUsers(view)
			if err == nil && n != want {
				err = errors.New("a reader saw part of the tenant")
			}
			return err
		})
	}
	loop(func() error { return s.Snapshot(io.Discard) })
	for range 5 {
		s.mu.Lock()
		err := s.reopenBadger(streamOptions(dir))
		if err == nil {
			err = s.reopenBadger(badgerOptions(dir))
		}
		s.mu.Unlock()
		if err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got := s.db.Opts().BaseTableSize; got != baseTableSize {
		t.Fatalf("reopened with %d-byte tables, want the store's own %d", got, baseTableSize)
	}
}

// countUsers counts the users view sees.
func countUsers(view func(fn func(r storage.Reader) error) error) (int, error) {
	n := 0
	err := view(func(r storage.Reader) error {
		return r.ScanUsers("", 0, func(*storage.User) error { n++; return nil })
	})
	return n, err
}
