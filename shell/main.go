package shell

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/syntax"
)

// Config is what the binary hands the shell: the command line, the
// standard streams, and the function that registers the cmdlets.
type Config struct {
	Args   []string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Setup registers the commands on a new runtime and connects it to its
	// tenant as the options say; the returned function releases what Setup
	// opened. An error (a tenant store in use, say) is printed and csshell
	// exits with code 1.
	Setup func(rt *engine.Runtime, opts Options) (release func(), err error)
	// IsTerminal reports whether a file descriptor-backed stream is a
	// terminal; nil means "never" (tests).
	IsTerminal func(any) bool
	Getenv     func(string) string
	// SessionInfo, when set, returns the banner's second line: the tenant
	// and the signed-in account. It is called after Setup.
	SessionInfo func() string
}

// Version is csshell's own version.
const Version = "0.1.0"

// Main runs csshell and returns the process exit code.
func Main(cfg Config) int {
	opts, err := ParseArgs(cfg.Args)
	if err != nil {
		fmt.Fprintln(cfg.Stderr, err.Error())
		fmt.Fprintln(cfg.Stderr, "Run 'csshell -Help' for usage.")
		return 64
	}
	switch opts.Mode {
	case ModeHelp:
		fmt.Fprint(cfg.Stdout, Usage)
		return 0
	case ModeVersion:
		fmt.Fprintf(cfg.Stdout, "csshell %s (PowerShell %s)\n", Version, engine.PSVersion)
		return 0
	}
	getenv := cfg.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	isTerm := cfg.IsTerminal
	if isTerm == nil {
		isTerm = func(any) bool { return false }
	}
	stdinTTY := isTerm(cfg.Stdin)
	interactive := stdinTTY && !opts.NonInteractive
	host := engine.NewHost(cfg.Stdin, cfg.Stdout, cfg.Stderr)
	host.Getenv = getenv
	host.Interactive = interactive
	host.NonInteractive = opts.NonInteractive
	// Input piped into csshell runs as a script with no prompt, banner or
	// colour (like pwsh -File -); -File and -Command keep the terminal's.
	decorated := stdinTTY || opts.Mode == ModeFile || opts.Mode == ModeCommand
	streams := setupStreams(host, getenv, decorated && isTerm(cfg.Stdout), decorated && isTerm(cfg.Stderr))
	host.Colorize = colorize
	if streams.progress != nil {
		host.Progress = streams.progress.Record
	}
	if interactive && isTerm(cfg.Stdout) {
		host.Page = newPager(getenv, cfg.Stdout, cfg.Stderr)
	}
	rt := engine.New(host)
	release := func() {}
	if cfg.Setup != nil {
		rel, err := cfg.Setup(rt, opts)
		if err != nil {
			fmt.Fprintln(cfg.Stderr, err.Error())
			return 1
		}
		if rel != nil {
			var once sync.Once
			release = func() { once.Do(rel) }
			defer release()
		}
	}
	// The session's end stops its transcripts (their footers written)
	// before the store closes.
	defer rt.CloseTranscripts()
	if opts.WorkingDir != "" {
		dir := rt.ResolvePath(opts.WorkingDir)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			fmt.Fprintf(cfg.Stderr, "The given working directory '%s' does not exist.\n", opts.WorkingDir)
			return 64
		}
		rt.SetLocation(dir)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	profile := profilePath(getenv)
	rt.SetVariable("PROFILE", profile)
	var tty *ttyParser
	if opts.Mode == ModeInteractive && stdinTTY {
		// Interactive: the banner, then the profile, then the prompt.
		tty = openPromptTTY(streams)
		banner := cfg.Stdout
		if tty != nil && streams.promptOnStderr {
			banner = cfg.Stderr
		}
		if !opts.NoLogo {
			writeBanner(banner, cfg.SessionInfo)
		}
	}
	if !opts.NoProfile && opts.Mode == ModeInteractive {
		if _, err := os.Stat(profile); err == nil {
			rt.RunFile(ctx, profile, nil)
		}
	}
	switch opts.Mode {
	case ModeFile:
		path := rt.ResolvePath(opts.File)
		if st, err := os.Stat(path); err != nil || st.IsDir() {
			fmt.Fprintf(cfg.Stderr, "The argument '%s' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n", opts.File)
			return 64
		}
		if !strings.EqualFold(filepath.Ext(path), ".ps1") {
			fmt.Fprintf(cfg.Stderr, "Processing -File '%s' failed because the file does not have a '.ps1' extension. Specify a valid PowerShell script file name, and then try again.\n", opts.File)
			return 64
		}
		res := rt.RunFile(ctx, path, opts.FileArgs)
		return fileExitCode(rt, res)
	case ModeCommand:
		res := rt.Execute(ctx, "<command>", opts.Command)
		return commandExitCode(res)
	case ModeCommandStdin:
		return runScriptStream(ctx, rt, cfg.Stdin)
	}
	if !stdinTTY {
		return runScriptStream(ctx, rt, cfg.Stdin)
	}
	stop()
	if tty != nil {
		return runInteractive(interactiveConfig{
			rt: rt, host: host, tty: tty, getenv: getenv,
			onStderr: streams.promptOnStderr, color: streams.promptColor,
			complete: newCompleter(rt), progress: streams.progress, release: release,
		})
	}
	return runPlainREPL(context.Background(), rt, host)
}

