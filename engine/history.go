package engine

import (
	"context"
	"sync"
	"time"
)

// HistoryEntry is one command line of the session's history, as
// Get-History shows it (a HistoryInfo). CommandLine is the line as the
// history may keep it: secrets masked (HistoryLine).
type HistoryEntry struct {
	ID          int64
	CommandLine string
	Status      string // Completed, Failed or Stopped
	Start, End  time.Time
	// text is the line as typed, which Invoke-History runs again; it is
	// never shown.
	text string
}

// Text is the line as typed, for Invoke-History to run again (never to
// show: CommandLine is what may be shown).
func (e HistoryEntry) Text() string { return e.text }

// maxHistoryCount is $MaximumHistoryCount's default.
const maxHistoryCount = 4096

// sessionHistory is the history of the lines typed at the prompt.
type sessionHistory struct {
	mu      sync.Mutex
	entries []HistoryEntry
	next    int64
	// ran, when set while a line runs, is the entry Invoke-History ran:
	// the history keeps its line instead of the Invoke-History line.
	ran *HistoryEntry
}

// ExecuteInput runs a line typed at the interactive prompt: as Execute
// does, and besides it echoes the line (masked) to any transcript and
// adds it (masked) to the session's history, which Get-History reads.
// Lines run otherwise (-Command, -File, profiles) are not history, as in
// pwsh.
func (rt *Runtime) ExecuteInput(ctx context.Context, name, text string) Result {
	masked, toFile := rt.HistoryLine(text)
	if !toFile {
		// Text that reads like a secret where masking cannot pinpoint it:
		// what the history keeps in memory, but never a file.
		rt.transcribeInput(text, "")
	} else {
		rt.transcribeInput(text, masked)
	}
	h := rt.sessionHistory()
	h.mu.Lock()
	h.ran = nil
	h.mu.Unlock()
	start := time.Now()
	res := rt.Execute(ctx, name, text)
	status := "Completed"
	switch {
	case ctx.Err() != nil:
		status = "Stopped"
	case res.Err != nil || res.Failed:
		status = "Failed"
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	line, typed := masked, text
	if h.ran != nil {
		line, typed = h.ran.CommandLine, h.ran.text
	}
	h.next++
	h.entries = append(h.entries, HistoryEntry{ID: h.next, CommandLine: line, Status: status, Start: start, End: time.Now(), text: typed})
	max := maxHistoryCount
	if v, ok := rt.GetVariable("MaximumHistoryCount"); ok {
		if n, ok := v.(int32); ok && n > 0 {
			max = int(n)
		}
	}
	if len(h.entries) > max {
		h.entries = append([]HistoryEntry(nil), h.entries[len(h.entries)-max:]...)
	}
	return res
}

// History returns the session's history, oldest first.
func (rt *Runtime) History() []HistoryEntry {
	h := rt.sessionHistory()
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]HistoryEntry(nil), h.entries...)
}

// ClearHistory empties the session's history (Clear-History); the ids
// go on from where they were.
func (rt *Runtime) ClearHistory() {
	h := rt.sessionHistory()
	h.mu.Lock()
	defer h.mu.Unlock()
	h.entries = nil
}

// InvokedHistory records that the running line ran a history entry
// (Invoke-History): the history keeps that entry's line for the running
// one.
func (rt *Runtime) InvokedHistory(e HistoryEntry) {
	h := rt.sessionHistory()
	h.mu.Lock()
	defer h.mu.Unlock()
	h.ran = &e
}

// sessionHistory returns the runtime's history, made on first use.
func (rt *Runtime) sessionHistory() *sessionHistory {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.history == nil {
		rt.history = &sessionHistory{}
	}
	return rt.history
}
