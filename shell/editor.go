//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"errors"
	"sync"
	"time"

	prompt "github.com/c-bata/go-prompt"
)

// editor is csshell's layer over go-prompt: the keys go-prompt's fixed
// handling gets wrong for a PSReadLine user are decided here before
// go-prompt sees them, with the exact state of the frame on the screen.
//
// go-prompt reads keys on its own goroutine and handles them on another;
// its key bindings see only the buffer, and Enter, Up and Down are
// handled before any binding runs. So the ConsoleParser (ttyParser) hands
// each key to route, which never reads ahead: after a key goes out it
// waits for the frame that key produced (frameWriter calls framed), so
// every decision sees the screen as it is. A decision either passes the
// key on, turns it into another key go-prompt knows (Tab, Shift-Tab), or
// into one of the private sequences below, bound to functions that edit
// the buffer (insert a line break, move between lines, recall history,
// accept the prediction, revert the menu, show a search match).
type editor struct {
	mu sync.Mutex

	// waiting is set from a key going out until its frame is drawn.
	waiting   bool
	waitSince time.Time
	// pushback holds keys to decide again before reading the terminal
	// (the key that ended a search).
	pushback [][]byte

	shown  shownState
	search historySearch
	nav    historyNav
	// lastWasHistory: the last Up/Down recalled history (so the next one
	// goes on through history even inside a multi-line entry).
	lastWasHistory bool

	entries func() []string // the history, oldest first
	// handlers names the function Set-PSReadLineKeyHandler bound a chord
	// to ("" for none or a script block); moveToEnd is
	// HistorySearchCursorMovesToEnd.
	handlers    func(chord string) string
	moveToEnd   func() bool
	noDuplicate func() bool // HistoryNoDuplicates
	incomplete  func(text string) bool
}

// shownState is what the last frame showed, recorded by frameWriter.
type shownState struct {
	text       string
	cursor     int // runes
	menu       bool
	selected   bool
	prediction string
}

// keyWait bounds how long a key waits for the previous key's frame.
const keyWait = 250 * time.Millisecond

// errKeyWait tells go-prompt's reader there is no key yet.
var errKeyWait = errors.New("waiting for the frame")

// The private sequences route emits; go-prompt does not know them, so it
// runs the ASCII-code binding of each.
var (
	codeNewline       = []byte("\x1b[9001~")
	codeLineUp        = []byte("\x1b[9002~")
	codeLineDown      = []byte("\x1b[9003~")
	codeHistoryPrev   = []byte("\x1b[9004~")
	codeHistoryNext   = []byte("\x1b[9005~")
	codePrediction    = []byte("\x1b[9006~")
	codeRevert        = []byte("\x1b[9007~")
	codeNoop          = []byte("\x1b[9008~")
	codeSearchShow    = []byte("\x1b[9009~")
	codeSearchAccept  = []byte("\x1b[9010~")
	codeSearchRestore = []byte("\x1b[9011~")
	keyTab            = []byte{'\t'}
	keyBackTab        = []byte("\x1b[Z")
	keyUp             = []byte("\x1b[A")
	keyDown           = []byte("\x1b[B")
)

// bindings are the ASCII-code bindings of the private sequences.
func (e *editor) bindings() []prompt.ASCIICodeBind {
	return append([]prompt.ASCIICodeBind{
		{ASCIICode: codeNewline, Fn: func(b *prompt.Buffer) { b.InsertText("\n", false, true) }},
		{ASCIICode: codeLineUp, Fn: func(b *prompt.Buffer) { b.CursorUp(1) }},
		{ASCIICode: codeLineDown, Fn: func(b *prompt.Buffer) { b.CursorDown(1) }},
		{ASCIICode: codeHistoryPrev, Fn: e.historyPrev},
		{ASCIICode: codeHistoryNext, Fn: e.historyNext},
		{ASCIICode: codePrediction, Fn: e.acceptPrediction},
		{ASCIICode: codeRevert, Fn: e.revert},
		{ASCIICode: codeNoop, Fn: func(*prompt.Buffer) {}},
		{ASCIICode: codeSearchShow, Fn: e.searchShow},
		{ASCIICode: codeSearchAccept, Fn: e.searchAccept},
		{ASCIICode: codeSearchRestore, Fn: e.searchRestore},
	}, e.functionBindings()...)
}

// reset forgets any wait: go-prompt starts reading again after a command.
func (e *editor) reset() {
	e.mu.Lock()
	e.waiting = false
	e.pushback = nil
	e.mu.Unlock()
}

// framed records the frame just drawn and lets the next key go.
func (e *editor) framed(s shownState) {
	e.mu.Lock()
	e.shown = s
	e.waiting = false
	e.mu.Unlock()
}

// lineEnded is called when a line is run or cancelled: history
// navigation and search start afresh.
func (e *editor) lineEnded() {
	e.mu.Lock()
	e.nav = historyNav{}
	e.search.active = false
	e.lastWasHistory = false
	e.waiting = false
	e.mu.Unlock()
}

// route is the ConsoleParser's Read: the next key for go-prompt, read
// with next, once the previous key's frame is drawn.
func (e *editor) route(next func() ([]byte, error)) ([]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.waiting && time.Since(e.waitSince) < keyWait {
		return nil, errKeyWait
	}
	e.waiting = false
	var k []byte
	if len(e.pushback) > 0 {
		k, e.pushback = e.pushback[0], e.pushback[1:]
	} else {
		var err error
		if k, err = next(); err != nil || len(k) == 0 {
			return k, err
		}
	}
	out := e.decide(k)
	e.waiting, e.waitSince = true, time.Now()
	return out, nil
}

