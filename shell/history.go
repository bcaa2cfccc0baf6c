package shell

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/internal/atomicfile"
)

// DefaultHistoryCount is $MaximumHistoryCount's default: how many entries
// the history file keeps.
const DefaultHistoryCount = 4096

// historySlack is how far the file may grow past its bound before it is
// rewritten, so a full history is not rewritten after every command.
const historySlack = 256

// History is the persistent command history: one entry per line in a file
// (mode 0600, in a directory made with mode 0700), appended and synced
// after every command so that no exit path — go-prompt's own os.Exit on
// SIGTERM included — loses it. Newlines and backslashes in an entry are
// escaped ("\n", "\\") so a multi-line command stays one entry.
// Consecutive duplicates are folded and secrets are masked through the
// session's binder (SetSession) before anything reaches the file.
type History struct {
	path string
	max  int

	mu      sync.Mutex
	entries []string
	lines   int // entries in the file, which may exceed max by historySlack
	// rt is the session whose binder says which values are secret (see
	// SetSession); nil: secrets are guessed by name.
	rt *engine.Runtime
}

// historyPath is $XDG_STATE_HOME/csshell/history, with XDG's default
// ~/.local/state for an unset or relative $XDG_STATE_HOME.
func historyPath(getenv func(string) string) string {
	base := getenv("XDG_STATE_HOME")
	if base == "" || !filepath.IsAbs(base) {
		home := getenv("HOME")
		if home == "" {
			home, _ = os.UserHomeDir()
		}
		base = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(base, "csshell", "history")
}

// OpenHistory loads the history file at path, keeping at most max entries
// (DefaultHistoryCount when max ≤ 0). A missing file is an empty history.
func OpenHistory(path string, max int) (*History, error) {
	if max <= 0 {
		max = DefaultHistoryCount
	}
	h := &History{path: path, max: max}
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return h, err
	}
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o077 != 0 {
		os.Chmod(path, 0o600) // history may hold what others must not read
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		if sc.Text() == "" {
			continue
		}
		h.lines++
		e := unescapeHistory(sc.Text())
		if n := len(h.entries); n > 0 && h.entries[n-1] == e {
			continue
		}
		h.entries = append(h.entries, e)
	}
	if len(h.entries) > max {
		h.entries = append([]string(nil), h.entries[len(h.entries)-max:]...)
	}
	if h.lines > max+historySlack {
		return h, h.rewrite()
	}
	return h, nil
}

// Entries returns a copy of the entries, oldest first.
func (h *History) Entries() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.entries...)
}

// SetMax changes the bound ($MaximumHistoryCount set by the profile).
func (h *History) SetMax(max int) {
	if max <= 0 {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.max = max
	if len(h.entries) > max {
		h.entries = append([]string(nil), h.entries[len(h.entries)-max:]...)
	}
}

// Add records one command: secrets masked, blank input, a repeat of the
// previous entry and a line PSReadLine would keep out of its file (see
// recordable) skipped. It appends to the file at once.
func (h *History) Add(entry string) error {
	entry, toFile := h.recordable(strings.TrimRight(entry, "\r\n"))
	if !toFile || strings.TrimSpace(entry) == "" {
		return nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if n := len(h.entries); n > 0 && h.entries[n-1] == entry {
		return nil
	}
	h.entries = append(h.entries, entry)
	if len(h.entries) > h.max {
		h.entries = h.entries[len(h.entries)-h.max:]
	}
	if h.lines+1 > h.max+historySlack {
		return h.rewrite()
	}
	if err := h.ensureDir(); err != nil {
		return err
	}
	f, err := os.OpenFile(h.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	_, werr := f.WriteString(escapeHistory(entry) + "\n")
	serr := f.Sync()
	cerr := f.Close()
	h.lines++
	for _, e := range []error{werr, serr, cerr} {
		if e != nil {
			return e
		}
	}
	return nil
}

// ensureDir creates the history directory with mode 0700.
func (h *History) ensureDir() error {
	return os.MkdirAll(filepath.Dir(h.path), 0o700)
}

// rewrite replaces the file with the current entries, atomically and
// durably (internal/atomicfile), which drops the oldest ones beyond the
// bound.
func (h *History) rewrite() error {
	if err := h.ensureDir(); err != nil {
		return err
	}
	err := atomicfile.Write(h.path, 0o600, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		for _, e := range h.entries {
			bw.WriteString(escapeHistory(e) + "\n")
		}
		return bw.Flush()
	})
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	h.lines = len(h.entries)
	return nil
}

// escapeHistory writes an entry on one line: "\" → "\\", LF → "\n",
// CR → "\r".
func escapeHistory(s string) string {
	if !strings.ContainsAny(s, "\\\n\r") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unescapeHistory reverses escapeHistory; an unknown escape is kept.
func unescapeHistory(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case '\\':
			b.WriteByte('\\')
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
