package badgerstore

import (
	"errors"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4/y"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// badgerPanics makes Badger's own code panic, as it does on a damaged
// file read through its maps (here: decoding a number from too few
// bytes).
func badgerPanics() { y.BytesToU32(nil) }

// TestBadgerPanicIsAnError: a panic raised inside Badger during View,
// Update or UpdateDeferred becomes a *storage.DamagedError of one line,
// the store stays usable (the update lock is released), and a panic raised
// by the caller's own code is not swallowed.
func TestBadgerPanicIsAnError(t *testing.T) {
	s, err := Open(t.TempDir() + "/tenant")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for name, run := range map[string]func() error{
		"View":           func() error { return s.View(func(storage.Reader) error { badgerPanics(); return nil }) },
		"Update":         func() error { return s.Update(func(storage.Writer) error { badgerPanics(); return nil }) },
		"UpdateDeferred": func() error { return s.UpdateDeferred(func(storage.Writer) error { badgerPanics(); return nil }) },
	} {
		err := run()
		var de *storage.DamagedError
		if !errors.As(err, &de) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want a one-line *storage.DamagedError", name, err)
		}
	}
	storagetest.Update(t, s, func(w storage.Writer) error { return w.AddMail(&storage.Mail{To: "x@contoso.com"}) })
	func() {
		defer func() {
			if r := recover(); r == nil {
				t.Error("a panic in the caller's fn was swallowed")
			}
		}()
		s.Update(func(storage.Writer) error {
			panic("the caller's bug")
		})
	}()
	if n := storagetest.Count(t, s); n != 12 {
		t.Errorf("users %d", n)
	}
}
