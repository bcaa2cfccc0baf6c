package engine

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/csshell/csshell/internal/secret"
)

// transcripts are the files Start-Transcript opened, newest last: while
// any is open, everything the host shows (output and error streams) is
// copied to each, without colour, and each line typed at the prompt is
// written to them after its prompt, masked as the history masks it
// (ExecuteInput). Text typed at Read-Host and secrets typed without echo
// never reach them: the terminal shows those, not the host's streams.
type transcripts struct {
	mu       sync.Mutex
	open     []openTranscript
	out, err io.Writer // the host's streams before the first transcript
	// tail is what was written since the last line ending: a prompt the
	// host printed itself (the plain line reader's) is not written twice.
	tail string
	// redact pairs each line of the running input that held a secret with
	// its masked form: an error view quoting the typed line must not put
	// the secret in the file.
	redact []string // old, new, old, new…
}

// openTranscript is one transcript file.
type openTranscript struct {
	path string
	w    io.WriteCloser
	// invocationHeader: each typed command is preceded by its start time
	// (Start-Transcript -IncludeInvocationHeader).
	invocationHeader bool
}

// ansiSequence matches the colour and cursor sequences the host writes.
var ansiSequence = regexp.MustCompile("\x1b\\[[0-9;?]*[ -/]*[@-~]|\x1b\\][^\x07]*\x07")

// StartTranscript starts copying the session to w (a file opened through
// OpenFile, its header written), recorded as path; with invocationHeader
// each typed command is preceded by a "Command start time" header.
func (rt *Runtime) StartTranscript(path string, w io.WriteCloser, invocationHeader bool) {
	t := rt.transcriptState()
	t.mu.Lock()
	defer t.mu.Unlock()
	h := rt.host
	if len(t.open) == 0 {
		h.mu.Lock()
		t.out, t.err = h.Out, h.Err
		h.Out = &teeWriter{t: t, w: t.out}
		h.Err = &teeWriter{t: t, w: t.err}
		h.mu.Unlock()
	}
	t.open = append(t.open, openTranscript{path: path, w: w, invocationHeader: invocationHeader})
}

// ErrNotTranscribing is StopTranscript's error when no transcript is open.
var ErrNotTranscribing = errors.New("the host is not currently transcribing")

// StopTranscript stops the newest transcript: it writes pwsh's footer
// (the end time) and closes the file, and returns its path.
func (rt *Runtime) StopTranscript() (string, error) {
	t := rt.transcriptState()
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.open) == 0 {
		return "", ErrNotTranscribing
	}
	last := t.open[len(t.open)-1]
	t.open = t.open[:len(t.open)-1]
	if len(t.open) == 0 {
		h := rt.host
		h.mu.Lock()
		h.Out, h.Err = t.out, t.err
		h.mu.Unlock()
	}
	_, werr := io.WriteString(last.w, transcriptRule+"\nPowerShell transcript end\nEnd time: "+time.Now().Format("20060102150405")+"\n"+transcriptRule+"\n")
	return last.path, errors.Join(werr, last.w.Close())
}

// CloseTranscripts stops every open transcript, as the host does when
// the session ends.
func (rt *Runtime) CloseTranscripts() {
	for rt.Transcribing() {
		if _, err := rt.StopTranscript(); errors.Is(err, ErrNotTranscribing) {
			return
		}
	}
}

// transcriptRule is the line around a transcript's header and footer.
const transcriptRule = "**********************"

// Transcribing reports whether a transcript is open.
func (rt *Runtime) Transcribing() bool {
	t := rt.transcriptState()
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.open) > 0
}

// transcribeInput writes a typed line after its prompt to the open
// transcripts; "" stands for a line no file may hold (HistoryLine's
// toFile false), written as the mask. Until the next input, the lines of
// text that masking changed are masked wherever output quotes them.
func (rt *Runtime) transcribeInput(text, masked string) {
	t := rt.transcriptState()
	t.mu.Lock()
	defer t.mu.Unlock()
	t.redact = t.redact[:0]
	if masked == "" {
		masked = secret.Mask
	}
	typed, shown := strings.Split(text, "\n"), strings.Split(masked, "\n")
	for i, l := range typed {
		switch {
		case len(typed) != len(shown) || masked == secret.Mask:
			if strings.TrimSpace(l) != "" {
				t.redact = append(t.redact, l, secret.Mask)
			}
		case l != shown[i]:
			t.redact = append(t.redact, l, shown[i])
		}
	}
	if len(t.open) == 0 {
		return
	}
	prompt := "PS " + rt.Location() + "> "
	if t.tail == prompt {
		prompt = ""
	}
	for _, o := range t.open {
		if o.invocationHeader {
			io.WriteString(o.w, transcriptRule+"\nCommand start time: "+time.Now().Format("20060102150405")+"\n"+transcriptRule+"\n")
		}
	}
	t.write([]byte(prompt + masked + "\n"))
}

// write copies p, without colour, to every open transcript; t.mu is held.
func (t *transcripts) write(p []byte) {
	plain := ansiSequence.ReplaceAll(p, nil)
	if len(t.redact) > 0 {
		plain = []byte(strings.NewReplacer(t.redact...).Replace(string(plain)))
	}
	for _, o := range t.open {
		o.w.Write(plain)
	}
	if i := bytes.LastIndexByte(plain, '\n'); i >= 0 {
		t.tail = string(plain[i+1:])
	} else {
		t.tail += string(plain)
	}
}

// hostOut writes to the host's output stream as it is at each write, so
// that a transcript started by a command also gets the rest of the
// line's output.
type hostOut struct{ rt *Runtime }

func (o hostOut) Write(p []byte) (int, error) { return o.rt.host.Out.Write(p) }

// transcriptState returns the runtime's transcripts, made on first use.
func (rt *Runtime) transcriptState() *transcripts {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.transcripts == nil {
		rt.transcripts = &transcripts{}
	}
	return rt.transcripts
}

// teeWriter writes to a host stream and copies to the transcripts.
type teeWriter struct {
	t *transcripts
	w io.Writer
}

func (tw *teeWriter) Write(p []byte) (int, error) {
	n, err := tw.w.Write(p)
	tw.t.mu.Lock()
	tw.t.write(p[:n])
	tw.t.mu.Unlock()
	return n, err
}
