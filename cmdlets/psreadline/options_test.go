package psreadline_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/internal/transcript"
)

// In a window narrower than 50 columns, choosing the list view warns as
// PSReadLine's WarnWhenWindowSizeTooSmallForView does, on Set and on Get.
func TestListViewTooSmallWarns(t *testing.T) {
	buf := &bytes.Buffer{}
	rt := transcript.NewRuntime(buf, cmdlets.Register)
	rt.Host().Width = 40
	rt.Execute(context.Background(), "<test>", "Set-PSReadLineOption -PredictionViewStyle ListView")
	want := "WARNING: The prediction 'ListView' is temporarily disabled because the current window size of the console is too small. To use the 'ListView', please make sure the 'WindowWidth' is not less than '50' and the 'WindowHeight' is not less than '5'."
	if got := strings.TrimSpace(buf.String()); !strings.Contains(strings.Join(strings.Fields(got), " "), want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	buf.Reset()
	rt.Execute(context.Background(), "<test>", "$null = Get-PSReadLineOption")
	if !strings.Contains(buf.String(), "WARNING: The prediction 'ListView'") {
		t.Errorf("Get-PSReadLineOption did not warn: %q", buf.String())
	}
	buf.Reset()
	rt.Execute(context.Background(), "<test>", "Set-PSReadLineOption -PredictionViewStyle InlineView")
	if buf.Len() != 0 {
		t.Errorf("InlineView warned: %q", buf.String())
	}
}
