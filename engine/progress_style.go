package engine

import (
	"io"

	"github.com/csshell/csshell/engine/value"
)

// ProgressStyle is $PSStyle.Progress as a host's progress renderer
// applies it (pwsh 7.4's ProgressNode.RenderAnsi and ProgressPane): the
// view, the bar's colour, the reverse-video sequences that draw the
// filled part, the widest bar, and whether the terminal's OSC 9;4
// progress indicator is driven too.
type ProgressStyle struct {
	View            string // "Minimal" or "Classic"
	Style           string // $PSStyle.Progress.Style
	Reverse         string // $PSStyle.Reverse
	ReverseOff      string // $PSStyle.ReverseOff
	Reset           string // $PSStyle.Reset
	MaxWidth        int    // $PSStyle.Progress.MaxWidth
	UseOSCIndicator bool   // $PSStyle.Progress.UseOSCIndicator
}

// DefaultProgressStyle is $PSStyle.Progress as pwsh 7.4 starts.
func DefaultProgressStyle() ProgressStyle {
	return ProgressStyle{View: "Minimal", Style: esc("33;1"), Reverse: esc("7"), ReverseOff: esc("27"), Reset: esc("0"), MaxWidth: 120}
}

// ProgressStyler is a progress renderer that follows $PSStyle.Progress.
// The shell's renderer wraps the host's output writers (to keep output and
// bar apart); the engine finds it there and hands it the settings when a
// script changes them and before each Write-Progress record.
type ProgressStyler interface {
	SetProgressStyle(ProgressStyle)
}

// ProgressRecord is one Write-Progress record whole (pwsh's
// ProgressRecord): ActivityID and ParentActivityID nest bars (-1: no
// parent), PercentComplete and SecondsRemaining are -1 when not given.
type ProgressRecord struct {
	ActivityID, ParentActivityID int
	Activity, StatusDescription  string
	CurrentOperation             string
	PercentComplete              int
	SecondsRemaining             int
	Completed                    bool
}

// ProgressRecorder is a progress renderer that takes whole records, found
// as ProgressStyler is; without one, a record reaches Host.Progress as
// its activity, status and percentage.
type ProgressRecorder interface {
	WriteProgressRecord(ProgressRecord)
}

// WriteProgressRecord hands a Write-Progress record to the host (nothing
// when the host draws no progress).
func (rt *Runtime) WriteProgressRecord(rec ProgressRecord) {
	if r, ok := findHostWriter[ProgressRecorder](rt); ok {
		r.WriteProgressRecord(rec)
		return
	}
	if rt.host.Progress != nil {
		rt.host.Progress(rec.Activity, rec.StatusDescription, rec.PercentComplete, 0, 0, rec.Completed)
	}
}

// ProgressStyle returns the session's $PSStyle.Progress settings.
func (rt *Runtime) ProgressStyle() ProgressStyle {
	return progressStyleOf(rt.PSStyle(), "", nil)
}

// SyncProgressStyle hands the settings to the host's renderer, if it
// follows them.
func (rt *Runtime) SyncProgressStyle() {
	if s := rt.progressStyler(); s != nil {
		s.SetProgressStyle(rt.ProgressStyle())
	}
}

// syncProgressMember is $PSStyle's setter hook: member (e.g.
// "Progress.View") is about to become v.
func (rt *Runtime) syncProgressMember(member string, v any) {
	s := rt.progressStyler()
	if s == nil {
		return
	}
	rt.mu.Lock()
	o := rt.psStyle
	rt.mu.Unlock()
	if o != nil {
		s.SetProgressStyle(progressStyleOf(o, member, v))
	}
}

// progressStyleOf reads the settings from $PSStyle o, member (if not
// empty) taking the value v instead of the stored one.
func progressStyleOf(o *value.Object, member string, v any) ProgressStyle {
	st := DefaultProgressStyle()
	p, _ := o.Get("Progress")
	get := func(obj any, name, path string) (any, bool) {
		if path == member && member != "" {
			return v, true
		}
		if x, ok := obj.(*value.Object); ok {
			return x.Get(name)
		}
		return nil, false
	}
	str := func(obj any, name, path string, dst *string) {
		if x, ok := get(obj, name, path); ok {
			*dst = ""
			if x != nil {
				*dst = value.ToString(x)
			}
		}
	}
	str(p, "View", "Progress.View", &st.View)
	str(p, "Style", "Progress.Style", &st.Style)
	str(o, "Reverse", "Reverse", &st.Reverse)
	str(o, "ReverseOff", "ReverseOff", &st.ReverseOff)
	str(o, "Reset", "Reset", &st.Reset)
	if x, ok := get(p, "MaxWidth", "Progress.MaxWidth"); ok {
		if n, err := toInt(x); err == nil {
			st.MaxWidth = n
		}
	}
	if x, ok := get(p, "UseOSCIndicator", "Progress.UseOSCIndicator"); ok {
		st.UseOSCIndicator = value.ToBool(x)
	}
	return st
}

// progressStyler finds the renderer among the host's writers.
func (rt *Runtime) progressStyler() ProgressStyler {
	s, _ := findHostWriter[ProgressStyler](rt)
	return s
}

// findHostWriter finds a T among the host's writers (errors first),
// through the engine's own wrappers (the durability barrier, transcripts).
func findHostWriter[T any](rt *Runtime) (T, bool) {
	for _, w := range []io.Writer{rt.host.Err, rt.host.Out} {
		for w != nil {
			if s, ok := w.(T); ok {
				return s, true
			}
			switch x := w.(type) {
			case *barrierWriter:
				w = x.w
			case *teeWriter:
				w = x.w
			default:
				w = nil
			}
		}
	}
	var zero T
	return zero, false
}
