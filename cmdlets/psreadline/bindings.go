package psreadline

import (
	"strings"

	"github.com/csshell/csshell/engine"
)

// group is a KeyHandlerGroup: the heading Get-PSReadLineKeyHandler lists
// a function under, in this order.
type group int

const (
	groupBasic group = iota
	groupCursorMovement
	groupHistory
	groupCompletion
	groupPrediction
	groupMiscellaneous
	groupSelection
	groupSearch
	groupCustom
)

// groupNames are the KeyHandlerGroup names (the Group property).
var groupNames = []string{"Basic", "CursorMovement", "History", "Completion", "Prediction", "Miscellaneous", "Selection", "Search", "Custom"}

// function is one bindable PSReadLine function.
type function struct {
	name        string
	group       group
	description string
}

// functionIndex maps lower-case function names to the functions.
var functionIndex = func() map[string]function {
	m := make(map[string]function, len(functions))
	for _, f := range functions {
		m[strings.ToLower(f.name)] = f
	}
	return m
}()

// lookupFunction finds a function by name, case-insensitively.
func lookupFunction(name string) (function, bool) {
	f, ok := functionIndex[strings.ToLower(name)]
	return f, ok
}

// functionNames lists the functions, sorted: -Function's ValidateSet.
func functionNames() []string {
	out := make([]string, len(functions))
	for i, f := range functions {
		out[i] = f.name
	}
	return out
}

// binding is a default binding of an edit mode: a chord as KeyStr names
// it, and the function. "ChordFirstKey" marks the first key of two-key
// chords; Get-PSReadLineKeyHandler does not list it.
type binding struct {
	chord    string
	function string
}

// chordFirstKey is the handler of a key that starts two-key chords.
const chordFirstKey = "ChordFirstKey"

// emacsBindings are SetDefaultEmacsBindings on Linux and macOS, the
// default edit mode there: the one-key table in its order, then the
// Escape and Ctrl+x chord tables.
var emacsBindings = []binding{
	{"Backspace", "BackwardDeleteChar"},
	{"Enter", "AcceptLine"},
	{"Shift+Enter", "AddLine"},
	{"LeftArrow", "BackwardChar"},
	{"RightArrow", "ForwardChar"},
	{"Shift+LeftArrow", "SelectBackwardChar"},
	{"Shift+RightArrow", "SelectForwardChar"},
	{"UpArrow", "PreviousHistory"},
	{"DownArrow", "NextHistory"},
	{"Alt+<", "BeginningOfHistory"},
	{"Alt+>", "EndOfHistory"},
	{"Home", "BeginningOfLine"},
	{"End", "EndOfLine"},
	{"Shift+Home", "SelectBackwardsLine"},
	{"Shift+End", "SelectLine"},
	{"Escape", "ChordFirstKey"},
	{"Delete", "DeleteChar"},
	{"Tab", "Complete"},
	{"Ctrl+a", "BeginningOfLine"},
	{"Ctrl+b", "BackwardChar"},
	{"Ctrl+c", "CopyOrCancelLine"},
	{"Ctrl+d", "DeleteCharOrExit"},
	{"Ctrl+e", "EndOfLine"},
	{"Ctrl+f", "ForwardChar"},
	{"Ctrl+g", "Abort"},
	{"Ctrl+l", "ClearScreen"},
	{"Ctrl+k", "KillLine"},
	{"Ctrl+m", "ValidateAndAcceptLine"},
	{"Ctrl+n", "NextHistory"},
	{"Ctrl+o", "AcceptAndGetNext"},
	{"Ctrl+p", "PreviousHistory"},
	{"Ctrl+r", "ReverseSearchHistory"},
	{"Ctrl+s", "ForwardSearchHistory"},
	{"Ctrl+t", "SwapCharacters"},
	{"Ctrl+u", "BackwardKillInput"},
	{"Ctrl+x", "ChordFirstKey"},
	{"Ctrl+w", "UnixWordRubout"},
	{"Ctrl+y", "Yank"},
	{"Ctrl+@", "SetMark"},
	{"Ctrl+Backspace", "BackwardDeleteChar"},
	{"Ctrl+_", "Undo"},
	{"Ctrl+]", "CharacterSearch"},
	{"Ctrl+Alt+]", "CharacterSearchBackward"},
	{"Alt+0", "DigitArgument"},
	{"Alt+1", "DigitArgument"},
	{"Alt+2", "DigitArgument"},
	{"Alt+3", "DigitArgument"},
	{"Alt+4", "DigitArgument"},
	{"Alt+5", "DigitArgument"},
	{"Alt+6", "DigitArgument"},
	{"Alt+7", "DigitArgument"},
	{"Alt+8", "DigitArgument"},
	{"Alt+9", "DigitArgument"},
	{"Alt+-", "DigitArgument"},
	{"Alt+b", "BackwardWord"},
	{"Alt+B", "SelectBackwardWord"},
	{"Alt+d", "KillWord"},
	{"Alt+f", "ForwardWord"},
	{"Alt+F", "SelectForwardWord"},
	{"Alt+r", "RevertLine"},
	{"Alt+y", "YankPop"},
	{"Alt+Backspace", "BackwardKillWord"},
	{"Alt+=", "PossibleCompletions"},
	{"Ctrl+Alt+?", "ShowKeyBindings"},
	{"Alt+?", "WhatIsKey"},
	{"Alt+.", "YankLastArg"},
	{"Alt+_", "YankLastArg"},
	{"Ctrl+Alt+y", "YankNthArg"},
	{"Alt+a", "SelectCommandArgument"},
	{"Alt+h", "ShowParameterHelp"},
	{"F1", "ShowCommandHelp"},
	{"F2", "SwitchPredictionView"},
	{"F4", "ShowFullPredictionTooltip"},
	{"Alt+u", "UpcaseWord"},
	{"Alt+l", "DowncaseWord"},
	{"Alt+c", "CapitalizeWord"},
	{"Alt+Spacebar", "SetMark"},
	{"Escape,b", "BackwardWord"},
	{"Escape,d", "KillWord"},
	{"Escape,f", "ForwardWord"},
	{"Escape,r", "RevertLine"},
	{"Escape,y", "YankPop"},
	{"Escape,u", "UpcaseWord"},
	{"Escape,l", "DowncaseWord"},
	{"Escape,c", "CapitalizeWord"},
	{"Escape,Ctrl+y", "YankNthArg"},
	{"Escape,Backspace", "BackwardKillWord"},
	{"Escape,.", "YankLastArg"},
	{"Escape,_", "YankLastArg"},
	{"Ctrl+x,Backspace", "BackwardKillInput"},
	{"Ctrl+x,Ctrl+e", "ViEditVisually"},
	{"Ctrl+x,Ctrl+u", "Undo"},
	{"Ctrl+x,Ctrl+x", "ExchangePointAndMark"},
}

