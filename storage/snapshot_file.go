package storage

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// WriteSnapshot writes a snapshot file to w as WriteAuthenticatedSnapshot
// does, with an empty HMAC key: one no tenant accepts as its own.
func WriteSnapshot(w io.Writer, hdr *SnapshotHeader, body func(payload io.Writer) error) error {
	return WriteAuthenticatedSnapshot(w, hdr, nil, body)
}

// WriteAuthenticatedSnapshot writes a snapshot file to w: the magic line,
// hdr, the payload that body writes (framed in chunks), the end mark, the
// checksum and, when hdr.Format is 2 or more, the HMAC under macKey (see
// snapshot.go).
func WriteAuthenticatedSnapshot(w io.Writer, hdr *SnapshotHeader, macKey []byte, body func(payload io.Writer) error) error {
	line, err := json.Marshal(hdr)
	if err != nil {
		return err
	}
	sum, mac := sha256.New(), hmac.New(sha256.New, macKey)
	bw := bufio.NewWriterSize(io.MultiWriter(w, sum, mac), 64<<10)
	bw.WriteString(SnapshotMagic)
	bw.Write(line)
	bw.WriteByte('\n')
	cw := &chunkWriter{w: bw}
	err = body(cw)
	if err == nil {
		err = cw.close()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		trailer := sum.Sum(nil)
		if hdr.Format >= SnapshotFormatMAC {
			trailer = mac.Sum(trailer)
		}
		_, err = w.Write(trailer)
	}
	if err != nil {
		return fmt.Errorf("storage: writing the snapshot: %w", err)
	}
	return nil
}

// chunkWriter frames the payload in length-prefixed chunks.
type chunkWriter struct {
	w   *bufio.Writer
	buf []byte
	err error
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && c.err == nil {
		k := min(len(p), snapshotChunk-len(c.buf))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == snapshotChunk {
			c.emit()
		}
	}
	return n, c.err
}

func (c *chunkWriter) emit() {
	if len(c.buf) == 0 || c.err != nil {
		return
	}
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(c.buf)))
	c.w.Write(n[:])
	_, c.err = c.w.Write(c.buf)
	c.buf = c.buf[:0]
}

func (c *chunkWriter) close() error {
	c.emit()
	if c.err == nil {
		_, c.err = c.w.Write([]byte{0, 0, 0, 0})
	}
	return c.err
}

// ReadSnapshotHeader reads a snapshot's magic line and header, refusing
// (with a *SnapshotError) a file that is not a snapshot or is from a newer
// csshell. It reads nothing past the header.
func ReadSnapshotHeader(r io.Reader) (*SnapshotHeader, error) {
	return readSnapshotHeader(bufio.NewReader(r), nil)
}

// ReadSnapshot reads a whole snapshot file from r as
// ReadAuthenticatedSnapshot does, without telling whether it is
// authentic: the envelope and the checksum only.
func ReadSnapshot(r io.Reader, payload io.Writer) (*SnapshotHeader, error) {
	hdr, _, err := ReadAuthenticatedSnapshot(r, payload, nil)
	return hdr, err
}

// ReadAuthenticatedSnapshot reads a whole snapshot file from r: it checks
// the header as ReadSnapshotHeader does, copies the payload to payload,
// and checks the framing, the checksum and that nothing follows the end.
// authentic reports whether the file carries an HMAC under macKey that
// matches (a format 1 file never does). A refusal is a *SnapshotError;
// whatever was copied to payload before an error must then be thrown
// away.
func ReadAuthenticatedSnapshot(r io.Reader, payload io.Writer, macKey []byte) (hdr *SnapshotHeader, authentic bool, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	sha, mac := sha256.New(), hmac.New(sha256.New, macKey)
	sum := io.MultiWriter(sha, mac)
	hdr, err = readSnapshotHeader(br, sum)
	if err != nil {
		return nil, false, err
	}
	short := func(err error) error {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return &SnapshotError{Kind: SnapshotTruncated}
		}
		return err
	}
	body := io.TeeReader(br, sum) // hashes the payload in file order
	for {
		var n [4]byte
		if _, err := io.ReadFull(br, n[:]); err != nil {
			return nil, false, short(err)
		}
		sum.Write(n[:])
		size := binary.BigEndian.Uint32(n[:])
		if size == 0 {
			break
		}
		if size > snapshotChunkMax {
			return nil, false, DamagedSnapshot("a block of its contents has an impossible length")
		}
		if _, err := io.CopyN(payload, body, int64(size)); err != nil {
			return nil, false, short(err)
		}
	}
	want := make([]byte, sha256.Size)
	if _, err := io.ReadFull(br, want); err != nil {
		return nil, false, short(err)
	}
	if !bytes.Equal(sha.Sum(nil), want) {
		return nil, false, DamagedSnapshot("its checksum does not match its contents")
	}
	if hdr.Format >= SnapshotFormatMAC {
		tag := make([]byte, sha256.Size)
		if _, err := io.ReadFull(br, tag); err != nil {
			return nil, false, short(err)
		}
		authentic = hmac.Equal(mac.Sum(nil), tag)
	}
	if _, err := br.ReadByte(); err == nil {
		return nil, false, DamagedSnapshot("data follows the end of the snapshot")
	}
	return hdr, authentic, nil
}

// readSnapshotHeader reads and checks the envelope's start, hashing what
// it reads into sum (when not nil).
func readSnapshotHeader(br *bufio.Reader, sum io.Writer) (*SnapshotHeader, error) {
	magic := make([]byte, len(SnapshotMagic))
	n, err := io.ReadFull(br, magic)
	if err != nil || string(magic) != SnapshotMagic {
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, err
		}
		if n > 0 && string(magic[:n]) == SnapshotMagic[:n] && n < len(SnapshotMagic) && n >= 8 {
			return nil, &SnapshotError{Kind: SnapshotTruncated}
		}
		return nil, &SnapshotError{Kind: SnapshotNotSnapshot}
	}
	var line []byte
	for {
		part, err := br.ReadSlice('\n')
		line = append(line, part...)
		if len(line) > snapshotHeaderMax {
			return nil, DamagedSnapshot("its header is too long")
		}
		if err == nil {
			break
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) {
			return nil, &SnapshotError{Kind: SnapshotTruncated}
		}
		return nil, err
	}
	var hdr SnapshotHeader
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&hdr); err != nil || hdr.Format < 1 {
		return nil, DamagedSnapshot("its header cannot be read")
	}
	if sum != nil {
		sum.Write(magic)
		sum.Write(line)
	}
	if hdr.Schema > SchemaVersion || hdr.Format > SnapshotFormat {
		return nil, &SnapshotError{Kind: SnapshotNewer, Schema: hdr.Schema, Format: hdr.Format, Supported: SchemaVersion}
	}
	if hdr.Schema < 1 {
		return nil, DamagedSnapshot("its header names no store schema")
	}
	return &hdr, nil
}
