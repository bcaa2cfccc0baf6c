package badgerstore

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
	"github.com/dgraph-io/badger/v4/pb"
)

// dumpAll returns every key and value of a Badger store.
func dumpAll(t *testing.T, s *Badger) map[string]string {
	t.Helper()
	out := map[string]string{}
	storagetest.View(t, s, func(r storage.Reader) error {
		return r.(*tx).each(nil, true, false, func(k, v []byte) (bool, error) {
			out[string(k)] = string(v)
			return true, nil
		})
	})
	return out
}

// sameDump fails when two dumps differ, naming a few differing keys.
func sameDump(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if maps.Equal(got, want) {
		return
	}
	var diff []string
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			diff = append(diff, "changed or missing "+strings.ToValidUTF8(k, "?"))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			diff = append(diff, "extra "+strings.ToValidUTF8(k, "?"))
		}
	}
	if len(diff) > 5 {
		diff = diff[:5]
	}
	t.Fatalf("%s: store differs from the snapshot (%d vs %d keys): %q", what, len(got), len(want), diff)
}

// snapshotStores opens a fresh demo store of each kind.
func snapshotStores(t *testing.T) map[string]func() *Badger {
	return map[string]func() *Badger{
		"memory": func() *Badger {
			s, err := OpenInMemory()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
		"disk": func() *Badger {
			s, err := Open(filepath.Join(t.TempDir(), "tenant"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
	}
}

// setPIN gives a user a known PIN and mails it (sealed body).
func setPIN(t *testing.T, s storage.Store, upn, pin string) {
	t.Helper()
	storagetest.Update(t, s, func(w storage.Writer) error {
		users, err := w.FindUsers(upn)
		if err != nil || len(users) != 1 {
			return errors.Join(err, errors.New("no user "+upn))
		}
		u := users[0]
		if u.Conferencing == nil {
			u.Conferencing = &storage.Conferencing{BridgeID: storage.DemoBridgeID}
		}
		if u.Conferencing.PIN, err = w.HashPIN(pin); err != nil {
			return err
		}
		if err := w.PutUser(u); err != nil {
			return err
		}
		if err := w.AddMail(&storage.Mail{To: upn, Kind: storage.MailPINReset, UserID: u.ID, Body: "Your new PIN is " + pin}); err != nil {
			return err
		}
		return w.AddAudit(&storage.AuditRecord{Time: time.Now().UTC(), Cmdlet: "test", Target: upn})
	})
}

func verifies(t *testing.T, s storage.Store, upn, pin string) bool {
	t.Helper()
	u := storagetest.UserByUPN(t, s, upn)
	ok := false
	storagetest.View(t, s, func(r storage.Reader) error {
		ok = u.Conferencing != nil && r.VerifyPIN(u.Conferencing.PIN, pin)
		return nil
	})
	return ok
}

func mailBodies(t *testing.T, s storage.Store) []string {
	t.Helper()
	var out []string
	storagetest.View(t, s, func(r storage.Reader) error {
		m, err := r.Mail(0, nil)
		for _, x := range m {
			out = append(out, x.Body)
		}
		return err
	})
	return out
}

// TestSnapshotRoundTrip: change, snapshot, change more, restore — the
// store is byte for byte the snapshot again (records, indexes, counters),
// lookups by index work, the PIN set before the snapshot verifies, the one
// set after does not, mail bodies read back, and counters continue from
// the snapshot's. On disk it survives a reopen.
func TestSnapshotRoundTrip(t *testing.T) {
	for kind, open := range snapshotStores(t) {
		t.Run(kind, func(t *testing.T) {
			s := open()
			setPIN(t, s, "ken.myer@contoso.com", "48213")
			want := dumpAll(t, s)
			var snap bytes.Buffer
			if err := s.Snapshot(&snap); err != nil {
				t.Fatal(err)
			}
			hdr, err := storage.ReadSnapshotHeader(bytes.NewReader(snap.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if hdr.Format != storage.SnapshotFormat || hdr.Schema != storage.SchemaVersion || hdr.TenantID != storage.DemoTenantID ||
				hdr.TenantName != "Contoso" || hdr.Users != 12 || hdr.KeyID != s.KeyID() || time.Since(hdr.Created) > time.Minute {
				t.Errorf("header %+v", hdr)
			}

			// Change more: a rename (index changes), a deletion, a new
			// user, another PIN, settings, mail and audit.
			setPIN(t, s, "ken.myer@contoso.com", "11223")
			storagetest.Update(t, s, func(w storage.Writer) error {
				u := storagetest.UserByUPN(t, s, "ken.myer@contoso.com")
				u.DisplayName = "Kenneth Myer-Smith"
				if err := w.PutUser(u); err != nil {
					return err
				}
				if err := w.DeleteUser(storage.UserIDFor("amos.marble@contoso.com")); err != nil {
					return err
				}
				if err := w.PutUser(storagetest.NewUser("new.person@contoso.com", "New Person")); err != nil {
					return err
				}
				st, _ := w.Settings()
				st.PinLength = 9
				return w.PutSettings(st)
			})
			if err := storage.AddSyntheticUsers(s, 300); err != nil {
				t.Fatal(err)
			}

			if err := s.Restore(bytes.NewReader(snap.Bytes())); err != nil {
				t.Fatal(err)
			}
			check := func(s *Badger) {
				t.Helper()
				sameDump(t, "after restore", dumpAll(t, s), want)
				checkIndexes(t, s)
				storagetest.Eq(t, "find Ken Myer", storagetest.Find(t, s, "Ken Myer"), []string{"ken.myer@contoso.com"})
				storagetest.Eq(t, "find Kenneth", storagetest.Find(t, s, "Kenneth Myer-Smith"), nil)
				storagetest.Eq(t, "find amos", storagetest.Find(t, s, "sip:amos.marble@contoso.com"), []string{"amos.marble@contoso.com"})
				storagetest.Eq(t, "find new", storagetest.Find(t, s, "new.person@contoso.com"), nil)
				storagetest.Eq(t, "search ken", storagetest.Search(t, s, "ken", 10), []string{"ken.myer@contoso.com"})
				storagetest.Eq(t, "search user0", storagetest.Search(t, s, "user0", 10), nil)
				if storagetest.Count(t, s) != 12 {
					t.Errorf("users: %d", storagetest.Count(t, s))
				}
				if !verifies(t, s, "ken.myer@contoso.com", "48213") || verifies(t, s, "ken.myer@contoso.com", "11223") {
					t.Error("the PIN set before the snapshot should verify, and only it")
				}
				storagetest.Eq(t, "mail bodies", mailBodies(t, s), []string{"Your new PIN is 48213"})
			}
			check(s)
			// Counters continue from the snapshot's.
			storagetest.Update(t, s, func(w storage.Writer) error {
				m := &storage.Mail{To: "x@contoso.com", Body: "b"}
				if err := w.AddMail(m); err != nil {
					return err
				}
				if m.Seq != 2 {
					t.Errorf("next mail seq %d, want 2", m.Seq)
				}
				return nil
			})
			if kind == "disk" {
				if err := s.Restore(bytes.NewReader(snap.Bytes())); err != nil {
					t.Fatal(err)
				}
				dir := s.Dir()
				if err := s.Close(); err != nil {
					t.Fatal(err)
				}
				s2, err := Open(dir)
				if err != nil {
					t.Fatal(err)
				}
				defer s2.Close()
				check(s2)
			}
		})
	}
}

// corruptions of a good snapshot and the refusal each must give.
func TestSnapshotRefused(t *testing.T) {
	s := snapshotStores(t)["disk"]()
	setPIN(t, s, "ken.myer@contoso.com", "48213")
	var good bytes.Buffer
	if err := s.Snapshot(&good); err != nil {
		t.Fatal(err)
	}
	// The store the refusals must leave alone: changed since the snapshot.
	setPIN(t, s, "ken.myer@contoso.com", "11223")
	want := dumpAll(t, s)

	kindOf := func(err error) storage.SnapshotErrorKind {
		var se *storage.SnapshotError
		if errors.As(err, &se) {
			return se.Kind
		}
		return 0
	}
	try := func(name string, data []byte, wantKind storage.SnapshotErrorKind) *storage.SnapshotError {
		t.Helper()
		err := s.Restore(bytes.NewReader(data))
		if kindOf(err) != wantKind {
			t.Fatalf("%s: got %v (kind %d), want kind %d", name, err, kindOf(err), wantKind)
		}
		sameDump(t, name, dumpAll(t, s), want)
		var se *storage.SnapshotError
		errors.As(err, &se)
		return se
	}

	se := try("text", []byte("UserPrincipalName,LeaderPin\nken@contoso.com,12345\n"), storage.SnapshotNotSnapshot)
	if got := se.Message("pins.csv"); got != "The file 'pins.csv' is not a csshell tenant snapshot." {
		t.Errorf("message %q", got)
	}
	try("empty", nil, storage.SnapshotNotSnapshot)
	// A plain Badger backup is not a csshell snapshot either.
	var raw bytes.Buffer
	if _, err := s.db.Backup(&raw, 0); err != nil {
		t.Fatal(err)
	}
	try("badger backup", raw.Bytes(), storage.SnapshotNotSnapshot)

	// A newer schema (and a newer format) is refused from the header.
	newer := func(schema, format int) []byte {
		var buf bytes.Buffer
		hdr := &storage.SnapshotHeader{Format: format, Schema: schema, TenantID: storage.DemoTenantID, TenantName: "Contoso", Created: time.Now()}
		if err := writeSnapshot(&buf, hdr, snapshotMACKey(s.secret), func(func(*pb.KV) error) error { return nil }); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	se = try("newer schema", newer(storage.SchemaVersion+1, 1), storage.SnapshotNewer)
	if got, want := se.Message("x"), fmt.Sprintf("The snapshot 'x' was written by a newer csshell (schema %d); this csshell reads schema %d and older.",
		storage.SchemaVersion+1, storage.SchemaVersion); got != want {
		t.Errorf("message %q", got)
	}
	se = try("newer format", newer(1, storage.SnapshotFormat+1), storage.SnapshotNewer)
	if got := se.Message("x"); !strings.Contains(got, fmt.Sprintf("snapshot format %d", storage.SnapshotFormat+1)) {
		t.Errorf("message %q", got)
	}
	h, err := storage.ReadSnapshotHeader(bytes.NewReader(newer(storage.SchemaVersion+1, 1)))
	if h != nil || kindOf(err) != storage.SnapshotNewer {
		t.Errorf("ReadSnapshotHeader of a newer snapshot: %v %v", h, err)
	}

	// Truncated anywhere: refused, nothing changed.
	data := good.Bytes()
	for _, n := range []int{8, 10, len(storage.SnapshotMagic), len(storage.SnapshotMagic) + 5, len(storage.SnapshotMagic) + 200, len(data) / 3,
		len(data) / 2, len(data) - 40, len(data) - 33, len(data) - 32, len(data) - 1} {
		try("truncated", data[:n], storage.SnapshotTruncated)
	}
	// A flipped byte anywhere after the header: damaged (or, in a chunk
	// length, cut short); a byte added: damaged.
	hdrEnd := bytes.IndexByte(data[len(storage.SnapshotMagic):], '\n') + len(storage.SnapshotMagic) + 1
	for _, at := range []int{hdrEnd + 6, hdrEnd + 100, len(data) / 2, len(data) - 10} {
		bad := bytes.Clone(data)
		bad[at] ^= 0x20
		if err := s.Restore(bytes.NewReader(bad)); kindOf(err) != storage.SnapshotDamaged && kindOf(err) != storage.SnapshotTruncated &&
			kindOf(err) != storage.SnapshotForged {
			t.Errorf("flipped byte at %d: %v", at, err)
		}
		sameDump(t, "flipped", dumpAll(t, s), want)
	}
	try("trailing data", append(bytes.Clone(data), 'x'), storage.SnapshotDamaged)
	// A damaged header.
	bad := bytes.Clone(data)
	bad[len(storage.SnapshotMagic)] = 'x'
	try("bad header", bad, storage.SnapshotDamaged)
	// A well-formed snapshot whose contents are not what its header says.
	var lie bytes.Buffer
	hdr := &storage.SnapshotHeader{Format: storage.SnapshotFormat, Schema: storage.SchemaVersion, TenantID: storage.DemoTenantID,
		TenantName: "Contoso", Users: 0, KeyID: s.KeyID()}
	writeSnapshot(&lie, hdr, snapshotMACKey(s.secret), func(kv func(*pb.KV) error) error {
		return kv(&pb.KV{Key: storage.SchemaKey(), Value: storage.AppendU64(nil, storage.SchemaVersion)})
	})
	try("no tenant", lie.Bytes(), storage.SnapshotInvalid)

	// And the good one still restores.
	if err := s.Restore(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	if !verifies(t, s, "ken.myer@contoso.com", "48213") {
		t.Error("good snapshot did not restore")
	}
}

// TestSnapshotOtherKeyFile: the secret is not in the snapshot. Restored
// into another tenant directory, PINs and mail bodies need the original
// key file: without it they do not verify / read (and KeyID tells), with
// a copy of it beside the store they do.
func TestSnapshotOtherKeyFile(t *testing.T) {
	dirA := filepath.Join(t.TempDir(), "a")
	a, err := Open(dirA)
	if err != nil {
		t.Fatal(err)
	}
	setPIN(t, a, "ken.myer@contoso.com", "48213")
	var snap bytes.Buffer
	if err := a.Snapshot(&snap); err != nil {
		t.Fatal(err)
	}
	keyA := a.KeyID()
	a.Close()
	if bytes.Contains(snap.Bytes(), []byte("48213")) {
		t.Fatal("a snapshot holds a PIN in clear")
	}
	key, err := os.ReadFile(storage.KeyFile(dirA))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(snap.Bytes(), bytes.TrimSpace(key)) {
		t.Fatal("a snapshot holds the tenant secret")
	}

	dirB := filepath.Join(t.TempDir(), "b")
	b, err := Open(dirB)
	if err != nil {
		t.Fatal(err)
	}
	if b.KeyID() == keyA {
		t.Fatal("two tenants share a key id")
	}
	// Not authenticated by b's key: refused, unless allowed.
	before := dumpAll(t, b)
	var se *storage.SnapshotError
	if err := b.Restore(bytes.NewReader(snap.Bytes())); !errors.As(err, &se) || se.Kind != storage.SnapshotForeign {
		t.Fatalf("a snapshot of another tenant key: %v, want SnapshotForeign", err)
	}
	sameDump(t, "refused foreign snapshot", dumpAll(t, b), before)
	if err := b.RestoreWith(bytes.NewReader(snap.Bytes()), storage.RestoreOptions{AllowForeign: true}); err != nil {
		t.Fatal(err)
	}
	if verifies(t, b, "ken.myer@contoso.com", "48213") {
		t.Error("a PIN verified under another tenant's key")
	}
	if body := mailBodies(t, b); len(body) != 1 || !strings.Contains(body[0], "cannot be read") {
		t.Errorf("mail body under another key: %q", body)
	}
	b.Close()
	// The directory now wants a's key file: refused with b's, opened (and
	// the PINs verify) with a copy of a's.
	var kfe *storage.KeyFileError
	if s, err := Open(dirB); !errors.As(err, &kfe) {
		if err == nil {
			s.Close()
		}
		t.Fatalf("reopening after a foreign restore with the old key file: %v, want a KeyFileError", err)
	}
	if err := os.WriteFile(storage.KeyFile(dirB), key, 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err = Open(dirB); err != nil {
		t.Fatal(err)
	}
	if !verifies(t, b, "ken.myer@contoso.com", "48213") {
		t.Error("PIN does not verify once the snapshot's key file is beside the store")
	}
	b.Close()

	// With the key file copied beside it, the store works.
	dirC := filepath.Join(t.TempDir(), "c")
	if err := os.WriteFile(storage.KeyFile(dirC), key, 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Open(dirC)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.KeyID() != keyA {
		t.Fatal("key id differs with the same key file")
	}
	if err := c.Restore(bytes.NewReader(snap.Bytes())); err != nil {
		t.Fatal(err)
	}
	if !verifies(t, c, "ken.myer@contoso.com", "48213") {
		t.Error("PIN does not verify with the key file copied")
	}
	storagetest.Eq(t, "mail", mailBodies(t, c), []string{"Your new PIN is 48213"})
}