// windowsBindings are SetDefaultWindowsBindings off Windows.
var windowsBindings = []binding{
	{"Enter", "AcceptLine"},
	{"Shift+Enter", "AddLine"},
	{"Ctrl+Enter", "InsertLineAbove"},
	{"Shift+Ctrl+Enter", "InsertLineBelow"},
	{"Escape", "RevertLine"},
	{"LeftArrow", "BackwardChar"},
	{"RightArrow", "ForwardChar"},
	{"Ctrl+LeftArrow", "BackwardWord"},
	{"Ctrl+RightArrow", "NextWord"},
	{"Shift+LeftArrow", "SelectBackwardChar"},
	{"Shift+RightArrow", "SelectForwardChar"},
	{"Shift+Ctrl+LeftArrow", "SelectBackwardWord"},
	{"Shift+Ctrl+RightArrow", "SelectNextWord"},
	{"UpArrow", "PreviousHistory"},
	{"DownArrow", "NextHistory"},
	{"Home", "BeginningOfLine"},
	{"End", "EndOfLine"},
	{"Shift+Home", "SelectBackwardsLine"},
	{"Shift+End", "SelectLine"},
	{"Delete", "DeleteChar"},
	{"Backspace", "BackwardDeleteChar"},
	{"Tab", "TabCompleteNext"},
	{"Shift+Tab", "TabCompletePrevious"},
	{"Ctrl+a", "SelectAll"},
	{"Ctrl+c", "CopyOrCancelLine"},
	{"Ctrl+C", "Copy"},
	{"Ctrl+l", "ClearScreen"},
	{"Ctrl+r", "ReverseSearchHistory"},
	{"Ctrl+s", "ForwardSearchHistory"},
	{"Ctrl+v", "Paste"},
	{"Shift+Insert", "Paste"},
	{"Ctrl+x", "Cut"},
	{"Ctrl+y", "Redo"},
	{"Ctrl+z", "Undo"},
	{"Ctrl+Backspace", "BackwardKillWord"},
	{"Ctrl+Home", "BackwardDeleteInput"},
	{"Ctrl+]", "GotoBrace"},
	{"Ctrl+Alt+?", "ShowKeyBindings"},
	{"Alt+.", "YankLastArg"},
	{"Alt+0", "DigitArgument"},
	{"Alt+1", "DigitArgument"},
	{"Alt+2", "DigitArgument"},
	{"Alt+3", "DigitArgument"},
	{"Alt+4", "DigitArgument"},
	{"Alt+5", "DigitArgument"},
	{"Alt+6", "DigitArgument"},
	{"Alt+7", "DigitArgument"},
	{"Alt+8", "DigitArgument"},
	{"Alt+9", "DigitArgument"},
	{"Alt+-", "DigitArgument"},
	{"Alt+?", "WhatIsKey"},
	{"Alt+a", "SelectCommandArgument"},
	{"Alt+h", "ShowParameterHelp"},
	{"F1", "ShowCommandHelp"},
	{"F2", "SwitchPredictionView"},
	{"F3", "CharacterSearch"},
	{"Shift+F3", "CharacterSearchBackward"},
	{"F4", "ShowFullPredictionTooltip"},
	{"F8", "HistorySearchBackward"},
	{"Shift+F8", "HistorySearchForward"},
	{"Alt+d", "KillWord"},
	{"Ctrl+@", "MenuComplete"},
	{"Ctrl+w", "BackwardKillWord"},
}

