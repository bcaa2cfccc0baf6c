//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"

	prompt "github.com/c-bata/go-prompt"
	"github.com/csshell/csshell/engine"
)

// repl is the interactive session on a terminal, built on go-prompt.
type repl struct {
	rt    *engine.Runtime
	host  *engine.Host
	tty   *ttyParser
	hist  *History
	cont  continuation
	sugg  *suggester
	ed    *editor
	color bool
	// promptOut is the stream the prompt is drawn on.
	promptOut io.Writer
	term      *terminator
	progress  *Progress
	errOut    io.Writer

	mu     sync.Mutex
	cmdCtx context.Context // the running command's context, for Read-Host

	exiting  bool
	exitCode int
	histErr  bool
}

// interactiveConfig is what Main hands the REPL.
type interactiveConfig struct {
	rt       *engine.Runtime
	host     *engine.Host
	tty      *ttyParser
	onStderr bool // draw the prompt on stderr (stdout is redirected)
	color    bool // colour the prompt's menu
	getenv   func(string) string
	complete completeFunc
	progress *Progress
	release  func() // closes the tenant store, for a signal exit
}

// runInteractive runs the go-prompt loop until exit or Ctrl-D and returns
// the exit code. The terminal is restored on every way out.
func runInteractive(cfg interactiveConfig) int {
	r := &repl{rt: cfg.rt, host: cfg.host, tty: cfg.tty, progress: cfg.progress, errOut: cfg.host.Err, color: cfg.color,
		promptOut: promptStream(cfg)}
	defer cfg.tty.Close()
	r.term = newTerminator(cfg.tty, cfg.release)
	max := DefaultHistoryCount
	if v, ok := cfg.rt.GetVariable("MaximumHistoryCount"); ok {
		if n, ok := toInt(v); ok && n > 0 {
			max = n
		}
	}
	hist, err := OpenHistory(historyPath(cfg.getenv), max)
	if err != nil {
		fmt.Fprintf(r.errOut, "csshell: history: %v\n", err)
	}
	hist.SetSession(cfg.rt) // secrets are masked through the session's binder
	r.hist = hist
	r.ed = &editor{
		entries:     hist.Entries,
		noDuplicate: func() bool { return cfg.rt.ReadLineOptions().HistoryNoDuplicates },
		incomplete:  isIncomplete,
		handlers:    func(chord string) string { return keyHandler(cfg.rt.ReadLineOptions(), chord) },
		moveToEnd:   func() bool { return cfg.rt.ReadLineOptions().HistorySearchCursorMovesToEnd },
	}
	// An interactive pwsh loads PSReadLine: Get-Module lists it.
	cfg.rt.MarkImported("PSReadLine")
	cfg.tty.router = r.ed
	defer func() { cfg.tty.router = nil }()
	complete := cfg.complete
	if complete == nil {
		complete = func(string, int) completion { return completion{} }
	}
	r.sugg = &suggester{complete: complete, context: r.cont.Text}
	r.host.ReadLine = r.readLine
	r.host.ReadSecret = r.readSecret
	r.host.ReadKey = r.readKey
	r.host.KeyMode = r.keyMode
	r.host.Clear = func() { io.WriteString(promptStream(cfg), "\x1b[H\x1b[2J\x1b[3J") }

	var out prompt.ConsoleWriter = prompt.NewStdoutWriter()
	if cfg.onStderr {
		out = prompt.NewStderrWriter()
	}
	frames := &frameWriter{
		out:    promptStream(cfg),
		vt:     out,
		view:   r.view,
		doc:    r.sugg.lastDoc,
		framed: r.ed.framed,
	}
	rows := int(cfg.tty.GetWinSize().Row)
	opts := []prompt.Option{
		prompt.OptionParser(cfg.tty),
		prompt.OptionWriter(frames),
		prompt.OptionLivePrefix(r.prefix),
		prompt.OptionCompletionWordSeparator(wordSeparators),
		prompt.OptionMaxSuggestion(menuHeight(rows)),
		prompt.OptionSetExitCheckerOnInput(r.exitChecker),
		prompt.OptionBreakLineCallback(r.breakLine),
		prompt.OptionAddKeyBind(
			prompt.KeyBind{Key: prompt.Tab, Fn: r.sugg.OnTab},
			prompt.KeyBind{Key: prompt.ControlLeft, Fn: prompt.GoLeftWord},
			prompt.KeyBind{Key: prompt.ControlRight, Fn: prompt.GoRightWord},
		),
		prompt.OptionAddASCIICodeBind(
			prompt.ASCIICodeBind{ASCIICode: []byte{0x1b, 'b'}, Fn: prompt.GoLeftWord},
			prompt.ASCIICodeBind{ASCIICode: []byte{0x1b, 'f'}, Fn: prompt.GoRightWord},
			prompt.ASCIICodeBind{ASCIICode: []byte{0x1b, '[', '1', ';', '3', 'D'}, Fn: prompt.GoLeftWord},
			prompt.ASCIICodeBind{ASCIICode: []byte{0x1b, '[', '1', ';', '3', 'C'}, Fn: prompt.GoRightWord},
		),
		prompt.OptionAddASCIICodeBind(r.ed.bindings()...),
	}
	opts = append(opts, markerOptions()...)
	p := prompt.New(r.execute, r.sugg.Suggest, opts...)
	p.Run()
	if r.exiting {
		// go-prompt drew a fresh prompt after the exit command ran.
		io.WriteString(promptStream(cfg), "\r\x1b[2K")
		return r.exitCode
	}
	return 0
}

