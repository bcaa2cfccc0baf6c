//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"strings"

	prompt "github.com/c-bata/go-prompt"
	"github.com/csshell/csshell/engine"
)

// Set-PSReadLineKeyHandler binds a chord to a PSReadLine function; the
// editor honours the bindings whose function it implements (the table
// below), so the lines admins keep in their $PROFILE — UpArrow to
// HistorySearchBackward, Tab to MenuComplete, Ctrl+d to DeleteChar… —
// work. A chord bound to a function the editor does not implement, or to
// a script block, keeps its default behaviour (the README lists them).

// chordNames are the chords of the keys a terminal sends, as PSReadLine
// names them (PSKeyInfo.KeyStr).
var chordNames = map[string]string{
	"\x1b[A": "UpArrow", "\x1bOA": "UpArrow", "\x1b[B": "DownArrow", "\x1bOB": "DownArrow",
	"\x1b[C": "RightArrow", "\x1bOC": "RightArrow", "\x1b[D": "LeftArrow", "\x1bOD": "LeftArrow",
	"\x1b[1;5A": "Ctrl+UpArrow", "\x1b[1;5B": "Ctrl+DownArrow", "\x1b[1;5C": "Ctrl+RightArrow", "\x1b[1;5D": "Ctrl+LeftArrow",
	"\x1b[H": "Home", "\x1b[1~": "Home", "\x1bOH": "Home", "\x1b[F": "End", "\x1b[4~": "End", "\x1bOF": "End",
	"\x1b[3~": "Delete", "\x1b[2~": "Insert", "\x1b[5~": "PageUp", "\x1b[6~": "PageDown",
	"\t": "Tab", "\x1b[Z": "Shift+Tab", "\r": "Enter", "\n": "Ctrl+j", "\x1b": "Escape", "\x7f": "Backspace",
	"\x1bOP": "F1", "\x1bOQ": "F2", "\x1bOR": "F3", "\x1bOS": "F4", "\x1b[15~": "F5", "\x1b[17~": "F6",
	"\x1b[18~": "F7", "\x1b[19~": "F8", "\x1b[19;2~": "Shift+F8", "\x1b[20~": "F9", "\x1b[21~": "F10",
	"\x1b[23~": "F11", "\x1b[24~": "F12",
}

// chordOf names the key k sent ("" when it has no name here).
func chordOf(k []byte) string {
	s := string(k)
	if n, ok := chordNames[s]; ok {
		return n
	}
	switch {
	case len(s) == 1 && s[0] >= 1 && s[0] <= 26:
		return "Ctrl+" + string(rune('a'+s[0]-1))
	case len(s) == 2 && s[0] == 0x1b && s[1] > ' ' && s[1] < 0x7f:
		return "Alt+" + string(s[1])
	}
	return ""
}

// keysOf are the keys go-prompt gets for the PSReadLine functions that
// are go-prompt's own bindings.
var keysOf = map[string]string{
	"BeginningOfLine": "\x01", "EndOfLine": "\x05", "BackwardChar": "\x1b[D", "ForwardChar": "\x1b[C",
	"BackwardWord": "\x1bb", "ForwardWord": "\x1bf", "ShellBackwardWord": "\x1bb", "ShellForwardWord": "\x1bf",
	"NextWord": "\x1bf", "DeleteChar": "\x1b[3~", "DeleteCharOrExit": "\x04", "BackwardDeleteChar": "\x7f",
	"KillLine": "\x0b", "BackwardKillInput": "\x15", "BackwardKillLine": "\x15", "BackwardKillWord": "\x17",
	"UnixWordRubout": "\x17", "ShellBackwardKillWord": "\x17", "ClearScreen": "\x0c", "CancelLine": "\x03",
	"CopyOrCancelLine": "\x03", "Complete": "\t", "MenuComplete": "\t", "TabCompleteNext": "\t",
	"TabCompletePrevious": "\x1b[Z", "AcceptLine": "\r", "ValidateAndAcceptLine": "\r",
	"PreviousHistory": "\x1b[A", "NextHistory": "\x1b[B",
}

// honouredFunctions are the PSReadLine functions a key handler
// can be bound to and the editor carries out.
func honouredFunctions() []string {
	out := []string{"AddLine", "AcceptSuggestion", "ForwardSearchHistory", "HistorySearchBackward",
		"HistorySearchForward", "ReverseSearchHistory", "RevertLine", "BeginningOfHistory", "EndOfHistory"}
	for f := range keysOf {
		out = append(out, f)
	}
	return out
}

// boundFunction is the PSReadLine function a key handler binds the key
// k to, "" when none applies (no handler, a script block, or a function
// the editor does not carry out).
func (e *editor) boundFunction(k []byte) string {
	if e.handlers == nil {
		return ""
	}
	chord := chordOf(k)
	if chord == "" {
		return ""
	}
	fn := e.handlers(chord)
	if fn == unboundChord {
		return fn
	}
	for _, h := range honouredFunctions() {
		if strings.EqualFold(h, fn) {
			return h
		}
	}
	return ""
}

