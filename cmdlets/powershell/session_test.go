package powershell

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine"
)

// promptSession is a runtime fed lines as typed at the prompt
// (ExecuteInput), as the interactive shell runs them.
type promptSession struct {
	t   *testing.T
	rt  *engine.Runtime
	buf bytes.Buffer
	dir string
}

func newPromptSession(t *testing.T) *promptSession {
	s := &promptSession{t: t, dir: t.TempDir()}
	h := engine.NewHost(strings.NewReader(""), &s.buf, &s.buf)
	h.Width = 80
	s.rt = engine.New(h)
	Register(s.rt)
	s.rt.SetLocation(s.dir)
	return s
}

// typed runs one line and returns what it showed.
func (s *promptSession) typed(line string) string {
	s.buf.Reset()
	s.rt.ExecuteInput(context.Background(), "<prompt>", line)
	return s.buf.String()
}

// durations hides the Duration column's figures.
var durations = regexp.MustCompile(`\d+\.\d{3} `)

// TestGetHistory: the lines typed at the prompt, with their ids, secrets
// masked (after Get-History's doc page and pwsh's HistoryInfo view).
func TestGetHistory(t *testing.T) {
	s := newPromptSession(t)
	s.typed("'one'")
	s.typed("$password = 'hunter2'")
	s.typed("Write-Output two")
	got := durations.ReplaceAllString(s.typed("Get-History"), "d.ddd ")
	want := "\n  Id     Duration CommandLine\n  --     -------- -----------\n" +
		"   1        d.ddd 'one'\n   2        d.ddd $password = *****\n   3        d.ddd Write-Output two\n\n"
	if got != want {
		t.Errorf("Get-History:\n%q\nwant\n%q", got, want)
	}
	if got := s.typed("(h -Count 2).CommandLine"); got != "Write-Output two\nGet-History\n" {
		t.Errorf("h -Count 2: %q", got)
	}
	if got := s.typed("(Get-History 2).ExecutionStatus; \"$(Get-History 3)\"; (Get-History 3 -Count 2).Id"); got != "Completed\nWrite-Output two\n2\n3\n" {
		t.Errorf("Get-History -Id: %q", got)
	}
	if got := s.typed("Get-History 99"); got != "Get-History: Cannot locate the history for Id 99.\n" {
		t.Errorf("missing id: %q", got)
	}
	if got := s.typed("Get-History 1,2 -Count 1"); got != "Get-History: The count cannot be combined with multiple Ids.\n" {
		t.Errorf("count with ids: %q", got)
	}
	if got := s.typed("Get-History -Count 40000"); !strings.Contains(got, "Cannot validate argument on parameter 'Count'") {
		t.Errorf("count range: %q", got)
	}
	if got := s.typed("throw 'x'; (Get-History)[-1].ExecutionStatus"); !strings.Contains(got, "Exception: x") {
		t.Errorf("throw: %q", got)
	}
	if got := s.typed("(Get-History)[-1].ExecutionStatus"); got != "Failed\n" {
		t.Errorf("failed status: %q", got)
	}
	for _, e := range s.rt.History() {
		if strings.Contains(e.CommandLine, "hunter2") {
			t.Errorf("a secret in the history: %q", e.CommandLine)
		}
	}
}

// TestInvokeHistory: r runs the last line or the one named, showing it
// first; the history keeps the line that ran (pwsh's Invoke-History).
func TestInvokeHistory(t *testing.T) {
	s := newPromptSession(t)
	if got := s.typed("r"); got != "Invoke-History: Cannot locate most recent history.\n" {
		t.Errorf("empty history: %q", got)
	}
	s.typed("$n = 1")
	s.typed("$n += 1; $n")
	if got := s.typed("r"); got != "$n += 1; $n\n3\n" {
		t.Errorf("r: %q", got)
	}
	if got := s.typed("Invoke-History 3"); got != "$n += 1; $n\n4\n" {
		t.Errorf("Invoke-History 3: %q", got)
	}
	if got := s.typed("Get-History -Id 3 | Invoke-History"); got != "$n += 1; $n\n5\n" {
		t.Errorf("piped: %q", got)
	}
	if got := s.typed("r '$n ='"); got != "$n = 1\n" {
		t.Errorf("r prefix: %q", got)
	}
	if got := s.typed("r 77"); got != "Invoke-History: Cannot locate the history for Id 77.\n" {
		t.Errorf("r 77: %q", got)
	}
	if got := s.typed("r nothing-like-this"); got != "Invoke-History: Cannot locate the history for command line nothing-like-this.\n" {
		t.Errorf("r text: %q", got)
	}
	if got := s.typed("(Get-History).CommandLine -join '|'"); got != "r|$n = 1|$n += 1; $n|$n += 1; $n|$n += 1; $n|$n += 1; $n|$n = 1|r 77|r nothing-like-this\n" {
		t.Errorf("history after r: %q", got)
	}
	s.typed("Clear-History")
	if got := s.typed("(Get-History).Count; (Get-History)[0].Id"); got != "1\n11\n" {
		t.Errorf("after Clear-History: %q", got)
	}
}

