package shell

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/csshell/csshell/engine"
)

const (
	progRev    = "\x1b[7m"
	progRevOff = "\x1b[27m"
	progYellow = "\x1b[33;1m"
	progReset  = "\x1b[0m"
)

// progVisible is s without its escape sequences.
func progVisible(s string) string { return engine.StripVT(s) }

// TestRenderMinimal checks ProgressNode.RenderAnsi's layout: the activity
// in the progress style, the status in a bar the width leaves, filled in
// reverse video up to the percentage.
func TestRenderMinimal(t *testing.T) {
	st := engine.DefaultProgressStyle()
	got := renderMinimal("Updating users", "ann@contoso.com", 45, -1, 60, st)
	// barWidth = 60 - 14 - 4 = 42; the status padded to 41 (one cell kept
	// for the seconds); 45% of 42 is 18 cells in reverse video.
	want := progYellow + "Updating users [" + progRev + "ann@contoso.com   " + progRevOff + strings.Repeat(" ", 23) + "]" + progReset
	if got != want {
		t.Errorf("45%%:\ngot  %q\nwant %q", got, want)
	}
	// Unknown percentage (and 100): the whole bar in reverse video.
	got = renderMinimal("Work", "Processing", -1, -1, 30, st)
	if want := progYellow + "Work [" + progRev + "Processing" + strings.Repeat(" ", 11) + progRevOff + "]" + progReset; got != want {
		t.Errorf("no percent:\ngot  %q\nwant %q", got, want)
	}
	// Seconds remaining at the right end of the bar.
	got = progVisible(renderMinimal("A", "s", 0, 5, 20, st))
	if want := "A [s" + strings.Repeat(" ", 11) + "5s]"; got != want {
		t.Errorf("seconds: %q, want %q", got, want)
	}
	// A long activity is cut to half the width, a long status to the bar.
	got = progVisible(renderMinimal(strings.Repeat("a", 50), strings.Repeat("s", 50), 10, -1, 40, st))
	if want := strings.Repeat("a", 20) + "… [" + strings.Repeat("s", 13) + "…]"; got != want {
		t.Errorf("long texts:\ngot  %q\nwant %q", got, want)
	}
	for _, w := range []int{20, 40, 80, 120} {
		if n := len([]rune(progVisible(renderMinimal("Get-CsOnlineUser", "user 12 of 4000", 12, -1, w, st)))); n >= w {
			t.Errorf("width %d: bar is %d wide", w, n)
		}
	}
	// Another style and no reverse video where the style says so.
	st.Style, st.Reverse = "\x1b[36m", ""
	if got := renderMinimal("A", "b", 50, -1, 12, st); !strings.HasPrefix(got, "\x1b[36mA [b") {
		t.Errorf("custom style: %q", got)
	}
}

// TestRenderClassic checks the FullPlus block: blank border lines, the
// activity, the indented status, an "o" thermometer, the time left and
// the current operation, in the classic colours across the width.
func TestRenderClassic(t *testing.T) {
	var out bytes.Buffer
	p := NewProgress(&out, 40)
	p.noColor = false
	st := engine.DefaultProgressStyle()
	st.View = "Classic"
	p.SetStyle(st)
	p.WriteProgressRecord(engine.ProgressRecord{ParentActivityID: -1, Activity: "Copying", StatusDescription: "file 3 of 4",
		PercentComplete: 50, SecondsRemaining: 65, CurrentOperation: "a.txt"})
	lines := p.lines
	want := []string{"", " Copying ", "    file 3 of 4 ", "    [" + strings.Repeat("o", 14) + strings.Repeat(" ", 14) + "] ",
		"    00:01:05 remaining.  ", " ", "    a.txt ", ""}
	if len(lines) != len(want) {
		t.Fatalf("%d lines: %q", len(lines), lines)
	}
	for i, l := range lines {
		if !strings.HasPrefix(l, classicColors) || !strings.HasSuffix(l, progReset) {
			t.Errorf("line %d not in the classic colours: %q", i, l)
		}
		v := progVisible(l)
		if len(v) != 40 || strings.TrimRight(v, " ") != strings.TrimRight(want[i], " ") {
			t.Errorf("line %d: %q, want %q padded to 40", i, v, want[i])
		}
	}
	if got := strings.Count(out.String(), "\n"); got != len(want)-1 {
		t.Errorf("drew %d line ends, want %d", got, len(want)-1)
	}
}