// applyFunction carries out a bound function for key k (e.mu held); ok
// is false when the key should be handled as if unbound.
func (e *editor) applyFunction(fn string, k []byte) ([]byte, bool) {
	s := e.shown
	switch fn {
	case "AddLine":
		return codeNewline, true
	case "AcceptSuggestion":
		if s.prediction != "" && s.cursor == len([]rune(s.text)) {
			return codePrediction, true
		}
		return codeNoop, true
	case "ReverseSearchHistory", "ForwardSearchHistory":
		e.search.begin(e.historyList(), fn == "ForwardSearchHistory", s.text)
		return codeSearchShow, true
	case "HistorySearchBackward":
		return codePrefixPrev, true
	case "HistorySearchForward":
		return codePrefixNext, true
	case "BeginningOfHistory":
		return codeHistoryFirst, true
	case "EndOfHistory":
		return codeHistoryLast, true
	case "RevertLine":
		return codeRevertLine, true
	}
	if keys, ok := keysOf[fn]; ok {
		if keys == string(k) {
			return nil, false // the key's own behaviour
		}
		e.pushback = append([][]byte{[]byte(keys)}, e.pushback...)
		return codeNoop, true
	}
	return nil, false
}

// unboundChord is what handlers answers for a chord
// Remove-PSReadLineKeyHandler took off: the key does nothing.
const unboundChord = "-"

var (
	codePrefixPrev   = []byte("\x1b[9012~")
	codePrefixNext   = []byte("\x1b[9013~")
	codeHistoryFirst = []byte("\x1b[9014~")
	codeHistoryLast  = []byte("\x1b[9015~")
	codeRevertLine   = []byte("\x1b[9016~")
)

// functionBindings are the ASCII-code bindings of the functions above.
func (e *editor) functionBindings() []prompt.ASCIICodeBind {
	return []prompt.ASCIICodeBind{
		{ASCIICode: codePrefixPrev, Fn: func(b *prompt.Buffer) { e.prefixSearch(b, -1) }},
		{ASCIICode: codePrefixNext, Fn: func(b *prompt.Buffer) { e.prefixSearch(b, 1) }},
		{ASCIICode: codeHistoryFirst, Fn: func(b *prompt.Buffer) { e.historyEnd(b, true) }},
		{ASCIICode: codeHistoryLast, Fn: func(b *prompt.Buffer) { e.historyEnd(b, false) }},
		{ASCIICode: codeRevertLine, Fn: func(b *prompt.Buffer) { setBuffer(b, "") }},
	}
}

// prefixSearch is HistorySearchBackward (dir -1) and Forward (+1): the
// next entry that starts with the text before the cursor when the
// search began; the cursor stays there unless
// HistorySearchCursorMovesToEnd.
func (e *editor) prefixSearch(b *prompt.Buffer, dir int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.nav.active || !e.nav.prefixed {
		d := b.Document()
		e.nav = historyNav{active: true, prefixed: true, list: e.historyList(), saved: b.Text(),
			prefix: d.TextBeforeCursor()}
		e.nav.idx = len(e.nav.list)
	}
	low := strings.ToLower(e.nav.prefix)
	for i := e.nav.idx + dir; i >= 0 && i < len(e.nav.list); i += dir {
		if strings.HasPrefix(strings.ToLower(e.nav.list[i]), low) && e.nav.list[i] != b.Text() {
			e.nav.idx = i
			e.placeRecalled(b, e.nav.list[i])
			return
		}
	}
	if dir > 0 {
		e.nav.idx = len(e.nav.list)
		e.placeRecalled(b, e.nav.saved)
	}
}

// placeRecalled shows an entry found by a prefix search.
func (e *editor) placeRecalled(b *prompt.Buffer, entry string) {
	if e.moveToEnd != nil && e.moveToEnd() {
		setBuffer(b, entry)
		return
	}
	setBufferAt(b, entry, len([]rune(e.nav.prefix)))
}

// historyEnd is BeginningOfHistory (first) and EndOfHistory.
func (e *editor) historyEnd(b *prompt.Buffer, first bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.nav.active {
		e.nav = historyNav{active: true, list: e.historyList(), saved: b.Text()}
	}
	if first && len(e.nav.list) > 0 {
		e.nav.idx = 0
		setBuffer(b, e.nav.list[0])
		return
	}
	e.nav.idx = len(e.nav.list)
	setBuffer(b, e.nav.saved)
}

// keyHandler is the function the options bind chord to: the newest
// handler of the chord ("" for a script block), unboundChord for a chord
// taken off, "" for the edit mode's default.
func keyHandler(o engine.ReadLineOptions, chord string) string {
	for i := len(o.KeyHandlers) - 1; i >= 0; i-- {
		if h := o.KeyHandlers[i]; h.Chord == chord {
			if h.Script != nil {
				return ""
			}
			return h.Function
		}
	}
	for _, c := range o.UnboundChords {
		if c == chord {
			return unboundChord
		}
	}
	return ""
}
