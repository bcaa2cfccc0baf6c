package engine_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine"
)

// TestPreparedBinderFollowsParams: a cmdlet's binder tables are made once
// and reused, but a cmdlet whose parameters change (another parameter
// list, another default set, a cmdlet of the same name registered again)
// binds by what it declares now.
func TestPreparedBinderFollowsParams(t *testing.T) {
	a := engine.Declare[string](engine.NamedParam("Alpha", "String", ""))
	b := engine.Declare[string](engine.NamedParam("Beta", "String", ""))
	c := &engine.Cmdlet{Name: "Show-Prepared", Params: []*engine.ParamInfo{a.Info()}, New: engine.ProcessOnly(func(c *engine.Call) error {
		return c.WriteObject(a.Get(c) + "|")
	})}
	var buf bytes.Buffer
	rt := newRuntime(&buf, c)
	run := func(in string) string {
		buf.Reset()
		rt.Execute(context.Background(), "<test>", in)
		return strings.TrimSpace(buf.String())
	}
	for range 3 {
		if got := run("Show-Prepared -Alpha x"); got != "x|" {
			t.Fatalf("-Alpha = %q", got)
		}
	}
	if got := run("Show-Prepared -Beta y"); !strings.Contains(got, "Beta") || strings.Contains(got, "|y") {
		t.Fatalf("-Beta bound before it was declared: %q", got)
	}
	c.Params = append(c.Params, b.Info())
	c.New = engine.ProcessOnly(func(c *engine.Call) error { return c.WriteObject(a.Get(c) + "|" + b.Get(c)) })
	if got := run("Show-Prepared -Alpha x -Beta y"); got != "x|y" {
		t.Fatalf("after adding -Beta: %q", got)
	}
	again := &engine.Cmdlet{Name: "Show-Prepared", Params: []*engine.ParamInfo{b.Info()}, New: engine.ProcessOnly(func(c *engine.Call) error {
		return c.WriteObject("again " + b.Get(c))
	})}
	rt.Register(again)
	if got := run("Show-Prepared -Beta z"); got != "again z" {
		t.Fatalf("registered again: %q", got)
	}
	if got := run("Show-Prepared -Alpha x"); !strings.Contains(got, "Alpha") || strings.Contains(got, "again x") {
		t.Fatalf("the replaced cmdlet's -Alpha still bound: %q", got)
	}
}
