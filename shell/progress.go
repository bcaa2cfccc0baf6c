package shell

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	runewidth "github.com/mattn/go-runewidth"
)

// progressInterval is the least time between two redraws of the bar when
// neither the percentage nor the activity changed: a pipeline over 100 000
// users calls Update for each of them.
const progressInterval = 100 * time.Millisecond

// Progress draws Write-Progress records as one line at the bottom of the
// terminal, pwsh's "Minimal" progress view:
//
//	Activity: Status [=========>           ] 45% (450/1000)
//
// The line is redrawn in place ("\r", erase line) and erased by Complete.
// A nil *Progress draws nothing, which is what the shell hands out when
// the stream is not a terminal; the cmdlet itself skips Update when
// $ProgressPreference is SilentlyContinue.
type Progress struct {
	w     io.Writer
	width int
	now   func() time.Time

	mu       sync.Mutex
	visible  bool
	line     string
	last     time.Time
	percent  int
	activity string
}

// NewProgress returns a renderer writing to w, a terminal width columns
// wide (80 when width ≤ 0).
func NewProgress(w io.Writer, width int) *Progress {
	if width <= 0 {
		width = 80
	}
	return &Progress{w: w, width: width, now: time.Now, percent: -2}
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

// Update shows the state of an activity. percent is -1 when unknown, in
// which case it is computed from current and total when total > 0;
// current and total (the item count) are shown when total > 0.
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
	if p.visible && percent == p.percent && activity == p.activity && now.Sub(p.last) < progressInterval {
		return
	}
	p.percent, p.activity, p.last = percent, activity, now
	p.line = renderProgress(activity, status, percent, current, total, p.width)
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
// ended).
func (p *Progress) Complete() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.visible {
		io.WriteString(p.w, "\r\x1b[2K")
	}
	p.visible, p.line, p.percent = false, "", -2
}

// draw writes the current line in place; p.mu is held.
func (p *Progress) draw() {
	io.WriteString(p.w, "\r\x1b[2K"+p.line)
	p.visible = true
}

// Writer wraps a stream that shares the terminal with the bar: before
// output is written the bar is erased, and it is drawn again after output
// that ends a line, so command output never mixes with it.
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
	if p.visible {
		io.WriteString(p.w, "\r\x1b[2K")
		p.visible = false
	}
	n, err := pw.w.Write(b)
	if p.line != "" && len(b) > 0 && b[len(b)-1] == '\n' {
		p.draw()
	}
	return n, err
}

// renderProgress formats one progress line no wider than width columns.
func renderProgress(activity, status string, percent, current, total, width int) string {
	head := activity
	if status != "" {
		head += ": " + status
	}
	tail := ""
	if percent >= 0 {
		tail = fmt.Sprintf(" %3d%%", percent)
	}
	if total > 0 {
		tail += fmt.Sprintf(" (%d/%d)", current, total)
	}
	bar := ""
	if percent >= 0 {
		n := 30
		if room := width - 3 - runewidth.StringWidth(tail) - 12; room < n {
			n = room
		}
		if n >= 5 {
			fill := n * percent / 100
			b := strings.Repeat("=", fill)
			if fill < n {
				b += ">" + strings.Repeat(" ", n-fill-1)
			}
			bar = " [" + b + "]"
		}
	}
	room := width - 1 - runewidth.StringWidth(bar+tail)
	if room < 1 {
		room = 1
	}
	head = runewidth.Truncate(head, room, "…")
	return head + bar + tail
}
