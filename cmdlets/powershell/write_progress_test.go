package powershell

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine"
)

// progressSink is a host's output writer that renders progress, as the
// shell's does: it takes whole records and $PSStyle.Progress.
type progressSink struct {
	bytes.Buffer
	records []engine.ProgressRecord
	style   engine.ProgressStyle
}

func (s *progressSink) WriteProgressRecord(r engine.ProgressRecord) { s.records = append(s.records, r) }
func (s *progressSink) SetProgressStyle(st engine.ProgressStyle)    { s.style = st }

// TestWriteProgressRecords checks what Write-Progress hands the host:
// every field of the record (Id, ParentId, SecondsRemaining,
// CurrentOperation), "Processing" for a missing status, nothing under
// $ProgressPreference SilentlyContinue, and $PSStyle.Progress first.
func TestWriteProgressRecords(t *testing.T) {
	sink := &progressSink{}
	h := engine.NewHost(strings.NewReader(""), sink, sink)
	h.Progress = func(string, string, int, int, int, bool) { t.Error("the record bypassed the renderer") }
	rt := engine.New(h)
	Register(rt)
	run := func(s string) { rt.ExecuteInput(context.Background(), "<test>", s) }
	run("$PSStyle.Progress.View = 'Classic'; Write-Progress -Id 2 -ParentId 1 -Activity A -Status S -PercentComplete 5 -SecondsRemaining 9 -CurrentOperation op")
	run("Write-Progress -Activity B; Write-Progress -Activity B -Completed")
	run("$ProgressPreference = 'SilentlyContinue'; Write-Progress -Activity C")
	want := []engine.ProgressRecord{
		{ActivityID: 2, ParentActivityID: 1, Activity: "A", StatusDescription: "S", CurrentOperation: "op", PercentComplete: 5, SecondsRemaining: 9},
		{ActivityID: 0, ParentActivityID: -1, Activity: "B", StatusDescription: "Processing", PercentComplete: -1, SecondsRemaining: -1},
		{ActivityID: 0, ParentActivityID: -1, Activity: "B", StatusDescription: "Processing", PercentComplete: -1, SecondsRemaining: -1, Completed: true},
	}
	if len(sink.records) != len(want) {
		t.Fatalf("records: %+v\n%s", sink.records, sink.String())
	}
	for i, r := range sink.records {
		if r != want[i] {
			t.Errorf("record %d: %+v, want %+v", i, r, want[i])
		}
	}
	if sink.style.View != "Classic" {
		t.Errorf("style not synchronised: %+v", sink.style)
	}
}
