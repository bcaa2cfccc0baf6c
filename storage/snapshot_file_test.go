package storage

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// TestSnapshotEnvelope: what WriteSnapshot frames, ReadSnapshot gives
// back — header and payload, across chunk boundaries — and a cut or
// changed file is refused.
func TestSnapshotEnvelope(t *testing.T) {
	hdr := &SnapshotHeader{Format: SnapshotFormat, Schema: SchemaVersion, TenantID: DemoTenantID, TenantName: "Contoso", Users: 3}
	payload := bytes.Repeat([]byte("0123456789abcdef"), snapshotChunk/16*2+5) // two full chunks and a bit
	var file bytes.Buffer
	err := WriteSnapshot(&file, hdr, func(w io.Writer) error {
		_, err := w.Write(payload)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	h, err := ReadSnapshot(bytes.NewReader(file.Bytes()), &got)
	if err != nil {
		t.Fatal(err)
	}
	if *h != *hdr || !bytes.Equal(got.Bytes(), payload) {
		t.Errorf("header %+v, payload %d bytes; want %+v, %d bytes", h, got.Len(), hdr, len(payload))
	}
	kind := func(err error) SnapshotErrorKind {
		var se *SnapshotError
		if errors.As(err, &se) {
			return se.Kind
		}
		return 0
	}
	data := file.Bytes()
	if _, err := ReadSnapshot(bytes.NewReader(data[:len(data)-1]), io.Discard); kind(err) != SnapshotTruncated {
		t.Errorf("cut short: %v", err)
	}
	bad := bytes.Clone(data)
	bad[len(bad)/2] ^= 1
	if _, err := ReadSnapshot(bytes.NewReader(bad), io.Discard); kind(err) != SnapshotDamaged {
		t.Errorf("a changed byte: %v", err)
	}
	if _, err := ReadSnapshot(strings.NewReader("Name,Pin\n"), io.Discard); kind(err) != SnapshotNotSnapshot {
		t.Errorf("not a snapshot: %v", err)
	}
	// A body error is returned, wrapped.
	boom := errors.New("boom")
	if err := WriteSnapshot(io.Discard, hdr, func(io.Writer) error { return boom }); !errors.Is(err, boom) {
		t.Errorf("body error: %v", err)
	}
}

// TestSnapshotAuthenticated: a snapshot is authentic only under the key
// it was written with, and only from format 2 on; a changed byte is
// damage (the checksum) whatever the key.
func TestSnapshotAuthenticated(t *testing.T) {
	key, other := []byte("tenant key"), []byte("another key")
	write := func(format int, k []byte) []byte {
		t.Helper()
		hdr := &SnapshotHeader{Format: format, Schema: SchemaVersion, TenantID: DemoTenantID, TenantName: "Contoso", Users: 1}
		var buf bytes.Buffer
		if err := WriteAuthenticatedSnapshot(&buf, hdr, k, func(w io.Writer) error { _, err := io.WriteString(w, "payload"); return err }); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	for _, c := range []struct {
		name      string
		data      []byte
		readKey   []byte
		authentic bool
	}{
		{"same key", write(SnapshotFormat, key), key, true},
		{"another key", write(SnapshotFormat, other), key, false},
		{"no key", write(SnapshotFormat, nil), key, false},
		{"format 1", write(1, key), key, false},
	} {
		var payload bytes.Buffer
		hdr, ok, err := ReadAuthenticatedSnapshot(bytes.NewReader(c.data), &payload, c.readKey)
		if err != nil || hdr == nil || ok != c.authentic || payload.String() != "payload" {
			t.Errorf("%s: authentic %v, %v, payload %q; want authentic %v", c.name, ok, err, payload.String(), c.authentic)
		}
	}
	// The HMAC is the last 32 bytes: changing it breaks only authenticity.
	data := write(SnapshotFormat, key)
	data[len(data)-1] ^= 1
	if _, ok, err := ReadAuthenticatedSnapshot(bytes.NewReader(data), io.Discard, key); err != nil || ok {
		t.Errorf("changed HMAC: authentic %v, %v", ok, err)
	}
	// A format 2 file cut before its HMAC is truncated.
	data = write(SnapshotFormat, key)
	var se *SnapshotError
	if _, _, err := ReadAuthenticatedSnapshot(bytes.NewReader(data[:len(data)-10]), io.Discard, key); !errors.As(err, &se) || se.Kind != SnapshotTruncated {
		t.Errorf("cut in the HMAC: %v", err)
	}
}
