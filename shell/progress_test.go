package shell

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestRenderProgress(t *testing.T) {
	got := renderProgress("Updating users", "ann@contoso.com", 45, 450, 1000, 100)
	want := "Updating users: ann@contoso.com [=============>                ]  45% (450/1000)"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := renderProgress("A", "", -1, 0, 0, 80); got != "A" {
		t.Errorf("no percent: %q", got)
	}
	narrow := renderProgress(strings.Repeat("x", 100), "s", 10, 0, 0, 40)
	if w := len([]rune(narrow)); w > 39 {
		t.Errorf("too wide (%d): %q", w, narrow)
	}
}

func TestProgressDrawThrottleAndComplete(t *testing.T) {
	var buf bytes.Buffer
	p := NewProgress(&buf, 60)
	now := time.Unix(0, 0)
	p.now = func() time.Time { return now }
	p.Update("Work", "", -1, 1, 10)
	if !strings.HasSuffix(buf.String(), "\r\x1b[2KWork [===>"+strings.Repeat(" ", 26)+"]  10% (1/10)") {
		t.Fatalf("first draw: %q", buf.String())
	}
	n := buf.Len()
	p.Update("Work", "", -1, 1, 10) // same percent, no time passed
	if buf.Len() != n {
		t.Errorf("redrawn without change: %q", buf.String()[n:])
	}
	p.Update("Work", "", -1, 2, 10)
	if buf.Len() == n {
		t.Error("not redrawn when the percentage changed")
	}
	// Output erases the bar and draws it again after a full line.
	var out bytes.Buffer
	w := NewProgress(&out, 60)
	w.Update("Work", "", 50, 0, 0)
	out.Reset()
	w.Writer(&out).Write([]byte("line\n"))
	if got := out.String(); got != "\r\x1b[2Kline\n\r\x1b[2KWork ["+strings.Repeat("=", 15)+">"+strings.Repeat(" ", 14)+"]  50%" {
		t.Errorf("output with bar: %q", got)
	}
	out.Reset()
	w.Complete()
	if out.String() != "\r\x1b[2K" {
		t.Errorf("complete: %q", out.String())
	}
	var nilP *Progress
	nilP.Update("x", "", 1, 0, 0)
	nilP.Complete()
}
