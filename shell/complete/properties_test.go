package complete

import (
	"testing"

	"github.com/csshell/csshell/engine/value"
)

// TestPipelineMembersFromSource completes property names after a pipe
// from what the Source declares of the upstream command (its output type
// and sample) or from a variable's value, and falls back to what an
// argument completes otherwise (file names here), as without a type.
func TestPipelineMembersFromSource(t *testing.T) {
	f := newFake(t)
	f.outputs = fakeOutputs()
	c := New(f)
	const user = "Get-CsOnlineDialInConferencingUser"
	runCases(t, c, []tcase{
		{name: "positional, alias", in: user + " | sort Dis", span: "Dis", want: []string{"DisplayName"}},
		{name: "all, sorted, quoted when needed", in: user + " | Sort-Object ", span: "",
			want: []string{"BridgeName", "ConferenceId", "DisplayName", "Identity", "'My Prop'", "SipAddress"}},
		{name: "typed quote kept", in: user + ` | Sort-Object "my`, span: `"my`, want: []string{`"My Prop"`}},
		{name: "wildcard", in: user + " | Sort-Object *Name", span: "*Name", want: []string{"BridgeName", "DisplayName"}},
		{name: "named", in: user + " | Sort-Object -Property Conf", span: "Conf", want: []string{"ConferenceId"}},
		{name: "given ones left out", in: user + " | Sort-Object Identity, DisplayName, ", span: "",
			want: []string{"BridgeName", "ConferenceId", "'My Prop'", "SipAddress"}},
		{name: "$_ in a script block", in: user + " | % { $_.Conf", span: "Conf", want: []string{"ConferenceId"}},
		{name: "$PSItem", in: user + " | ForEach-Object -Process { $PSItem.Sip", span: "Sip", want: []string{"SipAddress"}},
		{name: "a property's own members", in: user + " | % { $_.SipAddress.Len", span: "Len", want: []string{"Length"}},
		{name: "from a variable's value", in: "$users | Sort-Object Disp", span: "Disp", want: []string{"DisplayName"}},
		{name: "member path of a variable", in: "$user.Conferencing | Sort-Object Conf", span: "Conf", want: []string{"ConferenceId"}},
		{name: "unknown type: files as before", in: "Get-Thing | Sort-Object no", span: "no", want: []string{"notes.txt"}},
		{name: "first element: no input", in: "Sort-Object no", span: "no", want: []string{"notes.txt"}},
		{name: "$_ outside a pipeline", in: "{ $_.Dis", none: true},
	})
	// Descriptions: the sample value's type, "Property" when it is null.
	in := user + " | Sort-Object "
	r := c.Complete(in, len(in))
	got := map[string]string{}
	for _, it := range r.Items {
		got[it.Text] = it.Description
	}
	if got["SipAddress"] != "[String]" || got["BridgeName"] != "Property" {
		t.Errorf("descriptions: %q", got)
	}
}

// fakeOutputs declares the output type of the fake conferencing-user
// cmdlet.
func fakeOutputs() map[string]fakeOutput {
	return map[string]fakeOutput{
		"get-csonlinedialinconferencinguser": {name: "ConferencingUser", sample: func() any {
			o := value.NewObject("ConferencingUser")
			for _, p := range []string{"Identity", "BridgeName", "ConferenceId", "DisplayName", "My Prop"} {
				o.Set(p, nil)
			}
			o.Set("SipAddress", "sip:x")
			return o
		}},
	}
}
