package complete

import (
	"context"
	"testing"
)

// fakeHistory is a session's history: ids as Get-History shows them.
var fakeHistory = []HistoryEntry{
	{ID: 1, CommandLine: "Get-CsOnlineUser -Identity amos.marble@contoso.com"},
	{ID: 2, CommandLine: "Set-CsOnlineDialInConferencingUser -Identity amos -BridgeName 'EMEA Bridge'"},
	{ID: 3, CommandLine: "get-date"},
	{ID: 12, CommandLine: "Get-CsOnlineDialInConferencingUser | Select-Object DisplayName"},
	{ID: 13, CommandLine: "Test history completion"},
	{ID: 14, CommandLine: "get-date"},
	{ID: 15, CommandLine: "Set-CsOnlineDialInConferencingUser -Identity amos -ServiceNumber 14255501000000"},
}

// TestHistoryCompletion follows pwsh's CompleteComment: "#" then text
// of word characters and dashes completes the history lines containing
// it (any case), newest first; "#" then a number the entry with that id;
// the line replaces the whole comment. TabCompletion.Tests.ps1: after
// Add-History of "Test history completion", "#" gives it first.
func TestHistoryCompletion(t *testing.T) {
	f := newFake(t)
	f.history = fakeHistory
	c := New(f)
	runCases(t, c, []tcase{
		{name: "all, newest first", in: "#", span: "#", want: []string{
			"Set-CsOnlineDialInConferencingUser -Identity amos -ServiceNumber 14255501000000", "get-date", "Test history completion",
			"Get-CsOnlineDialInConferencingUser | Select-Object DisplayName",
			"Set-CsOnlineDialInConferencingUser -Identity amos -BridgeName 'EMEA Bridge'",
			"Get-CsOnlineUser -Identity amos.marble@contoso.com"}},
		{name: "contains, any case", in: "#bridge", span: "#bridge", want: []string{"Set-CsOnlineDialInConferencingUser -Identity amos -BridgeName 'EMEA Bridge'"}},
		{name: "anywhere in the line", in: "#DisplayName", span: "#DisplayName", want: []string{"Get-CsOnlineDialInConferencingUser | Select-Object DisplayName"}},
		{name: "dashes", in: "#Get-CsOnline", span: "#Get-CsOnline", want: []string{"Get-CsOnlineDialInConferencingUser | Select-Object DisplayName", "Get-CsOnlineUser -Identity amos.marble@contoso.com"}},
		{name: "by id", in: "#12", span: "#12", want: []string{"Get-CsOnlineDialInConferencingUser | Select-Object DisplayName"}},
		{name: "id 3", in: "#3", span: "#3", want: []string{"get-date"}},
		{name: "unknown id", in: "#99", none: true},
		{name: "a number too long for an id is text", in: "#55501000000", span: "#55501000000", want: []string{"Set-CsOnlineDialInConferencingUser -Identity amos -ServiceNumber 14255501000000"}},
		{name: "no match", in: "#nothing", none: true},
		{name: "after a command", in: "Get-Date; #Test", span: "#Test", want: []string{"Test history completion"}},
		{name: "not a word: no history", in: "#Get-Cs*", none: true},
		{name: "space: a comment", in: "# Get", none: true},
		{name: "block comment", in: "<#Get", none: true},
		{name: "inside the comment", in: "#Get‸Cs", none: true},
	})
	if r := c.Complete("#12", 3); len(r.Items) != 1 || r.Items[0].Description != "History Id 12" {
		t.Errorf("description: %+v", r.Items)
	}
}

// TestHistoryCompletionFromSession completes from the session's history,
// the lines Get-History lists (typed at the prompt), with their ids.
func TestHistoryCompletionFromSession(t *testing.T) {
	rt, _ := newRuntime(t)
	for _, line := range []string{"Get-Greeting -Name Ann", "$n = 1", "Get-Greeting -Mood Sad"} {
		rt.ExecuteInput(context.Background(), "<prompt>", line)
	}
	c := New(FromRuntime(rt))
	runCases(t, c, []tcase{
		{name: "contains", in: "#Greeting", span: "#Greeting", want: []string{"Get-Greeting -Mood Sad", "Get-Greeting -Name Ann"}},
		{name: "by id", in: "#2", span: "#2", want: []string{"$n = 1"}},
	})
	rt.ClearHistory()
	runCases(t, c, []tcase{{name: "cleared", in: "#Greeting", none: true}})
}
