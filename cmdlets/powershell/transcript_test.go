package powershell

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/internal/transcript"
)

// newTestRuntime makes a runtime with every cmdlet over one buffer for both
// streams.
func newTestRuntime(buf *bytes.Buffer) *engine.Runtime {
	return transcript.NewRuntime(buf, Register)
}

// TestTranscripts runs the cmdlet families' transcripts (see package
// internal/transcript for the format). Set CSSHELL_UPDATE_TRANSCRIPTS=1
// and -v to see actual outputs.
func TestTranscripts(t *testing.T) {
	transcript.RunDir(t, filepath.Join("testdata", "transcripts"), Register)
}
