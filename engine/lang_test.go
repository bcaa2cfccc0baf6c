package engine_test

import (
	"path/filepath"
	"testing"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/internal/transcript"
)

// TestLanguage runs the language transcripts in testdata/lang: each step is
// checked against the output PowerShell 7 documents for it.
func TestLanguage(t *testing.T) {
	transcript.RunDir(t, filepath.Join("testdata", "lang"), cmdlets.Register)
}

// TestLanguageCaseCount keeps the suite at the size the project promises.
func TestLanguageCaseCount(t *testing.T) {
	if n := transcript.Count(filepath.Join("testdata", "lang")); n < 250 {
		t.Errorf("language transcripts hold %d cases; at least 250 are required", n)
	}
}
