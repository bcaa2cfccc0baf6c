package storage

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4/pb"
)

// dumpAll returns every key and value of a Badger store.
func dumpAll(t *testing.T, s *Badger) map[string]string {
	t.Helper()
	out := map[string]string{}
	view(t, s, func(r Reader) error {
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
func setPIN(t *testing.T, s Store, upn, pin string) {
	t.Helper()
	update(t, s, func(w Writer) error {
		users, err := w.FindUsers(upn)
		if err != nil || len(users) != 1 {
			return errors.Join(err, errors.New("no user "+upn))
		}
		u := users[0]
		if u.Conferencing == nil {
			u.Conferencing = &Conferencing{BridgeID: DemoBridgeID}
		}
		if u.Conferencing.PIN, err = w.HashPIN(pin); err != nil {
			return err
		}
		if err := w.PutUser(u); err != nil {
			return err
		}
		if err := w.AddMail(&Mail{To: upn, Kind: MailPINReset, UserID: u.ID, Body: "Your new PIN is " + pin}); err != nil {
			return err
		}
		return w.AddAudit(&AuditRecord{Time: time.Now().UTC(), Cmdlet: "test", Target: upn})
	})
}

func verifies(t *testing.T, s Store, upn, pin string) bool {
	t.Helper()
	u := user(t, s, upn)
	ok := false
	view(t, s, func(r Reader) error {
		ok = u.Conferencing != nil && r.VerifyPIN(u.Conferencing.PIN, pin)
		return nil
	})
	return ok
}

func mailBodies(t *testing.T, s Store) []string {
	t.Helper()
	var out []string
	view(t, s, func(r Reader) error {
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
			hdr, err := ReadSnapshotHeader(bytes.NewReader(snap.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if hdr.Format != SnapshotFormat || hdr.Schema != SchemaVersion || hdr.TenantID != DemoTenantID ||
				hdr.TenantName != "Contoso" || hdr.Users != 12 || hdr.KeyID != s.KeyID() || time.Since(hdr.Created) > time.Minute {
				t.Errorf("header %+v", hdr)
			}

			// Change more: a rename (index changes), a deletion, a new
			// user, another PIN, settings, mail and audit.
			setPIN(t, s, "ken.myer@contoso.com", "11223")
			update(t, s, func(w Writer) error {
				u := user(t, s, "ken.myer@contoso.com")
				u.DisplayName = "Kenneth Myer-Smith"
				if err := w.PutUser(u); err != nil {
					return err
				}
				if err := w.DeleteUser(UserIDFor("amos.marble@contoso.com")); err != nil {
					return err
				}
				if err := w.PutUser(newUser("new.person@contoso.com", "New Person")); err != nil {
					return err
				}
				st, _ := w.Settings()
				st.PinLength = 9
				return w.PutSettings(st)
			})
			if err := AddSyntheticUsers(s, 300); err != nil {
				t.Fatal(err)
			}

			if err := s.Restore(bytes.NewReader(snap.Bytes())); err != nil {
				t.Fatal(err)
			}
			check := func(s *Badger) {
				t.Helper()
				sameDump(t, "after restore", dumpAll(t, s), want)
				checkIndexes(t, s)
				eq(t, "find Ken Myer", find(t, s, "Ken Myer"), []string{"ken.myer@contoso.com"})
				eq(t, "find Kenneth", find(t, s, "Kenneth Myer-Smith"), nil)
				eq(t, "find amos", find(t, s, "sip:amos.marble@contoso.com"), []string{"amos.marble@contoso.com"})
				eq(t, "find new", find(t, s, "new.person@contoso.com"), nil)
				eq(t, "search ken", search(t, s, "ken", 10), []string{"ken.myer@contoso.com"})
				eq(t, "search user0", search(t, s, "user0", 10), nil)
				if count(t, s) != 12 {
					t.Errorf("users: %d", count(t, s))
				}
				if !verifies(t, s, "ken.myer@contoso.com", "48213") || verifies(t, s, "ken.myer@contoso.com", "11223") {
					t.Error("the PIN set before the snapshot should verify, and only it")
				}
				eq(t, "mail bodies", mailBodies(t, s), []string{"Your new PIN is 48213"})
			}
			check(s)
			// Counters continue from the snapshot's.
			update(t, s, func(w Writer) error {
				m := &Mail{To: "x@contoso.com", Body: "b"}
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

	kindOf := func(err error) SnapshotErrorKind {
		var se *SnapshotError
		if errors.As(err, &se) {
			return se.Kind
		}
		return 0
	}
	try := func(name string, data []byte, wantKind SnapshotErrorKind) *SnapshotError {
		t.Helper()
		err := s.Restore(bytes.NewReader(data))
		if kindOf(err) != wantKind {
			t.Fatalf("%s: got %v (kind %d), want kind %d", name, err, kindOf(err), wantKind)
		}
		sameDump(t, name, dumpAll(t, s), want)
		var se *SnapshotError
		errors.As(err, &se)
		return se
	}

	se := try("text", []byte("UserPrincipalName,LeaderPin\nken@contoso.com,12345\n"), SnapshotNotSnapshot)
	if got := se.Message("pins.csv"); got != "The file 'pins.csv' is not a csshell tenant snapshot." {
		t.Errorf("message %q", got)
	}
	try("empty", nil, SnapshotNotSnapshot)
	// A plain Badger backup is not a csshell snapshot either.
	var raw bytes.Buffer
	if _, err := s.db.Backup(&raw, 0); err != nil {
		t.Fatal(err)
	}
	try("badger backup", raw.Bytes(), SnapshotNotSnapshot)

	// A newer schema (and a newer format) is refused from the header.
	newer := func(schema, format int) []byte {
		var buf bytes.Buffer
		hdr := &SnapshotHeader{Format: format, Schema: schema, TenantID: DemoTenantID, TenantName: "Contoso", Created: time.Now()}
		if err := writeSnapshot(&buf, hdr, func(func(*pb.KV) error) error { return nil }); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	se = try("newer schema", newer(3, 1), SnapshotNewer)
	if got := se.Message("x"); got != "The snapshot 'x' was written by a newer csshell (schema 3); this csshell reads schema 1 and older." {
		t.Errorf("message %q", got)
	}
	se = try("newer format", newer(1, 2), SnapshotNewer)
	if got := se.Message("x"); !strings.Contains(got, "snapshot format 2") {
		t.Errorf("message %q", got)
	}
	h, err := ReadSnapshotHeader(bytes.NewReader(newer(3, 1)))
	if h != nil || kindOf(err) != SnapshotNewer {
		t.Errorf("ReadSnapshotHeader of a newer snapshot: %v %v", h, err)
	}

	// Truncated anywhere: refused, nothing changed.
	data := good.Bytes()
	for _, n := range []int{8, 10, len(SnapshotMagic), len(SnapshotMagic) + 5, len(SnapshotMagic) + 200, len(data) / 3,
		len(data) / 2, len(data) - 40, len(data) - 33, len(data) - 32, len(data) - 1} {
		try("truncated", data[:n], SnapshotTruncated)
	}
	// A flipped byte anywhere after the header: damaged (or, in a chunk
	// length, cut short); a byte added: damaged.
	hdrEnd := bytes.IndexByte(data[len(SnapshotMagic):], '\n') + len(SnapshotMagic) + 1
	for _, at := range []int{hdrEnd + 6, hdrEnd + 100, len(data) / 2, len(data) - 10} {
		bad := bytes.Clone(data)
		bad[at] ^= 0x20
		if err := s.Restore(bytes.NewReader(bad)); kindOf(err) != SnapshotDamaged && kindOf(err) != SnapshotTruncated {
			t.Errorf("flipped byte at %d: %v", at, err)
		}
		sameDump(t, "flipped", dumpAll(t, s), want)
	}
	try("trailing data", append(bytes.Clone(data), 'x'), SnapshotDamaged)
	// A damaged header.
	bad := bytes.Clone(data)
	bad[len(SnapshotMagic)] = 'x'
	try("bad header", bad, SnapshotDamaged)
	// A well-formed snapshot whose contents are not what its header says.
	var lie bytes.Buffer
	hdr := &SnapshotHeader{Format: 1, Schema: 1, TenantID: DemoTenantID, TenantName: "Contoso", Users: 0}
	writeSnapshot(&lie, hdr, func(kv func(*pb.KV) error) error {
		return kv(&pb.KV{Key: schemaKey(), Value: appendU64(nil, 1)})
	})
	try("no tenant", lie.Bytes(), SnapshotDamaged)

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
	key, err := os.ReadFile(KeyFile(dirA))
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
	if err := b.Restore(bytes.NewReader(snap.Bytes())); err != nil {
		t.Fatal(err)
	}
	if verifies(t, b, "ken.myer@contoso.com", "48213") {
		t.Error("a PIN verified under another tenant's key")
	}
	if body := mailBodies(t, b); len(body) != 1 || !strings.Contains(body[0], "cannot be read") {
		t.Errorf("mail body under another key: %q", body)
	}
	b.Close()

	// With the key file copied beside it, the store works.
	dirC := filepath.Join(t.TempDir(), "c")
	if err := os.WriteFile(KeyFile(dirC), key, 0o600); err != nil {
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
	eq(t, "mail", mailBodies(t, c), []string{"Your new PIN is 48213"})
}

// TestRestoreInterruptedRefusesOpen: a restore cut short by a crash
// leaves its marker; the store then refuses to open rather than opening
// half restored or re-seeded.
func TestRestoreInterruptedRefusesOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tenant")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	update(t, s, func(w Writer) error { return w.(*tx).set(pendingKey(), []byte(resetRestore)) })
	s.Close()
	if s, err := Open(dir); err == nil {
		s.Close()
		t.Fatal("a store with an interrupted restore opened")
	}
}