func TestProgressDrawThrottleAndComplete(t *testing.T) {
	var buf bytes.Buffer
	p := NewProgress(&buf, 60)
	now := time.Unix(0, 0)
	p.now = func() time.Time { return now }
	p.Update("Work", "Processing", -1, 1, 10)
	if got := progVisible(buf.String()); got != "\r"+"Work [Processing"+strings.Repeat(" ", 41)+"]" {
		t.Fatalf("first draw: %q", got)
	}
	if !strings.HasPrefix(buf.String(), "\r\x1b[2K") {
		t.Errorf("not drawn in place: %q", buf.String())
	}
	n := buf.Len()
	p.Update("Work", "Processing", -1, 2, 10) // within pwsh's 200 ms
	if buf.Len() != n {
		t.Errorf("redrawn within the interval: %q", buf.String()[n:])
	}
	now = now.Add(progressInterval)
	p.Update("Work", "Processing", -1, 3, 10)
	if buf.Len() == n || !strings.Contains(progVisible(buf.String()[n:]), "Work [Processing") {
		t.Error("not redrawn after the interval")
	}
	// Output erases the bar and draws it again, in its latest state,
	// after a full line.
	var out bytes.Buffer
	w := NewProgress(&out, 60)
	w.Update("Work", "s", 50, 0, 0)
	w.Update("Work", "t", 60, 0, 0) // not drawn yet
	bar := w.lines[0]
	out.Reset()
	w.Writer(&out).Write([]byte("line\n"))
	if got := out.String(); got != "\r\x1b[2Kline\n\r\x1b[2K"+bar || !strings.Contains(bar, "[\x1b[7mt") {
		t.Errorf("output with bar: %q", got)
	}
	out.Reset()
	w.Writer(&out).Write([]byte("partial"))
	if got := out.String(); got != "\r\x1b[2Kpartial" {
		t.Errorf("output without a line end redraws: %q", got)
	}
	// Inside a line (Write-Host -NoNewline) the bar waits for its end
	// instead of wiping it.
	out.Reset()
	w.now = func() time.Time { now = now.Add(time.Second); return now }
	w.Update("Work", "u", 70, 0, 0)
	if out.Len() != 0 {
		t.Errorf("drawn over a partial line: %q", out.String())
	}
	w.Writer(&out).Write([]byte(" end\n"))
	if got := out.String(); !strings.HasPrefix(got, " end\n\r\x1b[2K") || !strings.Contains(got, "[\x1b[7mu") {
		t.Errorf("bar not drawn after the line ended: %q", got)
	}
	out.Reset()
	w.Complete()
	if out.String() != "\r\x1b[2K" {
		t.Errorf("complete: %q", out.String())
	}
	out.Reset()
	w.Complete()
	if out.String() != "" {
		t.Errorf("complete of a hidden bar wrote %q", out.String())
	}
	w.Update("Work", "s", 60, 0, 0)
	out.Reset()
	w.Record("", "", -1, 0, 0, true)
	if out.String() != "\r\x1b[2K" {
		t.Errorf("completed record: %q", out.String())
	}
	var nilP *Progress
	nilP.Update("x", "", 1, 0, 0)
	nilP.Complete()
	nilP.WriteProgressRecord(engine.ProgressRecord{})
	if nilP.Writer(&out) != &out {
		t.Error("a nil renderer wraps output")
	}
}