// TestTranscript: Start-Transcript records the typed lines, masked as the
// history masks them, and what the session showed, between pwsh's header
// and footer; Stop-Transcript without one is pwsh's error.
func TestTranscript(t *testing.T) {
	s := newPromptSession(t)
	if got := s.typed("Stop-Transcript"); got != "Stop-Transcript: An error occurred stopping transcription: The host is not currently transcribing.\n" {
		t.Errorf("Stop-Transcript alone: %q", got)
	}
	path := filepath.Join(s.dir, "log.txt")
	if got := s.typed("Start-Transcript -Path log.txt"); got != "Transcript started, output file is "+path+"\n" {
		t.Errorf("Start-Transcript: %q", got)
	}
	s.typed("'visible output'")
	s.typed("$pin = 24680; Write-Host 'host text'")
	s.typed("Write-Error 'bad thing'")
	s.typed("$pin = 13579 +")
	if got := s.typed("Stop-Transcript"); got != "Transcript stopped, output file is "+path+"\n" {
		t.Errorf("Stop-Transcript: %q", got)
	}
	s.typed("'after the end'")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	head := "**********************\nPowerShell transcript start\nStart time: "
	if !strings.HasPrefix(text, head) {
		t.Errorf("header: %q", text)
	}
	for _, want := range []string{"\nPSVersion: 7.4.6\n", "\nPSEdition: Core\n", "\nPSCompatibleVersions: 1.0, 2.0, 3.0, 4.0, 5.0, 5.1, 6.0, 7.0\n",
		"PS " + s.dir + "> 'visible output'\nvisible output\n",
		"PS " + s.dir + "> $pin = *****; Write-Host 'host text'\nhost text\n",
		"PS " + s.dir + "> Write-Error 'bad thing'\nWrite-Error: bad thing\n",
		"PS " + s.dir + "> $pin = *****\nParserError: \nLine |\n   1 |  $pin = *****\n",
		"PS " + s.dir + "> Stop-Transcript\n**********************\nPowerShell transcript end\nEnd time: "} {
		if !strings.Contains(text, want) {
			t.Errorf("transcript lacks %q:\n%s", want, text)
		}
	}
	for _, never := range []string{"24680", "13579", "after the end", "Transcript stopped"} {
		if strings.Contains(text, never) {
			t.Errorf("transcript holds %q:\n%s", never, text)
		}
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("transcript mode %v", st.Mode().Perm())
	}
}

// TestTranscriptOptions: -Append keeps the earlier transcript, -NoClobber
// refuses an existing file, -UseMinimalHeader and -IncludeInvocationHeader
// shape the header.
func TestTranscriptOptions(t *testing.T) {
	s := newPromptSession(t)
	s.typed("Start-Transcript t.txt -UseMinimalHeader -IncludeInvocationHeader")
	s.typed("1 + 1")
	s.typed("Stop-Transcript")
	if got := s.typed("Start-Transcript t.txt -NoClobber"); !strings.Contains(got, "already exists and NoClobber was specified.") {
		t.Errorf("NoClobber: %q", got)
	}
	s.typed("Start-Transcript t.txt -Append -UseMinimalHeader")
	s.typed("'second'")
	s.typed("Stop-Transcript")
	data, _ := os.ReadFile(filepath.Join(s.dir, "t.txt"))
	text := string(data)
	if strings.Contains(text, "PSVersion") {
		t.Errorf("minimal header has the details:\n%s", text)
	}
	if !strings.Contains(text, "**********************\nCommand start time: ") || !strings.Contains(text, "> 1 + 1\n2\n") {
		t.Errorf("invocation header:\n%s", text)
	}
	if strings.Count(text, "PowerShell transcript start") != 2 || !strings.Contains(text, "second\n") {
		t.Errorf("append:\n%s", text)
	}
}

// TestTranscriptClosedAtExit: the session's end stops its transcripts,
// footer written, as pwsh's host does.
func TestTranscriptClosedAtExit(t *testing.T) {
	s := newPromptSession(t)
	s.typed("Start-Transcript a.txt -UseMinimalHeader; Start-Transcript b.txt -UseMinimalHeader")
	s.typed("'both'")
	s.rt.CloseTranscripts()
	if s.rt.Transcribing() {
		t.Fatal("still transcribing")
	}
	for _, name := range []string{"a.txt", "b.txt"} {
		data, _ := os.ReadFile(filepath.Join(s.dir, name))
		if text := string(data); !strings.Contains(text, "> 'both'\nboth\n") || !strings.HasSuffix(text, "**********************\n") ||
			!strings.Contains(text, "PowerShell transcript end\nEnd time: ") {
			t.Errorf("%s:\n%s", name, text)
		}
	}
}
