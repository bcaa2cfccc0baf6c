package engine

import (
	"bufio"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Host is the outside world of a session: where output and errors go, where
// input comes from, and what kind of terminal it is. The shell builds one;
// tests build one over buffers.
type Host struct {
	Out io.Writer // success output and host text
	Err io.Writer // errors, warnings, verbose and debug records
	In  *bufio.Reader
	// Interactive is true when a person answers prompts (Read-Host,
	// mandatory parameters, -Confirm).
	Interactive bool
	// NonInteractive is set by -NonInteractive: reading input and prompting
	// (Read-Host, -Confirm, ReadKey) fail with pwsh's NonInteractive
	// error instead of reading.
	NonInteractive bool
	// Color enables ANSI colour on Out and Err.
	Color bool
	// Width is the console width used for formatting (0 → 120).
	Width int
	// Getenv and Environ read the process environment ($env:).
	Getenv  func(string) string
	Setenv  func(string, string) error
	Environ func() []string
	// ReadLine, when set, reads one line of input for Read-Host and prompts
	// (the interactive shell installs one with echo and editing).
	ReadLine func(prompt string) (string, error)
	// ReadSecret reads a line without echo (Read-Host -AsSecureString).
	ReadSecret func(prompt string) (string, error)
	// ReadKey, when set, reads one key press while a command runs, without
	// echo and without waiting for Enter: the key's first rune (Enter is
	// '\r', an escape sequence such as an arrow key is '\x1b' with the rest
	// of the sequence consumed), ok=false when timeout (> 0) passed with no
	// key; timeout <= 0 waits for a key. Ctrl-C interrupts it with the
	// command context's error. nil when input is not a terminal.
	ReadKey func(timeout time.Duration) (key rune, ok bool, err error)
	// KeyMode, when set, holds the terminal in ReadKey's mode (no echo,
	// no line editing) until end is called, so that keys typed while the
	// command works between two ReadKey calls are neither shown nor
	// edited: they wait for the next ReadKey. nil when ReadKey is nil.
	KeyMode func() (end func())
	// Clear clears the screen (Clear-Host).
	Clear func()
	// Page shows text one screen at a time (Out-Host -Paging); nil when
	// output is not an interactive terminal, and then text is written
	// as is.
	Page func(text string) error
	// Progress draws a progress record (Write-Progress) on the terminal:
	// percent is -1 when unknown, current/total count items when known,
	// completed removes the bar. nil when there is no terminal to draw on.
	Progress func(activity, status string, percent, current, total int, completed bool)
	// Colorize wraps text in the ANSI sequences for a foreground and
	// background colour name (e.g. "Red", "DarkYellow"); nil or Color=false
	// means plain text.
	Colorize func(text, fg, bg string) string

	// The effect handlers (effects.go): unexported, so that files and
	// mail reach them only through the runtime, which runs the barrier
	// first. nil means the real file system and SMTP.
	openHandler    OpenHandlerFunc
	replaceHandler ReplaceHandlerFunc
	mailHandler    MailHandlerFunc

	mu sync.Mutex
}

// SetOpenHandler installs the handler through which the session opens
// files for writing (nil restores the real file system), as mvdan/sh's
// interp.OpenHandler does for a shell.
func (h *Host) SetOpenHandler(f OpenHandlerFunc) { h.openHandler = f }

// SetReplaceHandler installs the handler through which the session
// replaces files atomically (nil restores internal/atomicfile).
func (h *Host) SetReplaceHandler(f ReplaceHandlerFunc) { h.replaceHandler = f }

// SetMailHandler installs the handler through which the session hands
// mail to a relay (nil restores SMTP).
func (h *Host) SetMailHandler(f MailHandlerFunc) { h.mailHandler = f }

// NewHost returns a host over the given streams with the process
// environment.
func NewHost(in io.Reader, out, errw io.Writer) *Host {
	return &Host{
		Out:     out,
		Err:     errw,
		In:      bufio.NewReader(in),
		Getenv:  os.Getenv,
		Setenv:  os.Setenv,
		Environ: os.Environ,
	}
}

// WriteLine writes s and a newline to Out.
func (h *Host) WriteLine(s string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	io.WriteString(h.Out, s+"\n")
}

// Write writes s to Out as is.
func (h *Host) Write(s string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	io.WriteString(h.Out, s)
}

// WriteErrLine writes s and a newline to Err.
func (h *Host) WriteErrLine(s string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	io.WriteString(h.Err, s+"\n")
}

// Paint colours text when colour is on.
func (h *Host) Paint(text, fg, bg string) string {
	if !h.Color || h.Colorize == nil || (fg == "" && bg == "") {
		return text
	}
	return h.Colorize(text, fg, bg)
}

// NonInteractiveError is the error pwsh's host raises when a command
// reads input or prompts under -NonInteractive.
func NonInteractiveError() *ErrorRecord {
	return NewError("InvalidOperation", "InvalidOperation", nil,
		"PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.").
		WithException("System.Management.Automation.PSInvalidOperationException")
}

// Prompt reads a line after showing prompt (Read-Host). Without a ReadLine
// function it reads from In. Under NonInteractive it fails with
// NonInteractiveError.
func (h *Host) Prompt(prompt string) (string, error) {
	if h.NonInteractive {
		return "", NonInteractiveError()
	}
	if h.ReadLine != nil {
		return h.ReadLine(prompt)
	}
	if prompt != "" {
		h.Write(prompt)
	}
	line, err := h.In.ReadString('\n')
	if err != nil && line == "" {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// ConsoleWidth returns the formatting width.
func (h *Host) ConsoleWidth() int {
	if h.Width <= 0 {
		return 120
	}
	return h.Width
}