// TestProgressNested checks PendingProgress's tree: -ParentId nests a bar
// two columns in, a completed parent's children move up, a cmdlet's bar
// (Host.Progress) is apart from Write-Progress's with the same id.
func TestProgressNested(t *testing.T) {
	var out bytes.Buffer
	p := NewProgress(&out, 80)
	rec := func(id, parent int, act string, done bool) {
		p.WriteProgressRecord(engine.ProgressRecord{ActivityID: id, ParentActivityID: parent, Activity: act,
			StatusDescription: "s", PercentComplete: 10, SecondsRemaining: -1, Completed: done})
	}
	shown := func() string {
		var v []string
		for _, l := range p.lines {
			v = append(v, strings.SplitN(progVisible(l), " [", 2)[0])
		}
		return strings.Join(v, "|")
	}
	rec(1, -1, "Outer", false)
	rec(2, 1, "Inner", false)
	rec(3, -1, "Other", false)
	if got := shown(); got != "Outer|  Inner|Other" {
		t.Errorf("tree: %q", got)
	}
	if n := len([]rune(progVisible(p.lines[1]))); n >= 80 {
		t.Errorf("nested bar too wide: %d", n)
	}
	p.Update("Get-CsOnlineUser", "3 users read", -1, 3, 0)
	if got := shown(); got != "Outer|  Inner|Other|Get-CsOnlineUser" {
		t.Errorf("cmdlet bar: %q", got)
	}
	rec(1, -1, "", true)
	if got := shown(); got != "Inner|Other|Get-CsOnlineUser" {
		t.Errorf("children promoted: %q", got)
	}
	p.Record("", "", -1, 0, 0, true)
	rec(2, -1, "", true)
	rec(3, -1, "", true)
	if len(p.lines) != 0 || !strings.HasSuffix(out.String(), "\r\x1b[2K") {
		t.Errorf("not erased when all completed: %q", p.lines)
	}
}

// TestProgressClassicAndOSC checks the Classic block's redraw and erase
// (cursor up over its lines) and the OSC 9;4 indicator.
func TestProgressClassicAndOSC(t *testing.T) {
	var out bytes.Buffer
	p := NewProgress(&out, 30)
	now := time.Unix(0, 0)
	p.now = func() time.Time { return now }
	st := engine.DefaultProgressStyle()
	st.View, st.UseOSCIndicator = "Classic", true
	p.SetStyle(st)
	p.Update("A", "b", 10, 0, 0)
	if got := out.String(); !strings.HasPrefix(got, "\x1b]9;4;1;10\x1b\\\r\x1b[2K") || strings.Count(got, "\n") != 4 {
		t.Fatalf("classic draw: %q", got)
	}
	out.Reset()
	now = now.Add(time.Second)
	p.Update("A", "b", 20, 0, 0)
	if got := out.String(); !strings.Contains(got, "\r\x1b[4A\x1b[J") {
		t.Errorf("classic redraw does not go back over its lines: %q", got)
	}
	out.Reset()
	p.Complete()
	if got := out.String(); got != "\r\x1b[4A\x1b[J\x1b]9;4;0\x1b\\" {
		t.Errorf("classic complete: %q", got)
	}
}

// TestProgressFollowsPSStyle checks that a script's change to
// $PSStyle.Progress reaches the renderer through the host's writers
// (engine.ProgressStyler), past the engine's durability barrier.
func TestProgressFollowsPSStyle(t *testing.T) {
	var out bytes.Buffer
	p := NewProgress(&out, 100)
	p.noColor = false // as if NO_COLOR were not set
	h := engine.NewHost(strings.NewReader(""), p.Writer(&out), p.Writer(&out))
	h.Progress = p.Record
	rt := engine.New(h)
	rt.ExecuteInput(context.Background(), "<test>", "$PSStyle.Progress.View = 'Classic'; $PSStyle.Progress.MaxWidth = 40; $PSStyle.Progress.Style = $PSStyle.Foreground.Cyan")
	p.mu.Lock()
	st := p.style
	p.mu.Unlock()
	if st.View != "Classic" || st.MaxWidth != 40 || st.Style != "\x1b[36m" {
		t.Errorf("style not followed: %+v\n%s", st, out.String())
	}
	rt.ExecuteInput(context.Background(), "<test>", "$PSStyle.Progress.View = 'Minimal'")
	p.Update("Activity", "status", 50, 0, 0)
	if got := progVisible(out.String()); !strings.Contains(got, "Activity [") || len(got[strings.LastIndex(got, "\r")+1:]) >= 40 {
		t.Errorf("MaxWidth not honoured: %q", got)
	}
}
