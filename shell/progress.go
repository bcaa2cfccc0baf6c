package shell

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	runewidth "github.com/mattn/go-runewidth"

	"github.com/csshell/csshell/engine"
)

// progressInterval is the least time between two redraws of the bar when
// neither the percentage nor the activity changed: a pipeline over 100 000
// users calls Update for each of them.
const progressInterval = 100 * time.Millisecond

// Progress draws Write-Progress records as pwsh 7.4's console host does,
// in the view $PSStyle.Progress.View chooses:
//
//   - Minimal (the default): one line, the activity in
//     $PSStyle.Progress.Style and the status in a bracketed bar whose
//     filled part is in reverse video (ProgressNode.RenderAnsi), at most
//     $PSStyle.Progress.MaxWidth columns;
//   - Classic: the block of earlier versions — activity, status and an
//     "ooo" thermometer between blank lines, yellow on dark cyan
//     (ProgressNode.RenderFull) — drawn where the cursor is, as pwsh does
//     on Unix.
//
// The bar sits on the last lines of the terminal, is redrawn in place and
// erased by Complete; output written through Writer erases it first and
// draws it again after a full line, so the two never mix. With
// UseOSCIndicator the terminal's own indicator (OSC 9;4) follows too.
// A nil *Progress draws nothing: the shell hands one out only for a
// terminal, so nothing of the bar reaches a redirected stream.
type Progress struct {
	w     io.Writer
	width int
	now   func() time.Time

	mu       sync.Mutex
	noColor  bool // NO_COLOR: the bar's colours are left out
	style    engine.ProgressStyle
	lines    []string // what is drawn, or would be after output
	drawn    int      // lines on the screen now (0: hidden)
	osc      bool     // the OSC indicator is on
	last     time.Time
	percent  int
	activity string
}

// NewProgress returns a renderer writing to w, a terminal width columns
// wide (80 when width ≤ 0), in $PSStyle.Progress's defaults (without
// colour under NO_COLOR; the reverse video stays, as it is the bar).
func NewProgress(w io.Writer, width int) *Progress {
	if width <= 0 {
		width = 80
	}
	p := &Progress{w: w, width: width, now: time.Now, percent: -2, noColor: os.Getenv("NO_COLOR") != ""}
	p.SetStyle(engine.DefaultProgressStyle())
	return p
}

// SetWidth changes the width (the window was resized).
func (p *Progress) SetWidth(width int) {
	if p == nil || width <= 0 {
		return
	}
	p.mu.Lock()
	p.width = width
	p.mu.Unlock()
}

// SetStyle applies $PSStyle.Progress; a bar on the screen is drawn again
// in the new style at the next update.
func (p *Progress) SetStyle(st engine.ProgressStyle) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.noColor {
		st.Style = ""
	}
	if p.style.View != st.View && p.drawn > 0 {
		p.erase()
		p.lines = nil
		p.percent = -2
	}
	p.style = st
}

// Update shows the state of an activity. percent is -1 when unknown, in
// which case it is computed from current and total when total > 0.
func (p *Progress) Update(activity, status string, percent int, current, total int) {
	if p == nil {
		return
	}
	if percent < 0 && total > 0 {
		percent = current * 100 / total
	}
	if percent > 100 {
		percent = 100
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if p.drawn > 0 && percent == p.percent && activity == p.activity && now.Sub(p.last) < progressInterval {
		return
	}
	p.percent, p.activity, p.last = percent, activity, now
	if strings.EqualFold(p.style.View, "Classic") {
		p.lines = renderClassic(activity, status, percent, p.width, !p.noColor)
	} else {
		p.lines = []string{renderMinimal(activity, status, percent, -1, min(p.width, max(p.style.MaxWidth, 1)), p.style)}
	}
	if p.style.UseOSCIndicator {
		fmt.Fprintf(p.w, "\x1b]9;4;1;%d\x1b\\", max(percent, 0))
		p.osc = true
	}
	p.draw()
}

// Record is Update and Complete as one function, the shape of a host
// hook: completed erases the bar, otherwise the state is drawn.
func (p *Progress) Record(activity, status string, percent, current, total int, completed bool) {
	if completed {
		p.Complete()
		return
	}
	p.Update(activity, status, percent, current, total)
}

// Complete erases the bar (Write-Progress -Completed, or the pipeline
// ended) and turns the OSC indicator off.
func (p *Progress) Complete() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
	if p.osc {
		io.WriteString(p.w, "\x1b]9;4;0\x1b\\")
		p.osc = false
	}
	p.lines, p.percent = nil, -2
}

// draw writes the current lines in place of what was drawn; p.mu is held.
func (p *Progress) draw() {
	var b strings.Builder
	b.WriteString(p.eraseSeq())
	b.WriteString(strings.Join(p.lines, "\n"))
	io.WriteString(p.w, b.String())
	p.drawn = len(p.lines)
}

// erase removes the bar from the screen; p.mu is held.
func (p *Progress) erase() {
	if p.drawn > 0 {
		io.WriteString(p.w, p.eraseSeq())
		p.drawn = 0
	}
}

