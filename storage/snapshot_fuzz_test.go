package storage

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// The snapshot reader's fuzz target: arbitrary bytes never make the
// envelope reader panic, every refusal is a *SnapshotError, and nothing
// but a snapshot this code wrote is ever accepted (the fuzzer cannot forge
// the checksum, so a mutated snapshot must be refused), and nothing but a
// snapshot written under the tenant's key is authentic (nor can it forge
// the HMAC).

// fuzzSnapshot writes a small well-formed snapshot with payload: of
// format 1 (checksum only) when macKey is nil, else authenticated under
// macKey.
func fuzzSnapshot(t testing.TB, payload string, macKey []byte) []byte {
	t.Helper()
	return fuzzSnapshotOf(t, SchemaVersion, payload, macKey)
}

// fuzzSnapshotOf is fuzzSnapshot with the header naming schema: a store of
// an older layout writes such snapshots, and the fuzz cache of a machine
// keeps them across a schema change.
func fuzzSnapshotOf(t testing.TB, schema int, payload string, macKey []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	hdr := &SnapshotHeader{Format: 1, Schema: schema, TenantID: "t1", TenantName: "Contoso",
		Created: time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC), Users: 1, KeyID: "k"}
	body := func(w io.Writer) error { _, err := io.WriteString(w, payload); return err }
	var err error
	if macKey == nil {
		err = WriteSnapshot(&buf, hdr, body)
	} else {
		hdr.Format = SnapshotFormat
		err = WriteAuthenticatedSnapshot(&buf, hdr, macKey, body)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fuzzMACKey is the key the fuzz target's authenticated snapshots are
// written under.
var fuzzMACKey = []byte("fuzz tenant key, 32 bytes long!!")

func FuzzReadSnapshot(f *testing.F) {
	// good holds what the checksum covers of every snapshot written
	// (all of a format 1 file, all but the HMAC of a format 2 one), so
	// that only a snapshot a writer made is intact; authentic, the
	// authenticated files.
	good, authentic := map[string]bool{}, map[string]bool{}
	for _, p := range []string{"", "payload", strings.Repeat("x", 3000)} {
		// The same files as written under every older schema are
		// intact too (inputs the fuzz cache kept from before a schema
		// change are among them).
		for schema := 1; schema < SchemaVersion; schema++ {
			s := fuzzSnapshotOf(f, schema, p, nil)
			good[string(s)] = true
			a := fuzzSnapshotOf(f, schema, p, fuzzMACKey)
			good[string(a[:len(a)-sha256.Size])], authentic[string(a)] = true, true
		}
		s := fuzzSnapshot(f, p, nil)
		good[string(s)] = true
		a := fuzzSnapshot(f, p, fuzzMACKey)
		good[string(a[:len(a)-sha256.Size])], authentic[string(a)] = true, true
		f.Add(a)
		f.Add(a[:len(a)-1]) // truncated HMAC
		forged := bytes.Clone(a)
		forged[len(forged)-1] ^= 1 // a wrong HMAC
		f.Add(forged)
		f.Add(s)
		f.Add(s[:len(s)-1])                 // truncated checksum
		f.Add(append(s[:len(s):len(s)], 0)) // trailing byte
		flipped := bytes.Clone(s)
		flipped[len(SnapshotMagic)+3] ^= 1 // inside the header
		f.Add(flipped)
	}
	f.Add([]byte(SnapshotMagic))
	f.Add([]byte(SnapshotMagic + "{\"Format\":1,\"Schema\":1}\n" + "\xff\xff\xff\xff"))
	f.Add([]byte("UserPrincipalName,LeaderPin\nken@contoso.com,12345\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		refused := func(what string, err error) {
			t.Helper()
			var se *SnapshotError
			if !errors.As(err, &se) || se.Kind < SnapshotNotSnapshot || se.Kind > SnapshotDamaged {
				t.Fatalf("%s: refusal %T %v is not a *SnapshotError of a known kind", what, err, err)
			}
			if msg := se.Message("x.snap"); msg == "" || strings.Contains(msg, "%!") {
				t.Fatalf("%s: message %q", what, msg)
			}
		}
		hdr, herr := ReadSnapshotHeader(bytes.NewReader(data))
		if herr != nil {
			refused("ReadSnapshotHeader", herr)
		} else if hdr == nil || hdr.Format < 1 || hdr.Format > SnapshotFormat || hdr.Schema < 1 || hdr.Schema > SchemaVersion {
			t.Fatalf("ReadSnapshotHeader accepted header %+v", hdr)
		}
		var payload bytes.Buffer
		full, err := ReadSnapshot(bytes.NewReader(data), &payload)
		if err != nil {
			refused("ReadSnapshot", err)
			return
		}
		covered := data
		if full.Format >= 2 {
			covered = data[:len(data)-sha256.Size]
		}
		if !good[string(covered)] {
			t.Fatalf("ReadSnapshot accepted bytes no snapshot writer made (%d bytes, header %+v)", len(data), full)
		}
		if herr != nil || *hdr != *full {
			t.Fatalf("the header reader and the full reader disagree: %+v, %v vs %+v", hdr, herr, full)
		}
		_, ok, err := ReadAuthenticatedSnapshot(bytes.NewReader(data), io.Discard, fuzzMACKey)
		if err != nil || ok != authentic[string(data)] {
			t.Fatalf("ReadAuthenticatedSnapshot: authentic %v, %v; want %v", ok, err, authentic[string(data)])
		}
		_, ok, err = ReadAuthenticatedSnapshot(bytes.NewReader(data), io.Discard, []byte("another tenant's key"))
		if err != nil || ok {
			t.Fatalf("authenticated under another key: %v, %v", ok, err)
		}
	})
}

// TestSnapshotChunkLengthsAreBounded: a declared chunk length beyond the
// limit is refused before anything is read for it.
func TestSnapshotChunkLengthsAreBounded(t *testing.T) {
	s := fuzzSnapshot(t, "", nil)
	i := bytes.IndexByte(s[len(SnapshotMagic):], '\n') + len(SnapshotMagic) + 1
	bad := append(bytes.Clone(s[:i]), 0xff, 0xff, 0xff, 0xff)
	_, err := ReadSnapshot(bytes.NewReader(bad), io.Discard)
	var se *SnapshotError
	if !errors.As(err, &se) || se.Kind != SnapshotDamaged {
		t.Fatalf("chunk of 4 GB: %v", err)
	}
}
