package badgerstore

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// slowWriter makes a snapshot take long enough for many commits to land
// while it runs.
type slowWriter struct{ bytes.Buffer }

func (w *slowWriter) Write(p []byte) (int, error) {
	time.Sleep(time.Millisecond)
	return w.Buffer.Write(p)
}

// TestSnapshotUnderConcurrentChange: writers commit (synced and deferred)
// while snapshots are taken. Each commit renames one worker's user (its
// display-name and search index entries change), re-hashes its PIN, and
// appends one mail and one audit record that carry the step number. Every
// snapshot, restored into a fresh store, must be a state some prefix of
// the commits gives: indexes exactly what the users imply, counters equal
// to the mail and audit records, and for each worker the user's step
// equal to the number of its mails and audit records (no half commit).
func TestSnapshotUnderConcurrentChange(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "tenant"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := storage.AddSyntheticUsers(s, 1500); err != nil {
		t.Fatal(err)
	}
	const workers = 4
	upn := func(k int) string { return fmt.Sprintf("worker%d@contoso.com", k) }
	storagetest.Update(t, s, func(w storage.Writer) error {
		for k := range workers {
			u := storagetest.NewUser(upn(k), fmt.Sprintf("Worker %d Step 0", k))
			u.Department = "0"
			if err := w.PutUser(u); err != nil {
				return err
			}
		}
		return nil
	})

	var stop atomic.Bool
	var commits atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for step := 1; !stop.Load(); step++ {
				change := func(w storage.Writer) error {
					u, err := w.User(storage.UserIDFor(upn(k)))
					if err != nil {
						return err
					}
					u.DisplayName = fmt.Sprintf("Worker %d Step %d", k, step)
					u.Department = strconv.Itoa(step)
					if u.Conferencing == nil {
						u.Conferencing = &storage.Conferencing{}
					}
					if u.Conferencing.PIN, err = w.HashPIN("4821" + strconv.Itoa(step%10)); err != nil {
						return err
					}
					if err := w.PutUser(u); err != nil {
						return err
					}
					if err := w.AddMail(&storage.Mail{To: upn(k), Body: strconv.Itoa(step)}); err != nil {
						return err
					}
					return w.AddAudit(&storage.AuditRecord{Target: upn(k), Changes: []storage.Change{{Property: "Step", New: strconv.Itoa(step)}}})
				}
				var err error
				if k%2 == 0 {
					err = s.Update(change)
				} else {
					err = s.UpdateDeferred(change)
				}
				if err != nil {
					errs <- err
					return
				}
				commits.Add(1)
				time.Sleep(500 * time.Microsecond)
			}
		}()
	}

	overlapped := 0
	for i := 0; i < 6; i++ {
		before := commits.Load()
		var snap slowWriter
		if err := s.Snapshot(&snap); err != nil {
			t.Fatal(err)
		}
		if commits.Load() > before {
			overlapped++
		}
		r, err := OpenInMemory()
		if err != nil {
			t.Fatal(err)
		}
		// Another store, another key: restored as a foreign snapshot.
		if err := r.RestoreWith(bytes.NewReader(snap.Bytes()), storage.RestoreOptions{AllowForeign: true}); err != nil {
			t.Fatal(err)
		}
		checkPrefixConsistent(t, r, workers, upn)
		r.Close()
	}
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if overlapped == 0 {
		t.Fatal("no snapshot ran while commits were landing")
	}
	t.Logf("%d commits, %d of 6 snapshots overlapped commits", commits.Load(), overlapped)
}

// checkPrefixConsistent checks one restored snapshot (see above).
func checkPrefixConsistent(t *testing.T, s *Badger, workers int, upn func(int) string) {
	t.Helper()
	checkIndexes(t, s)
	storagetest.View(t, s, func(r storage.Reader) error {
		tx := r.(*tx)
		mails, err := r.Mail(0, nil)
		if err != nil {
			return err
		}
		audits, err := r.Audit(0, nil)
		if err != nil {
			return err
		}
		mc, _ := tx.getU64(storage.CounterKey(storage.CounterMail))
		ac, _ := tx.getU64(storage.CounterKey(storage.CounterAudit))
		if int(mc) != len(mails) || (len(mails) > 0 && mails[len(mails)-1].Seq != mc) {
			t.Errorf("mail counter %d, %d mails", mc, len(mails))
		}
		if int(ac) != len(audits) || (len(audits) > 0 && audits[len(audits)-1].Seq != ac) {
			t.Errorf("audit counter %d, %d records", ac, len(audits))
		}
		for k := range workers {
			u, err := r.User(storage.UserIDFor(upn(k)))
			if err != nil {
				return err
			}
			step, _ := strconv.Atoi(u.Department)
			if u.DisplayName != fmt.Sprintf("Worker %d Step %d", k, step) {
				t.Errorf("worker %d: half-written user %q / %q", k, u.DisplayName, u.Department)
			}
			nm, na, last := 0, 0, ""
			for _, m := range mails {
				if m.To == upn(k) {
					nm++
				}
			}
			for _, a := range audits {
				if a.Target == upn(k) {
					na++
					last = a.Changes[0].New
				}
			}
			if nm != step || na != step || (step > 0 && last != u.Department) {
				t.Errorf("worker %d: user at step %d, %d mails, %d audit records (last step %q)", k, step, nm, na, last)
			}
			if users, err := r.FindUsers(u.DisplayName); err != nil || len(users) != 1 {
				t.Errorf("worker %d: display name index: %v %v", k, users, err)
			}
		}
		return nil
	})
}
