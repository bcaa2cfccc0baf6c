package engine_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine"
)

// TestParamHandleTypeCheckedAtDeclaration: a handle whose Go type cannot
// hold the declared type panics when it is declared, that is while the
// cmdlet registers.
func TestParamHandleTypeCheckedAtDeclaration(t *testing.T) {
	bad := []func(){
		func() { engine.Declare[bool](engine.NamedParam("Name", "String", "")) },
		func() { engine.Declare[string](engine.NamedParam("Force", "SwitchParameter", "")) },
		func() { engine.Declare[int](engine.NamedParam("Name", "String", "")) },
		func() { engine.Declare[[]string](engine.NamedParam("Name", "String", "")) },
		func() { engine.Declare[string](engine.NamedParam("Names", "String[]", "")) },
		func() { engine.Declare[float32](engine.NamedParam("X", "Single", "")) },
	}
	for i, f := range bad {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("case %d: Declare did not panic", i)
				}
			}()
			f()
		}()
	}
	engine.Declare[bool](engine.NamedParam("Force", "SwitchParameter", ""))
	engine.Declare[bool](engine.NamedParam("On", "Boolean", ""))
	engine.Declare[int](engine.NamedParam("N", "Int32", ""))
	engine.Declare[[]string](engine.NamedParam("Names", "String[]", ""))
	engine.Declare[string](engine.NamedParam("Id", "UserIdParameter", ""))
	engine.Declare[any](engine.NamedParam("X", "ScriptBlock", ""))
}

// TestParamHandleReads: the handle reads the bound, converted value, tells
// whether it was given, and refuses to be read by another cmdlet.
func TestParamHandleReads(t *testing.T) {
	name := engine.Declare[string](engine.NamedParam("Name", "String", "", "N"))
	count := engine.Declare[int](engine.NamedParam("Count", "Int32", ""))
	force := engine.Declare[bool](engine.NamedParam("Force", "SwitchParameter", ""))
	tags := engine.Declare[[]string](engine.NamedParam("Tag", "String[]", ""))
	show := &engine.Cmdlet{
		Name:   "Show-Handle",
		Params: []*engine.ParamInfo{name.Info(), count.Info(), force.Info(), tags.Info()},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return c.WriteObject(strings.Join([]string{
				name.Get(c), strings.Join(tags.Get(c), "+"),
				map[bool]string{true: "given", false: "-"}[count.Given(c)],
				map[bool]string{true: "force", false: "-"}[force.Get(c)],
				strings.Repeat("#", count.Or(c, 1)),
			}, "|"))
		}),
	}
	stray := &engine.Cmdlet{
		Name: "Get-Stray",
		New:  engine.ProcessOnly(func(c *engine.Call) error { return c.WriteObject(name.Get(c)) }),
	}
	var buf bytes.Buffer
	rt := newRuntime(&buf, show, stray)
	cases := []struct{ in, want string }{
		{"Show-Handle -N x -Tag a,b", "x|a+b|-|-|#"},
		{"Show-Handle -Name y -Count 3 -Force", "y||given|force|###"},
		{"Show-Handle", "||-|-|#"},
	}
	for _, c := range cases {
		buf.Reset()
		rt.Execute(context.Background(), "<test>", c.in)
		if got := strings.TrimSpace(buf.String()); got != c.want {
			t.Errorf("%s = %q, want %q", c.in, got, c.want)
		}
	}
	buf.Reset()
	rt.Execute(context.Background(), "<test>", "Get-Stray")
	if got := buf.String(); !strings.Contains(got, "does not declare") {
		t.Errorf("a handle read by another cmdlet: %q", got)
	}
}
