package engine_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/effectstest"
)

// changer is a cmdlet that commits an unsynced change (as a tenant cmdlet
// does) and writes a line about it.
func changer(log *effectstest.Log) *engine.Cmdlet {
	return &engine.Cmdlet{
		Name: "Set-Thing",
		New: engine.ProcessOnly(func(c *engine.Call) error {
			log.Change()
			return c.WriteObject("changed")
		}),
	}
}

// effectsRuntime is a runtime in a temporary directory with Set-Thing and
// an effect log installed.
func effectsRuntime(t *testing.T) (*engine.Runtime, *effectstest.Log, *bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	var log *effectstest.Log
	rt := newRuntime(&buf)
	log = effectstest.Install(t, rt)
	rt.Register(changer(log))
	dir := t.TempDir()
	rt.SetLocation(dir)
	return rt, log, &buf, dir
}

// TestRedirectionGoesThroughTheOpenHandler: > and >> open their file
// through the host's open handler, straight after the barrier, write
// after it too, and sync before closing.
func TestRedirectionGoesThroughTheOpenHandler(t *testing.T) {
	rt, log, buf, dir := effectsRuntime(t)
	rt.Execute(context.Background(), "<test>", "Set-Thing > out.txt; Set-Thing >> out.txt; Set-Thing 2>&1 >> out.txt")
	if buf.Len() != 0 {
		t.Fatalf("output: %q", buf)
	}
	log.Check()
	want := []string{
		"open out.txt trunc", "write out.txt", "sync out.txt", "close out.txt",
		"open out.txt append", "write out.txt", "sync out.txt", "close out.txt",
		"open out.txt append", "write out.txt", "sync out.txt", "close out.txt",
	}
	if got := log.Effects(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("effects:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "out.txt")); string(data) != "changed\nchanged\nchanged\n" {
		t.Errorf("file: %q", data)
	}
}

// TestRedirectionBarrierFailureWritesNothing: when the change cannot be
// made durable, no file is opened, and the failure is reported.
func TestRedirectionBarrierFailureWritesNothing(t *testing.T) {
	rt, log, _, dir := effectsRuntime(t)
	log.FailBarrier(errors.New("disk on fire"))
	res := rt.Execute(context.Background(), "<test>", "Set-Thing > out.txt")
	if got := log.Effects(); len(got) != 0 {
		t.Errorf("effects despite a failed barrier: %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.txt")); !os.IsNotExist(err) {
		t.Errorf("out.txt exists: %v", err)
	}
	if res.Err == nil || !strings.Contains(res.Err.Error(), "disk on fire") {
		t.Errorf("result error = %v, want the barrier's", res.Err)
	}
}

// TestOpenFileSyncsOnClose: the file a cmdlet gets from OpenFile is synced
// before it is closed; a failed sync fails Close, but the file is closed.
func TestOpenFileSyncsOnClose(t *testing.T) {
	rt, log, _, dir := effectsRuntime(t)
	path := filepath.Join(dir, "f.txt")
	w, err := rt.OpenFile(context.Background(), path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(w, "x"); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err == nil {
		t.Error("a second Close succeeded")
	}
	want := "barrier|open f.txt trunc|barrier|write f.txt|sync f.txt|close f.txt"
	if got := strings.Join(log.Events(), "|"); got != want {
		t.Errorf("events %s, want %s", got, want)
	}

	log.Reset()
	eio := errors.New("EIO")
	log.FailSync(eio)
	w, err = rt.OpenFile(context.Background(), path, os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); !errors.Is(err, eio) {
		t.Errorf("Close = %v, want the sync's error", err)
	}
	if ev := log.Events(); ev[len(ev)-1] != "close f.txt" {
		t.Errorf("file not closed after a failed sync: %q", ev)
	}

	// A file that cannot be synced at all (a device, a pipe) keeps
	// nothing to lose: Close succeeds.
	log.FailSync(&os.PathError{Op: "sync", Path: path, Err: syscall.EINVAL})
	w, err = rt.OpenFile(context.Background(), path, os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("Close of an unsyncable file = %v", err)
	}
}

// TestRedirectionToDevNull: the real handler writes to a device that
// cannot be synced.
func TestRedirectionToDevNull(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no /dev/null")
	}
	var buf bytes.Buffer
	rt := newRuntime(&buf)
	res := rt.Execute(context.Background(), "<test>", "'x' > /dev/null; 'y' >> /dev/null; 'done'")
	if res.Err != nil || strings.TrimSpace(buf.String()) != "done" {
		t.Errorf("err %v, output %q", res.Err, buf.String())
	}
}

// TestReplaceFileAndSendMailRunTheBarrierFirst: the atomic replace and the
// mail handler are reached only after the barrier, and not at all when it
// fails.
func TestReplaceFileAndSendMailRunTheBarrierFirst(t *testing.T) {
	rt, log, _, dir := effectsRuntime(t)
	ctx := context.Background()
	path := filepath.Join(dir, "snap")
	log.Change()
	err := rt.ReplaceFile(ctx, path, 0o600, func(w io.Writer) error {
		_, err := io.WriteString(w, "state")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "state" {
		t.Errorf("replaced file: %q", data)
	}
	log.Check()
	if got := strings.Join(log.Events(), "|"); got != "barrier|replace snap" {
		t.Errorf("events %s", got)
	}

	log.Reset()
	boom := errors.New("boom")
	log.FailBarrier(boom)
	if err := rt.ReplaceFile(ctx, path, 0o600, func(io.Writer) error { return nil }); !errors.Is(err, boom) || !engine.IsBarrierError(err) {
		t.Errorf("ReplaceFile = %v, want the barrier's error", err)
	}
	if err := rt.SendMail(ctx, &engine.OutboundMail{Relay: "127.0.0.1:1", To: []string{"a@b"}}); !engine.IsBarrierError(err) {
		t.Errorf("SendMail = %v, want the barrier's error", err)
	}
	if _, err := rt.OpenFile(ctx, path, os.O_WRONLY, 0); !engine.IsBarrierError(err) {
		t.Errorf("OpenFile = %v, want the barrier's error", err)
	}
	if got := log.Events(); len(got) != 0 {
		t.Errorf("effects despite a failed barrier: %q", got)
	}
}