// fileExitCode is pwsh's exit code for -File.
func fileExitCode(rt *engine.Runtime, res engine.Result) int {
	if res.Exited {
		return res.Code
	}
	if res.Err != nil {
		return 1
	}
	return 0
}

// commandExitCode is pwsh's exit code for -Command.
func commandExitCode(res engine.Result) int {
	if res.Exited {
		return res.Code
	}
	if res.Failed || res.Err != nil {
		return 1
	}
	return 0
}

// runScriptStream reads all of r as one script and runs it (like
// pwsh -Command - or piped input).
func runScriptStream(ctx context.Context, rt *engine.Runtime, r io.Reader) int {
	data, err := io.ReadAll(r)
	if err != nil {
		fmt.Fprintln(rt.Host().Err, err.Error())
		return 1
	}
	res := rt.Execute(ctx, "<stdin>", strings.TrimPrefix(string(data), "\ufeff"))
	return commandExitCode(res)
}

// runPlainREPL is the line-reader loop for a terminal go-prompt cannot
// use (no controlling terminal, or neither stdout nor stderr is one): it
// prints the prompt, gathers continuation lines while the parser
// says the input is incomplete, and runs each command.
func runPlainREPL(ctx context.Context, rt *engine.Runtime, host *engine.Host) int {
	in := bufio.NewReader(host.In)
	for {
		fmt.Fprintf(host.Out, "PS %s> ", rt.Location())
		text, ok := readCommand(in, host.Out)
		if !ok {
			return 0
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		cmdCtx, cancel := signal.NotifyContext(ctx, os.Interrupt)
		res := rt.ExecuteInput(cmdCtx, "<prompt>", text)
		cancel()
		if res.Exited {
			return res.Code
		}
	}
}

// readCommand reads one command, with continuation lines while it is
// incomplete. ok is false at end of input.
func readCommand(in *bufio.Reader, out io.Writer) (string, bool) {
	var b strings.Builder
	for {
		line, err := in.ReadString('\n')
		if err != nil && line == "" {
			if b.Len() > 0 {
				return b.String(), true
			}
			return "", false
		}
		b.WriteString(strings.TrimRight(line, "\r\n"))
		if _, perr := engine.Parse("<prompt>", b.String()); perr != nil && syntax.IsIncomplete(perr) {
			b.WriteString("\n")
			fmt.Fprint(out, ">> ")
			continue
		}
		return b.String(), true
	}
}

// profilePath is $PROFILE: $XDG_CONFIG_HOME/csshell/profile.ps1.
func profilePath(getenv func(string) string) string {
	base := getenv("XDG_CONFIG_HOME")
	if base == "" {
		home, _ := os.UserHomeDir()
		base = filepath.Join(home, ".config")
	}
	return filepath.Join(base, "csshell", "profile.ps1")
}
