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
