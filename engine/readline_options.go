package engine

import "sync"

// ReadLineOptions are the session's PSReadLine options: what
// Set-PSReadLineOption and Set-PSReadLineKeyHandler change and the
// interactive line editor reads before it draws or handles a key. They
// live here, one copy per session, so the cmdlets, Get-PSReadLineOption
// and the editor read the same facts.
type ReadLineOptions struct {
	// EditMode is Emacs, Windows or Vi (the editor honours Emacs keys).
	EditMode string
	// ContinuationPrompt starts every line after the first of a
	// multi-line entry.
	ContinuationPrompt string
	// HistoryNoDuplicates hides repeated entries from recall and search.
	HistoryNoDuplicates bool
	// HistorySearchCursorMovesToEnd puts the cursor at the end of a
	// recalled entry.
	HistorySearchCursorMovesToEnd bool
	// MaximumHistoryCount bounds the history file's entries.
	MaximumHistoryCount int
	// PredictionSource is None, History, Plugin or HistoryAndPlugin; the
	// editor shows history predictions unless it is None or Plugin.
	PredictionSource string
	// PredictionViewStyle is InlineView or ListView.
	PredictionViewStyle string
	// BellStyle is None, Visual or Audible.
	BellStyle string
	// Colors maps a token kind (Command, Comment, ContinuationPrompt,
	// Default, Emphasis, Error, InlinePrediction, Keyword, Member, Number,
	// Operator, Parameter, Selection, String, Type, Variable, …) to the
	// escape sequence that starts it.
	Colors map[string]string
	// KeyHandlers are the chords bound by Set-PSReadLineKeyHandler, in
	// the order they were bound; each overrides the edit mode's default
	// binding of its chord. Setting EditMode clears them, as PSReadLine
	// reloads the mode's defaults.
	KeyHandlers []KeyHandler
	// UnboundChords are the chords Remove-PSReadLineKeyHandler took off:
	// their default bindings no longer apply (a chord bound again leaves
	// this list for KeyHandlers).
	UnboundChords []string

	// The options below are accepted and shown by Get-PSReadLineOption
	// as PSReadLine's; the editor honours those it can.

	// ExtraPromptLineCount is how many lines the prompt spans beyond one.
	ExtraPromptLineCount int
	// AddToHistoryDefault is set while PSReadLine's default
	// AddToHistoryHandler decides what history keeps (the sensitive-line
	// filter); AddToHistoryHandler, when set, replaces it. Both unset
	// (Set-PSReadLineOption -AddToHistoryHandler $null) keeps every line.
	AddToHistoryDefault bool
	AddToHistoryHandler *ScriptBlock
	// CommandValidationHandler runs on ValidateAndAcceptLine; nil for none.
	CommandValidationHandler *ScriptBlock
	// MaximumKillRingCount bounds the kill ring.
	MaximumKillRingCount int
	// ShowToolTips shows the completions' tooltips.
	ShowToolTips bool
	// DingTone and DingDuration are the audible bell's pitch (Hz) and
	// length (ms).
	DingTone     int
	DingDuration int
	// CompletionQueryItems is how many completions may be listed before
	// the user is asked.
	CompletionQueryItems int
	// WordDelimiters are the characters that end a word for word motions.
	WordDelimiters string
	// HistorySearchCaseSensitive makes history search case-sensitive.
	HistorySearchCaseSensitive bool
	// HistorySaveStyle is SaveIncrementally, SaveAtExit or SaveNothing.
	HistorySaveStyle string
	// HistorySavePath is the history file set by Set-PSReadLineOption;
	// "" is the shell's own file (Get-PSReadLineOption shows its path).
	HistorySavePath string
	// AnsiEscapeTimeout is how long (ms) to wait for the rest of an
	// escape sequence.
	AnsiEscapeTimeout int
	// PromptText is the end of the prompt PSReadLine redraws in the Error
	// colour while the input does not parse (a second item replaces it
	// then).
	PromptText []string
	// ViModeIndicator is None, Prompt, Cursor or Script;
	// ViModeChangeHandler runs on a mode change under Script.
	ViModeIndicator     string
	ViModeChangeHandler *ScriptBlock
}

