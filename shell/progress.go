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

// progressInterval is the least time between two redraws of the bar
// (pwsh's UpdateTimerThreshold): the first record and a completed one
// draw at once; a pipeline over 100 000 users reports each of them.
const progressInterval = 200 * time.Millisecond

// Progress draws Write-Progress records as pwsh 7.4's console host does,
// in the view $PSStyle.Progress.View chooses:
//
//   - Minimal (the default): one line per activity, the activity in
//     $PSStyle.Progress.Style and the status in a bracketed bar whose
//     filled part is in reverse video (ProgressNode.RenderAnsi), at most
//     $PSStyle.Progress.MaxWidth columns;
//   - Classic: the block of earlier versions — activity, status, an
//     "ooo" thermometer, time left and current operation between blank
//     lines, yellow on dark cyan (ProgressNode.RenderFull) — drawn where
//     the cursor is, as pwsh does on Unix.
//
// Activities nest as Write-Progress's -Id and -ParentId say, a child two
// columns in from its parent (PendingProgress).
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

	mu      sync.Mutex
	noColor bool // NO_COLOR: the bar's colours are left out
	style   engine.ProgressStyle
	nodes   []*progressNode // the activities, nested (PendingProgress)
	lines   []string        // what is drawn, or would be after output
	drawn   int             // lines on the screen now (0: hidden)
	osc     bool            // the OSC indicator is on
	last    time.Time       // when the lines were last drawn
	midLine bool            // output left the cursor inside a line
}

// progressNode is one activity (pwsh's ProgressNode): src tells records
// of Write-Progress (0) from those of cmdlets through Host.Progress (1),
// as pwsh's source ids do.
type progressNode struct {
	src, id, parent  int
	activity, status string
	op               string
	percent, secs    int
	children         []*progressNode
}

// NewProgress returns a renderer writing to w, a terminal width columns
// wide (80 when width ≤ 0), in $PSStyle.Progress's defaults (without
// colour under NO_COLOR; the reverse video stays, as it is the bar).
func NewProgress(w io.Writer, width int) *Progress {
	if width <= 0 {
		width = 80
	}
	p := &Progress{w: w, width: width, now: time.Now, noColor: os.Getenv("NO_COLOR") != ""}
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
	p.style = st
}

// Update shows the state of an activity reported through Host.Progress
// (a cmdlet's own bar). percent is -1 when unknown, in which case it is
// computed from current and total when total > 0.
func (p *Progress) Update(activity, status string, percent int, current, total int) {
	if p == nil {
		return
	}
	if percent < 0 && total > 0 {
		percent = current * 100 / total
	}
	p.record(1, engine.ProgressRecord{ParentActivityID: -1, Activity: activity, StatusDescription: status,
		PercentComplete: percent, SecondsRemaining: -1})
}

// Record is the Host.Progress hook: completed ends the cmdlet's bar,
// otherwise its state is drawn.
func (p *Progress) Record(activity, status string, percent, current, total int, completed bool) {
	if completed {
		if p != nil {
			p.record(1, engine.ProgressRecord{ParentActivityID: -1, Completed: true})
		}
		return
	}
	p.Update(activity, status, percent, current, total)
}

// WriteProgressRecord takes a Write-Progress record whole.
func (p *Progress) WriteProgressRecord(rec engine.ProgressRecord) {
	if p != nil {
		p.record(0, rec)
	}
}

// record updates the activities as PendingProgress.Update does and draws
// them: at once for the first record and for a completed one, otherwise
// at most every progressInterval (pwsh's update timer).
func (p *Progress) record(src int, rec engine.ProgressRecord) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.update(src, rec)
	if p.style.UseOSCIndicator {
		if len(p.nodes) == 0 {
			if p.osc {
				io.WriteString(p.w, "\x1b]9;4;0\x1b\\")
				p.osc = false
			}
		} else {
			fmt.Fprintf(p.w, "\x1b]9;4;1;%d\x1b\\", max(rec.PercentComplete, 0))
			p.osc = true
		}
	}
	now := p.now()
	if p.drawn > 0 && !rec.Completed && now.Sub(p.last) < progressInterval {
		p.lines = p.render() // shown when output next redraws the bar
		return
	}
	p.last = now
	p.lines = p.render()
	if len(p.lines) == 0 {
		p.erase()
		return
	}
	if p.midLine {
		// Drawing would wipe the line's text (Write-Host -NoNewline):
		// the bar waits for output to end the line.
		return
	}
	p.draw()
}

// update applies rec to the tree of activities (PendingProgress.Update):
// a known activity is updated, or removed when completed (its children
// taking its place), or moved when its parent changed; a new one goes
// under its parent when that is shown, else at the top.
func (p *Progress) update(src int, rec engine.ProgressRecord) {
	if rec.ParentActivityID == rec.ActivityID {
		return
	}
	list, i := p.find(&p.nodes, src, rec.ActivityID)
	if list != nil {
		n := (*list)[i]
		if rec.Completed {
			p.remove(list, i)
			return
		}
		if rec.ParentActivityID == n.parent {
			n.activity, n.status, n.op = rec.Activity, rec.StatusDescription, rec.CurrentOperation
			n.percent, n.secs = min(rec.PercentComplete, 100), rec.SecondsRemaining
			return
		}
		p.remove(list, i)
	}
	if rec.Completed {
		return
	}
	n := &progressNode{src: src, id: rec.ActivityID, parent: rec.ParentActivityID, activity: rec.Activity,
		status: rec.StatusDescription, op: rec.CurrentOperation, percent: min(rec.PercentComplete, 100), secs: rec.SecondsRemaining}
	if n.parent >= 0 {
		if list, i := p.find(&p.nodes, src, n.parent); list != nil {
			parent := (*list)[i]
			parent.children = append(parent.children, n)
			return
		}
		n.parent = -1
	}
	p.nodes = append(p.nodes, n)
}

