package psreadline_test

import (
	"path/filepath"
	"testing"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/internal/transcript"
)

// TestTranscripts runs the PSReadLine transcripts (internal/transcript's
// format) over the core cmdlets and PSReadLine's. Set
// CSSHELL_UPDATE_TRANSCRIPTS=1 and -v to see actual outputs.
func TestTranscripts(t *testing.T) {
	transcript.RunDir(t, filepath.Join("testdata", "transcripts"), cmdlets.Register)
}