// defaultBindings are an edit mode's bindings; Vi's are not modelled.
func defaultBindings(editMode string) []binding {
	switch editMode {
	case "Emacs":
		return emacsBindings
	case "Windows":
		return windowsBindings
	}
	return nil
}

// handler is one row of the dispatch tables: what a chord runs.
type handler struct {
	chord       string
	function    string // the function, or a script block's brief description
	description string // "" for a function's own description
	custom      bool   // bound to a script block
}

// dispatch is the session's key bindings as PSReadLine's dispatch tables
// hold them: the edit mode's defaults, less the chords removed, with the
// user's bindings applied in order. Keys keep the order they were first
// bound in, as a .NET Dictionary enumerates them.
type dispatch struct {
	single []handler            // one-key chords
	chords map[string][]handler // two-key chords by first key
	firsts []string             // first keys of chords, in order
}

// newDispatch builds the tables for opts.
func newDispatch(opts engine.ReadLineOptions) *dispatch {
	d := &dispatch{chords: map[string][]handler{}}
	for _, b := range defaultBindings(opts.EditMode) {
		d.set(handler{chord: b.chord, function: b.function})
	}
	for _, c := range opts.UnboundChords {
		d.remove(c)
	}
	for _, k := range opts.KeyHandlers {
		d.set(handler{chord: k.Chord, function: k.Function, description: k.Description, custom: k.Script != nil})
	}
	return d
}

// set binds h.chord; a two-key chord makes its first key a chord prefix.
func (d *dispatch) set(h handler) {
	first, second, two := strings.Cut(h.chord, ",")
	if first == "" && second == "" && two {
		// The chord "," is one key.
		first, two = ",", false
	}
	if !two {
		d.setSingle(h)
		return
	}
	d.setSingle(handler{chord: first, function: chordFirstKey})
	if _, ok := d.chords[first]; !ok {
		d.firsts = append(d.firsts, first)
	}
	list := d.chords[first]
	for i := range list {
		if list[i].chord == h.chord {
			list[i] = h
			return
		}
	}
	d.chords[first] = append(list, h)
}

func (d *dispatch) setSingle(h handler) {
	for i := range d.single {
		if d.single[i].chord == h.chord {
			d.single[i] = h
			return
		}
	}
	d.single = append(d.single, h)
}

// remove unbinds a chord; a chord table left empty unbinds its first key.
func (d *dispatch) remove(chord string) {
	first, _, two := strings.Cut(chord, ",")
	if !two || chord == "," {
		d.removeSingle(chord)
		return
	}
	list := d.chords[first]
	for i := range list {
		if list[i].chord == chord {
			d.chords[first] = append(list[:i:i], list[i+1:]...)
			if len(d.chords[first]) == 0 {
				d.removeSingle(first)
			}
			return
		}
	}
}

func (d *dispatch) removeSingle(chord string) {
	for i := range d.single {
		if d.single[i].chord == chord {
			d.single = append(d.single[:i:i], d.single[i+1:]...)
			return
		}
	}
}

// lookup finds the handler of a chord, as GetKeyHandlers(Chord) does: a
// two-key chord is found while its first key is bound at all.
func (d *dispatch) lookup(chord string) (handler, bool) {
	first, _, two := strings.Cut(chord, ",")
	if two && chord != "," {
		if _, ok := d.lookup(first); !ok {
			return handler{}, false
		}
		for _, h := range d.chords[first] {
			if h.chord == chord {
				return h, true
			}
		}
		return handler{}, false
	}
	for _, h := range d.single {
		if h.chord == chord {
			return h, true
		}
	}
	return handler{}, false
}

// bound lists every binding but the chord prefixes: the one-key table,
// then every chord table (PSReadLine lists those whatever became of their
// first key).
func (d *dispatch) bound() []handler {
	var out []handler
	for _, h := range d.single {
		if h.function != chordFirstKey {
			out = append(out, h)
		}
	}
	for _, f := range d.firsts {
		out = append(out, d.chords[f]...)
	}
	return out
}