// find locates an activity in the tree: the list holding it and its index.
func (p *Progress) find(list *[]*progressNode, src, id int) (*[]*progressNode, int) {
	for i, n := range *list {
		if n.src == src && n.id == id {
			return list, i
		}
		if l, j := p.find(&n.children, src, id); l != nil {
			return l, j
		}
	}
	return nil, -1
}

// remove takes an activity out, its children promoted to its place
// (RemoveNodeAndPromoteChildren).
func (p *Progress) remove(list *[]*progressNode, i int) {
	n := (*list)[i]
	for _, c := range n.children {
		c.parent = -1
	}
	rest := append(append([]*progressNode{}, n.children...), (*list)[i+1:]...)
	*list = append((*list)[:i], rest...)
}

// render lays the activities out in the current view: one line each,
// children indented by two, for Minimal; the blank-bordered block for
// Classic.
func (p *Progress) render() []string {
	if len(p.nodes) == 0 {
		return nil
	}
	var lines []string
	classic := strings.EqualFold(p.style.View, "Classic")
	width := p.width
	if !classic && p.style.MaxWidth > 0 {
		width = min(width, p.style.MaxWidth)
	}
	var walk func(nodes []*progressNode, indent int)
	walk = func(nodes []*progressNode, indent int) {
		for _, n := range nodes {
			if classic {
				lines = append(lines, renderFull(n, indent, width)...)
			} else {
				lines = append(lines, strings.Repeat(" ", indent)+renderMinimal(n.activity, n.status, n.percent, n.secs, width-indent, p.style))
			}
			walk(n.children, indent+2)
		}
	}
	walk(p.nodes, 0)
	if classic {
		lines = append(append([]string{""}, lines...), "")
		for i, l := range lines {
			l += strings.Repeat(" ", max(width-barWidths.StringWidth(l), 0))
			if !p.noColor {
				l = classicColors + l + "\x1b[0m"
			}
			lines[i] = l
		}
	}
	return lines
}

// Complete erases the bar and forgets every activity (the command
// ended), turning the OSC indicator off.
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
	p.nodes, p.lines, p.midLine = nil, nil, false
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
	if len(b) > 0 {
		p.midLine = b[len(b)-1] != '\n'
	}
	if len(p.lines) > 0 && !p.midLine {
		p.draw()
	}
	return n, err
}

// SetProgressStyle implements engine.ProgressStyler.
func (pw *progressWriter) SetProgressStyle(st engine.ProgressStyle) { pw.p.SetStyle(st) }

// WriteProgressRecord implements engine.ProgressRecorder.
func (pw *progressWriter) WriteProgressRecord(rec engine.ProgressRecord) {
	pw.p.WriteProgressRecord(rec)
}

// barWidths measures the bar whatever the locale says of ambiguous
// characters ("…" is one cell).
var barWidths = &runewidth.Condition{}

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
	barWidth := width - barWidths.StringWidth(activity) - 4
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

// renderFull is ProgressNode.RenderFull (FullPlus) for one activity at
// indent: " activity ", the status indented by three and wrapped, the
// "[ooo   ]" thermometer when the percentage is known, the time left
// ("… remaining", as pwsh's SecondsRemaining line), and the current
// operation after a blank line.
func renderFull(n *progressNode, indent, width int) []string {
	pad := strings.Repeat(" ", indent)
	lines := []string{truncCells(" "+pad+n.activity+" ", width)}
	pad += "   "
	lines = append(lines, fullDescription(n.status, pad, width)...)
	if n.percent >= 0 {
		thermo := max(3, width-len(pad)-2-2-5)
		mercury := n.percent * thermo / 100
		if n.percent < 100 && mercury == thermo {
			mercury--
		}
		lines = append(lines, truncCells(" "+pad+"["+strings.Repeat("o", mercury)+strings.Repeat(" ", thermo-mercury)+"] ", width))
	}
	if n.secs >= 0 {
		d := time.Duration(n.secs) * time.Second
		lines = append(lines, truncCells(fmt.Sprintf(" %s%02d:%02d:%02d remaining.  ", pad, int(d.Hours()), int(d.Minutes())%60, n.secs%60), width))
	}
	if n.op != "" {
		lines = append(lines, " ")
		lines = append(lines, fullDescription(n.op, pad, width)...)
	}
	return lines
}

// fullDescription is RenderFullDescription: " indent text " cut into
// lines of the width, each following line indented again.
func fullDescription(text, pad string, width int) []string {
	var lines []string
	desc := " " + pad + text + " "
	for {
		line := truncCells(desc, width)
		lines = append(lines, line)
		if len(line) == len(desc) || line == "" {
			return lines
		}
		desc = " " + pad + desc[len(line):]
	}
}

// truncCells cuts s to at most width cells (StringUtil.TruncateToBufferCellWidth).
func truncCells(s string, width int) string {
	if barWidths.StringWidth(s) <= width {
		return s
	}
	return barWidths.Truncate(s, width, "")
}