// promptStream is the stream the prompt is drawn on.
func promptStream(cfg interactiveConfig) io.Writer {
	if cfg.onStderr {
		return os.Stderr
	}
	return os.Stdout
}

// menuHeight is the completion menu's height for a terminal rows high:
// go-prompt replaces the whole prompt by "Your console window is too
// small..." when the menu and the input do not fit.
func menuHeight(rows int) uint16 {
	h := rows/3 - 1
	if h > 8 {
		h = 8
	}
	if h < 1 {
		h = 1
	}
	return uint16(h)
}

// prefix is the live prompt: "PS <location>> ", or ">> " while a
// command continues on further lines.
func (r *repl) prefix() (string, bool) {
	return promptPrefix(r.cont.Pending(), r.rt.Location()), true
}

// promptPrefix is pwsh's prompt text.
func promptPrefix(continued bool, location string) string {
	if continued {
		return ">> "
	}
	return "PS " + location + "> "
}

// breakLine sees every line the prompt ends; Ctrl-C discards an
// incomplete multi-line command along with the line.
func (r *repl) breakLine(d *prompt.Document) {
	if d.LastKeyStroke() == prompt.ControlC {
		r.cont.Reset()
	}
	r.ed.lineEnded()
}

// exitChecker makes go-prompt's Run return after `exit` ran.
func (r *repl) exitChecker(_ string, breakline bool) bool {
	return breakline && r.exiting
}

// execute is go-prompt's executor: it runs with the terminal in its
// original (cooked) mode, so Ctrl-C raises SIGINT, which cancels the
// command's context and stops the pipeline.
func (r *repl) execute(line string) {
	text, ok := r.cont.Feed(line)
	if !ok || strings.TrimSpace(text) == "" {
		return
	}
	if r.hist != nil {
		if err := r.hist.Add(text); err != nil && !r.histErr {
			r.histErr = true
			fmt.Fprintf(r.errOut, "csshell: history: %v\n", err)
		}
	}
	width := r.tty.Width()
	r.host.Width = width
	r.progress.SetWidth(width)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	finished := r.term.commandStarted(stop)
	r.mu.Lock()
	r.cmdCtx = ctx
	r.mu.Unlock()
	res := r.rt.ExecuteInput(ctx, "<prompt>", text)
	interrupted := ctx.Err() != nil
	r.mu.Lock()
	r.cmdCtx = nil
	r.mu.Unlock()
	stop()
	finished()
	r.progress.Complete()
	if interrupted {
		// Ctrl-C: the terminal echoed ^C where the output stopped; the
		// next prompt starts on a line of its own.
		io.WriteString(r.promptOut, "\r\n")
	}
	if res.Exited {
		r.exiting, r.exitCode = true, res.Code
	}
}

// commandContext is the running command's context (Background outside
// a command).
func (r *repl) commandContext() context.Context {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cmdCtx == nil {
		return context.Background()
	}
	return r.cmdCtx
}

// readLine is the host's ReadLine (Read-Host, prompts for mandatory
// parameters): prompt on the output, the line from the terminal.
func (r *repl) readLine(p string) (string, error) {
	if p != "" {
		r.host.Write(p)
	}
	return r.tty.readLine(r.commandContext(), true)
}

// readSecret is the host's ReadSecret (Read-Host -AsSecureString):
// the same without echo.
func (r *repl) readSecret(p string) (string, error) {
	if p != "" {
		r.host.Write(p)
	}
	return r.tty.readLine(r.commandContext(), false)
}

// toInt reads an integer variable's value.
func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int32:
		return int(n), true
	case int64:
		return int(n), true
	}
	return 0, false
}
