package engine_test

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine"
)

// promptRuntime is an interactive session whose host answers the prompts
// with answers, in turn, over one buffer for both streams.
func promptRuntime(buf *bytes.Buffer, answers ...string) *engine.Runtime {
	echo := engine.ProcessOnly(func(c *engine.Call) error {
		var names []string
		for k := range c.BoundParameters() {
			names = append(names, k)
		}
		sort.Strings(names)
		return c.WriteObject("got " + strings.Join(names, ","))
	})
	rt := newRuntime(buf,
		&engine.Cmdlet{Name: "Set-Thing", New: echo, Params: []*engine.ParamInfo{
			{Name: "Identity", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true}}},
			{Name: "Pin", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Mandatory: true, Position: -1, HelpMessage: "The new PIN."}}},
		}},
		&engine.Cmdlet{Name: "Get-Things", New: engine.ProcessOnly(func(c *engine.Call) error {
			return c.WriteObject(fmt.Sprintf("%d: %v", len(c.BoundParameters()["Name"].([]any)), c.BoundParameters()["Name"]))
		}), Params: []*engine.ParamInfo{
			{Name: "Name", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true}}},
		}},
	)
	h := rt.Host()
	h.Interactive = true
	h.ReadLine = func(p string) (string, error) {
		h.Write(p)
		if len(answers) == 0 {
			return "", context.Canceled
		}
		a := answers[0]
		answers = answers[1:]
		h.WriteLine(a)
		return a, nil
	}
	return rt
}

// pwsh's console host writes a blank line, the caption "cmdlet <name> at
// command pipeline position <n>" (ParameterBinderStrings.PromptCaption,
// "cmdlet" for functions and scripts too, the command's position in its
// pipeline) and "Supply values for the following parameters:" before the
// first missing mandatory parameter (issue 15, item 6), and "(Type !? for
// Help.)" when one of them has a help message.
func TestMandatoryPromptHeader(t *testing.T) {
	cases := []struct {
		script, want string
	}{
		{"Set-Thing -Pin 1",
			"\ncmdlet Set-Thing at command pipeline position 1\nSupply values for the following parameters:\nIdentity: ann\ngot Identity,Pin\n"},
		{"set-thing",
			"\ncmdlet Set-Thing at command pipeline position 1\nSupply values for the following parameters:\n(Type !? for Help.)\nIdentity: ann\nPin: 1234\ngot Identity,Pin\n"},
		// An expression starting the pipeline is its input, not a command.
		{"function Drop { process { } }; 1 | Drop | Drop | Set-Thing -Pin 1",
			"\ncmdlet Set-Thing at command pipeline position 3\nSupply values for the following parameters:\nIdentity: ann\n"},
		{"function Get-Pin { param([Parameter(Mandatory)]$User) 'pin of ' + $User }; function Nothing { }; Nothing | Get-Pin",
			"\ncmdlet Get-Pin at command pipeline position 2\nSupply values for the following parameters:\nUser: ann\npin of ann\n"},
		{"& { param([Parameter(Mandatory)][string]$User) $User }",
			"\ncmdlet  at command pipeline position 1\nSupply values for the following parameters:\nUser: ann\nann\n"},
	}
	for _, c := range cases {
		buf := &bytes.Buffer{}
		rt := promptRuntime(buf, "ann", "1234")
		rt.Execute(context.Background(), "<test>", c.script)
		if got := buf.String(); got != c.want {
			t.Errorf("%s\n got %q\nwant %q", c.script, got, c.want)
		}
	}
}

// !? shows the parameter's help message and asks again.
func TestMandatoryPromptHelp(t *testing.T) {
	buf := &bytes.Buffer{}
	rt := promptRuntime(buf, "ann", "!?", "1234")
	rt.Execute(context.Background(), "<test>", "Set-Thing")
	want := "\ncmdlet Set-Thing at command pipeline position 1\nSupply values for the following parameters:\n(Type !? for Help.)\n" +
		"Identity: ann\nPin: !?\nThe new PIN.\nPin: 1234\ngot Identity,Pin\n"
	if got := buf.String(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Ctrl+C at the prompt stops the pipeline as pwsh does: no error text
// (before: "context canceled" was shown as the command's error), nothing
// after it runs, and $? is false.
func TestMandatoryPromptCtrlC(t *testing.T) {
	buf := &bytes.Buffer{}
	rt := promptRuntime(buf, "ann")
	ctx, cancel := context.WithCancel(context.Background())
	h := rt.Host()
	answer := h.ReadLine
	h.ReadLine = func(p string) (string, error) {
		if p == "Pin: " {
			h.Write(p)
			cancel()
			return "", ctx.Err()
		}
		return answer(p)
	}
	res := rt.Execute(ctx, "<test>", "Set-Thing; 'after'")
	got := buf.String()
	if want := "\ncmdlet Set-Thing at command pipeline position 1\nSupply values for the following parameters:\n(Type !? for Help.)\nIdentity: ann\nPin: "; got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if !res.Failed {
		t.Error("a stopped pipeline did not fail")
	}
	if rt.LastStatus() {
		t.Error("$? is true after Ctrl+C at the prompt")
	}
	buf.Reset()
	rt.Execute(context.Background(), "<test>", "$?")
	if got := strings.TrimSpace(buf.String()); got != "False" {
		t.Errorf("$? = %q, want False", got)
	}
	// Stopped as any pipeline Ctrl+C stops: no error recorded either.
	buf.Reset()
	rt.Execute(context.Background(), "<test>", "$Error.Count")
	if got := strings.TrimSpace(buf.String()); got != "0" {
		t.Errorf("$Error.Count = %q, want 0", got)
	}
}

// The host answering with an error of its own (not a Ctrl+C) still fails
// the command with that error.
func TestMandatoryPromptReadError(t *testing.T) {
	buf := &bytes.Buffer{}
	rt := promptRuntime(buf)
	h := rt.Host()
	h.ReadLine = func(p string) (string, error) { return "", context.DeadlineExceeded }
	rt.Execute(context.Background(), "<test>", "Set-Thing")
	if !strings.Contains(buf.String(), "context deadline exceeded") {
		t.Errorf("the read error is not shown:\n%s", buf.String())
	}
}

// An array parameter is asked for item by item until an empty line, as
// pwsh's console host does (Name[0]: , Name[1]: …); none at all is an
// empty array, which a mandatory parameter refuses.
func TestMandatoryPromptArray(t *testing.T) {
	buf := &bytes.Buffer{}
	rt := promptRuntime(buf, "ann", "ben", "")
	rt.Execute(context.Background(), "<test>", "Get-Things")
	want := "\ncmdlet Get-Things at command pipeline position 1\nSupply values for the following parameters:\nName[0]: ann\nName[1]: ben\nName[2]: \n2: [ann ben]\n"
	if got := buf.String(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	buf.Reset()
	rt = promptRuntime(buf, "")
	rt.Execute(context.Background(), "<test>", "Get-Things")
	if got := buf.String(); !strings.Contains(got, "Name[0]: \n") || !strings.Contains(got, "because it is an empty array") {
		t.Errorf("an empty answer: %q", got)
	}
}
