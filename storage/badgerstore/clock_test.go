package badgerstore

import (
	"bytes"
	"testing"
	"time"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// TestOneClock: Options.Now stamps everything the store stamps — PIN
// hashes, synthetic users, snapshot headers — and is what Writer.Now
// returns.
func TestOneClock(t *testing.T) {
	at := time.Date(2031, time.March, 4, 5, 6, 7, 0, time.FixedZone("X", 3600))
	s, err := Options{Now: func() time.Time { return at }}.OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := at.UTC()
	storagetest.Update(t, s, func(w storage.Writer) error {
		if !w.Now().Equal(want) || w.Now().Location() != time.UTC {
			t.Errorf("Writer.Now = %v, want %v in UTC", w.Now(), want)
		}
		h, err := w.HashPIN("48213")
		if err == nil && !h.SetAt.Equal(want) {
			t.Errorf("HashPIN SetAt = %v, want %v", h.SetAt, want)
		}
		return err
	})
	if err := storage.AddSyntheticUsers(s, 2); err != nil {
		t.Fatal(err)
	}
	u := storagetest.UserByUPN(t, s, "user000002@contoso.com")
	if !u.Created.Equal(want) || !u.Modified.Equal(want) || !u.Conferencing.PIN.SetAt.Equal(want) {
		t.Errorf("synthetic user stamped %v / %v / %v, want %v", u.Created, u.Modified, u.Conferencing.PIN.SetAt, want)
	}
	var snap bytes.Buffer
	if err := s.Snapshot(&snap); err != nil {
		t.Fatal(err)
	}
	hdr, err := storage.ReadSnapshotHeader(&snap)
	if err != nil || !hdr.Created.Equal(want) {
		t.Errorf("snapshot header Created = %v, %v; want %v", hdr.Created, err, want)
	}
}
