package badgerstore

import (
	"errors"
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
	want := userCount(t, s.View)
	if want == 0 {
		t.Fatal("the demo tenant has no users")
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	read := func(view func(fn func(r storage.Reader) error) error) {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			n := 0
			err := view(func(r storage.Reader) error {
				return r.ScanUsers("", 0, func(*storage.User) error { n++; return nil })
			})
			if err == nil && n != want {
				err = errors.New("a reader saw part of the tenant")
			}
			if err != nil {
				errs <- err
				return
			}
		}
	}
	wg.Add(3)
	go read(s.View)
	go read(s.NewGroup().View)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if err := s.Snapshot(discard{}); err != nil {
				errs <- err
				return
			}
		}
	}()
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

// discard is an io.Writer that keeps nothing.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// userCount counts the users view sees.
func userCount(t *testing.T, view func(fn func(r storage.Reader) error) error) int {
	t.Helper()
	n := 0
	err := view(func(r storage.Reader) error {
		return r.ScanUsers("", 0, func(*storage.User) error { n++; return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
