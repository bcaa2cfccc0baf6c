package shell

import (
	"fmt"
	"io"
	"os"

	"github.com/csshell/csshell/engine"
)

// streams is how the session's output reaches the terminal: which of
// stdout and stderr are colour terminals, where the prompt is drawn, and
// the progress bar.
type streams struct {
	outTTY, errTTY bool
	// promptOnStderr is set when stdout is redirected but stderr is a
	// terminal: the prompt and banner go to stderr, so `csshell > out.txt`
	// captures only command output.
	promptOnStderr bool
	promptColor    bool
	progress       *Progress
}

// setupStreams decides colour per stream — off with NO_COLOR, TERM=dumb,
// or when that stream is not a terminal — and wraps the host's writers:
// the engine has one Color switch, so a stream that must stay plain while
// the other is coloured gets an SGR-stripping writer. The progress bar is
// drawn on a terminal stream (stderr first) and the host's writers erase
// it before output.
func setupStreams(host *engine.Host, getenv func(string) string, outTTY, errTTY bool) streams {
	s := streams{outTTY: outTTY, errTTY: errTTY, promptOnStderr: !outTTY && errTTY}
	outColor := colorEnabled(getenv, outTTY)
	errColor := colorEnabled(getenv, errTTY)
	host.Color = outColor || errColor
	if host.Color && !outColor {
		host.Out = &sgrStripper{w: host.Out}
	}
	if host.Color && !errColor {
		host.Err = &sgrStripper{w: host.Err}
	}
	s.promptColor = outColor
	if s.promptOnStderr {
		s.promptColor = errColor
	}
	// pwsh's console host draws no progress at all when stdout is
	// redirected; otherwise the bar goes to stderr when that is a
	// terminal too (it never mixes with the output stream).
	if getenv("TERM") != "dumb" && outTTY {
		if errTTY {
			s.progress = NewProgress(os.Stderr, terminalWidth(os.Stderr))
		} else {
			s.progress = NewProgress(os.Stdout, terminalWidth(os.Stdout))
		}
	}
	if s.progress != nil {
		host.Out = s.progress.Writer(host.Out)
		host.Err = s.progress.Writer(host.Err)
	}
	return s
}

// openPromptTTY opens the controlling terminal for go-prompt, or returns
// nil when go-prompt cannot be used: no /dev/tty (go-prompt would panic),
// or neither stdout nor stderr is a terminal to draw on.
func openPromptTTY(s streams) *ttyParser {
	if !s.outTTY && !s.errTTY {
		return nil
	}
	t, err := openTTY()
	if err != nil {
		return nil
	}
	return t
}

// writeBanner prints the start-up banner: csshell's version and, from
// the session, the tenant and the signed-in account.
func writeBanner(w io.Writer, session func() string) {
	fmt.Fprintf(w, "csshell %s — PowerShell %s compatible\n", Version, engine.PSVersion)
	if session != nil {
		if info := session(); info != "" {
			fmt.Fprintln(w, info)
		}
	}
	fmt.Fprintln(w)
}