// decide turns a key into what go-prompt gets (e.mu held).
func (e *editor) decide(k []byte) []byte {
	if e.search.active {
		return e.searchKey(k)
	}
	s := e.shown
	if fn := e.boundFunction(k); fn != "" && !(s.menu && isMenuKey(k)) {
		if fn == unboundChord {
			return codeNoop
		}
		if out, ok := e.applyFunction(fn, k); ok {
			return out
		}
	}
	key := prompt.GetKey(k)
	history := false
	defer func() { e.lastWasHistory = history }()
	switch {
	case len(k) == 1 && (k[0] == '\r' || k[0] == '\n'):
		if s.selected {
			return codeNoop // Enter takes the menu item, as PSReadLine's menu does
		}
		if e.incomplete(s.text) {
			return codeNewline
		}
		return []byte{'\r'}
	case key == prompt.Up || key == prompt.ControlP:
		if s.menu {
			if s.selected {
				return keyUp
			}
			return keyBackTab
		}
		if row, _ := textPlace(s.text, s.cursor); row > 0 && !e.lastWasHistory {
			return codeLineUp
		}
		history = true
		return codeHistoryPrev
	case key == prompt.Down || key == prompt.ControlN:
		if s.menu {
			if s.selected {
				return keyDown
			}
			return keyTab
		}
		if row, _ := textPlace(s.text, s.cursor); row < lineCount(s.text)-1 && !e.lastWasHistory {
			return codeLineDown
		}
		history = true
		return codeHistoryNext
	case key == prompt.Left && s.menu:
		if s.selected {
			return keyUp
		}
		return keyBackTab
	case key == prompt.Right && s.menu:
		if s.selected {
			return keyDown
		}
		return keyTab
	case key == prompt.Right && s.prediction != "" && s.cursor == len([]rune(s.text)):
		return codePrediction
	case key == prompt.Escape && len(k) == 1:
		if s.selected {
			return codeRevert
		}
		return codeNoop
	case key == prompt.ControlR || key == prompt.ControlS:
		e.search.begin(e.historyList(), key == prompt.ControlS, s.text)
		return codeSearchShow
	}
	return k
}

// isMenuKey reports the keys that move in an open menu (the menu takes
// them whatever they are bound to, as PSReadLine's menu does).
func isMenuKey(k []byte) bool {
	switch prompt.GetKey(k) {
	case prompt.Up, prompt.Down, prompt.Left, prompt.Right, prompt.Tab, prompt.BackTab, prompt.Escape, prompt.Enter, prompt.ControlM:
		return true
	}
	return false
}

// historyList is the history as recall and search see it: oldest first,
// without repeats when HistoryNoDuplicates is on (the newest copy stays).
func (e *editor) historyList() []string {
	all := e.entries()
	if e.noDuplicate == nil || !e.noDuplicate() {
		return all
	}
	seen := make(map[string]bool, len(all))
	out := make([]string, 0, len(all))
	for i := len(all) - 1; i >= 0; i-- {
		if !seen[all[i]] {
			seen[all[i]] = true
			out = append(out, all[i])
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// historyNav walks the history with Up and Down; the line being typed
// is kept and comes back after the newest entry.
type historyNav struct {
	active bool
	// prefixed: a HistorySearchBackward/Forward walk, over the entries
	// starting with prefix.
	prefixed bool
	prefix   string
	list     []string
	idx      int
	saved    string
}

func (e *editor) historyPrev(b *prompt.Buffer) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.nav.active || e.nav.prefixed {
		e.nav = historyNav{active: true, list: e.historyList(), saved: b.Text()}
		e.nav.idx = len(e.nav.list)
	}
	if e.nav.idx == 0 {
		return
	}
	e.nav.idx--
	setBuffer(b, e.nav.list[e.nav.idx])
}

func (e *editor) historyNext(b *prompt.Buffer) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.nav.active {
		return
	}
	if e.nav.idx < len(e.nav.list) {
		e.nav.idx++
	}
	if e.nav.idx == len(e.nav.list) {
		setBuffer(b, e.nav.saved)
		e.nav.active = false
		return
	}
	setBuffer(b, e.nav.list[e.nav.idx])
}

// acceptPrediction inserts the prediction the frame showed (→ at the end
// of the line, PSReadLine's AcceptSuggestion).
func (e *editor) acceptPrediction(b *prompt.Buffer) {
	e.mu.Lock()
	p, text := e.shown.prediction, e.shown.text
	e.mu.Unlock()
	if p != "" && b.Text() == text {
		b.InsertText(p, false, true)
	}
}

// revert puts back the line as typed before the menu's selection (Esc):
// go-prompt has just inserted the selected item.
func (e *editor) revert(b *prompt.Buffer) {
	e.mu.Lock()
	text, cursor := e.shown.text, e.shown.cursor
	e.mu.Unlock()
	setBufferAt(b, text, cursor)
}

// setBufferAt replaces the whole buffer and puts the cursor at rune
// offset cursor.
func setBufferAt(b *prompt.Buffer, text string, cursor int) {
	setBuffer(b, text)
	if n := len([]rune(text)) - cursor; n > 0 {
		b.CursorLeft(n)
	}
}

// textPlace is the (line, column in runes) of rune offset cursor.
func textPlace(text string, cursor int) (int, int) {
	row, col := 0, 0
	for i, r := range []rune(text) {
		if i == cursor {
			break
		}
		if r == '\n' {
			row++
			col = 0
		} else {
			col++
		}
	}
	return row, col
}

// lineCount is the number of lines of text.
func lineCount(text string) int {
	n := 1
	for _, r := range text {
		if r == '\n' {
			n++
		}
	}
	return n
}