// eraseSeq moves to the first line of the bar and clears to the end of
// the screen (just the line for a one-line bar).
func (p *Progress) eraseSeq() string {
	switch {
	case p.drawn > 1:
		return fmt.Sprintf("\r\x1b[%dA\x1b[J", p.drawn-1)
	case p.drawn == 1 && len(p.lines) > 1:
		return "\r\x1b[J"
	}
	return "\r\x1b[2K"
}

// Writer wraps a stream that shares the terminal with the bar: before
// output is written the bar is erased, and it is drawn again after output
// that ends a line, so command output never mixes with it. The stream
// also carries $PSStyle.Progress from the engine (engine.ProgressStyler).
func (p *Progress) Writer(w io.Writer) io.Writer {
	if p == nil {
		return w
	}
	return &progressWriter{p: p, w: w}
}

// progressWriter is Progress.Writer's stream.
type progressWriter struct {
	p *Progress
	w io.Writer
}

func (pw *progressWriter) Write(b []byte) (int, error) {
	p := pw.p
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
	n, err := pw.w.Write(b)
	if len(p.lines) > 0 && len(b) > 0 && b[len(b)-1] == '\n' {
		p.draw()
	}
	return n, err
}

// SetProgressStyle implements engine.ProgressStyler.
func (pw *progressWriter) SetProgressStyle(st engine.ProgressStyle) { pw.p.SetStyle(st) }

// ellipsis ends cut text, as pwsh's PSObjectHelper.Ellipsis.
const ellipsis = "…"

// renderMinimal is ProgressNode.RenderAnsi: the activity (cut to half the
// width) in the progress style, then " [", the status padded to fill the
// bar with the seconds remaining (secs ≥ 0) at its right end, the part up
// to the percentage in reverse video (all of it when the percentage is
// unknown or 100), and "]". width is the bar's room (the terminal's
// width, at most MaxWidth); the line never reaches past it.
func renderMinimal(activity, status string, percent, secs, width int, st engine.ProgressStyle) string {
	secRemain := ""
	if secs >= 0 {
		secRemain = fmt.Sprintf("%ds", secs)
	}
	secLen := len(secRemain) + 1
	if a := []rune(activity); len(a) > width/2 {
		activity = string(a[:width/2]) + ellipsis
	}
	barWidth := width - runewidth.StringWidth(activity) - 4
	bar := []rune(status)
	if maxStatus := barWidth - secLen - 1; maxStatus > 0 && len(bar) > barWidth-secLen {
		bar = append(bar[:maxStatus:maxStatus], []rune(ellipsis)...)
	}
	if pad := barWidth - len(bar) - secLen; pad > 0 {
		bar = append(bar, []rune(strings.Repeat(" ", pad))...)
	}
	bar = append(bar, []rune(secRemain)...)
	inner := st.Reverse + string(bar) + st.ReverseOff
	if percent >= 0 && percent < 100 && barWidth > 0 {
		fill := min(percent*barWidth/100, barWidth-1)
		if fill < len(bar) {
			inner = st.Reverse + string(bar[:fill]) + st.ReverseOff + string(bar[fill:])
		}
	}
	return st.Style + activity + " [" + inner + "]" + st.Reset
}

// Classic view's colours: ConsoleHost's ProgressForegroundColor (Yellow)
// on ProgressBackgroundColor (DarkCyan).
const classicColors = "\x1b[93;46m"

// renderClassic is ProgressNode.RenderFull (FullPlus) inside
// PendingProgress's blank border lines: " activity ", the status indented
// and wrapped, and "[ooo   ]" when the percentage is known, each line
// filling the width, in the classic colours when color is set.
func renderClassic(activity, status string, percent, width int, color bool) []string {
	const indent = "   "
	lines := []string{""}
	lines = append(lines, truncCells(" "+activity+" ", width))
	desc := " " + indent + status + " "
	for {
		line := truncCells(desc, width)
		lines = append(lines, line)
		if len(line) == len(desc) {
			break
		}
		desc = " " + indent + desc[len(line):]
	}
	if percent >= 0 {
		thermo := max(3, width-len(indent)-2-2-5)
		mercury := percent * thermo / 100
		if percent < 100 && mercury == thermo {
			mercury--
		}
		lines = append(lines, truncCells(" "+indent+"["+strings.Repeat("o", mercury)+strings.Repeat(" ", thermo-mercury)+"] ", width))
	}
	lines = append(lines, "")
	for i, l := range lines {
		l += strings.Repeat(" ", max(width-runewidth.StringWidth(l), 0))
		if color {
			l = classicColors + l + "\x1b[0m"
		}
		lines[i] = l
	}
	return lines
}

// truncCells cuts s to at most width cells (StringUtil.TruncateToBufferCellWidth).
func truncCells(s string, width int) string {
	if runewidth.StringWidth(s) <= width {
		return s
	}
	return runewidth.Truncate(s, width, "")
}