// KeyHandler is one chord bound to a PSReadLine function or a script
// block.
type KeyHandler struct {
	// Chord is the key or two-key sequence as PSReadLine spells it
	// (Get-PSReadLineKeyHandler's Key): "Ctrl+r", "Alt+b", "Shift+Enter",
	// "Tab", "Ctrl+x,Ctrl+u", "Escape,b" — whatever the user typed, so
	// equal chords are equal strings.
	Chord       string
	Function    string
	Description string
	// Script is set for -ScriptBlock handlers (Function is then the
	// -BriefDescription, "CustomAction" by default).
	Script *ScriptBlock
}

// DefaultReadLineOptions are PSReadLine's defaults on a VT terminal
// (PSReadLine 2.3, as pwsh 7.4 ships it).
func DefaultReadLineOptions() ReadLineOptions {
	return ReadLineOptions{
		EditMode:            "Emacs",
		ContinuationPrompt:  ">> ",
		HistoryNoDuplicates: true,
		MaximumHistoryCount: 4096,
		PredictionSource:    "HistoryAndPlugin",
		PredictionViewStyle: "InlineView",
		BellStyle:           "Audible",
		// PSConsoleReadLineOptions' other defaults (Cmdlets.cs).
		AddToHistoryDefault:  true,
		MaximumKillRingCount: 10,
		ShowToolTips:         true,
		DingTone:             1221,
		DingDuration:         50,
		CompletionQueryItems: 100,
		WordDelimiters:       ";:,.[]{}()/\\|!?^&*-=+'\"\u2013\u2014\u2015",
		HistorySaveStyle:     "SaveIncrementally",
		AnsiEscapeTimeout:    100,
		// Read from the default prompt function, which is pure: its text
		// after the last space.
		PromptText:      []string{"> "},
		ViModeIndicator: "None",
		Colors: map[string]string{
			"Command":            "\x1b[93m",
			"Comment":            "\x1b[32m",
			"ContinuationPrompt": "\x1b[37m",
			"Default":            "\x1b[37m",
			"Emphasis":           "\x1b[96m",
			"Error":              "\x1b[91m",
			"InlinePrediction":   "\x1b[97;2;3m",
			"Keyword":            "\x1b[92m",
			"ListPrediction":     "\x1b[33m",
			// A dark grey background for the selected list item, and the
			// inline prediction's colour for list tooltips.
			"ListPredictionSelected": "\x1b[48;5;238m",
			"ListPredictionTooltip":  "\x1b[97;2;3m",
			"Member":                 "\x1b[37m",
			"Number":                 "\x1b[97m",
			"Operator":               "\x1b[90m",
			"Parameter":              "\x1b[90m",
			"Selection":              "\x1b[30;47m",
			"String":                 "\x1b[36m",
			"Type":                   "\x1b[37m",
			"Variable":               "\x1b[92m",
		},
	}
}

// readLineState holds a session's options behind a lock: the editor
// reads them from its own goroutine.
type readLineState struct {
	mu   sync.Mutex
	opts *ReadLineOptions
}

// state returns the session's options, made with the defaults on
// first use; the caller holds s.mu.
func (s *readLineState) state() *ReadLineOptions {
	if s.opts == nil {
		d := DefaultReadLineOptions()
		s.opts = &d
	}
	return s.opts
}

// ReadLineOptions returns a copy of the session's PSReadLine options.
func (rt *Runtime) ReadLineOptions() ReadLineOptions {
	s := &rt.readLine
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state().clone()
}

// UpdateReadLineOptions changes the session's PSReadLine options in f
// (which gets the live copy, under the lock).
func (rt *Runtime) UpdateReadLineOptions(f func(*ReadLineOptions)) {
	s := &rt.readLine
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s.state())
}

func (o *ReadLineOptions) clone() ReadLineOptions {
	c := *o
	c.Colors = make(map[string]string, len(o.Colors))
	for k, v := range o.Colors {
		c.Colors[k] = v
	}
	c.KeyHandlers = append([]KeyHandler(nil), o.KeyHandlers...)
	c.UnboundChords = append([]string(nil), o.UnboundChords...)
	c.PromptText = append([]string(nil), o.PromptText...)
	return c
}
