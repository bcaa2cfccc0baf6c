package engine_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine"
)

// TestInvokeBlockInScope runs blocks in scopes a cmdlet arranges, as
// Pester's runner does: what the first block defines is visible to the
// second run in a child scope, does not leak to the caller, and a
// statement-terminating error ends the block and is returned.
func TestInvokeBlockInScope(t *testing.T) {
	var outer, inner *engine.Scope
	var errs []string
	run := &engine.Cmdlet{
		Name: "Invoke-Twice",
		New: engine.ProcessOnly(func(c *engine.Call) error {
			setup, _ := engine.NewScriptBlock("setup", "$shared = 'from setup'; function helper { 'helped' }")
			body, _ := engine.NewScriptBlock("body", "$shared; helper; $local = 1")
			failing, _ := engine.NewScriptBlock("failing", "Get-Nothing -Bad; 'not reached'")
			outer = engine.NewScope(c.Scope(), false)
			if err := c.InvokeBlockInScope(outer, setup, nil, c.WriteObject); err != nil {
				return err
			}
			inner = engine.NewScope(outer, false)
			if err := c.InvokeBlockInScope(inner, body, nil, c.WriteObject); err != nil {
				return err
			}
			if err := c.InvokeBlockInScope(engine.NewScope(outer, false), failing, nil, c.WriteObject); err != nil {
				errs = append(errs, err.Error())
			}
			return nil
		}),
	}
	var buf bytes.Buffer
	rt := newRuntime(&buf, run)
	rt.Execute(context.Background(), "t", "Invoke-Twice; \"shared=[$shared]\"")
	got := strings.TrimSpace(buf.String())
	want := "from setup\nhelped\nshared=[]"
	if got != want {
		t.Fatalf("output:\n%s\nwant:\n%s", got, want)
	}
	if inner.Local("local") == nil || outer.Local("local") != nil {
		t.Errorf("the body's variable should be local to its scope")
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "Get-Nothing") {
		t.Errorf("errors = %q, want the CommandNotFound of Get-Nothing", errs)
	}
}

// TestDefineProxy shadows a cmdlet with a proxy in one scope: calls from
// that scope and below run the proxy with the arguments bound by its
// parameters, calls elsewhere still run the cmdlet.
func TestDefineProxy(t *testing.T) {
	name := engine.Declare[string](&engine.ParamInfo{Name: "Name", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}}})
	real := &engine.Cmdlet{Name: "Get-Greeting", Params: []*engine.ParamInfo{name.Info()},
		New: engine.ProcessOnly(func(c *engine.Call) error { return c.WriteObject("hello " + name.Get(c)) })}
	proxy := &engine.Cmdlet{Name: "Get-Greeting", Params: []*engine.ParamInfo{name.Info()},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return c.WriteObject("mocked " + c.BoundParameters()["Name"].(string))
		})}
	run := &engine.Cmdlet{
		Name: "Invoke-Mocked",
		New: engine.ProcessOnly(func(c *engine.Call) error {
			sc := engine.NewScope(c.Scope(), false)
			fn := sc.DefineProxy("Get-Greeting", proxy, nil)
			if fn.Proxy() != proxy {
				t.Errorf("Proxy() = %v", fn.Proxy())
			}
			body, _ := engine.NewScriptBlock("body", "function Inner { Get-Greeting -Name inner }; Get-Greeting ada; Inner")
			return c.InvokeBlockInScope(sc, body, nil, c.WriteObject)
		}),
	}
	var buf bytes.Buffer
	rt := newRuntime(&buf, real, run)
	rt.Execute(context.Background(), "t", "Invoke-Mocked; Get-Greeting bob")
	want := "mocked ada\nmocked inner\nhello bob"
	if got := strings.TrimSpace(buf.String()); got != want {
		t.Fatalf("output:\n%s\nwant:\n%s", got, want)
	}
}

// TestExitFromCmdlet ends a script with the code a cmdlet returns.
func TestExitFromCmdlet(t *testing.T) {
	quit := &engine.Cmdlet{Name: "Stop-Script", New: engine.ProcessOnly(func(c *engine.Call) error { return engine.Exit(3) })}
	var buf bytes.Buffer
	rt := newRuntime(&buf, quit)
	res := rt.Execute(context.Background(), "t", "Stop-Script; 'not reached'")
	if !res.Exited || res.Code != 3 || strings.Contains(buf.String(), "not reached") {
		t.Fatalf("result %+v, output %q", res, buf.String())
	}
	if code, ok := engine.IsExit(engine.Exit(5)); !ok || code != 5 {
		t.Errorf("IsExit = %d, %v", code, ok)
	}
}

// TestIsolated keeps the errors of the code a command runs from its $?.
func TestIsolated(t *testing.T) {
	for _, isolated := range []bool{false, true} {
		inner := &engine.Cmdlet{Name: "Invoke-Inner", New: engine.ProcessOnly(func(c *engine.Call) error {
			sb, _ := engine.NewScriptBlock("inner", "Write-Error 'inside'")
			body := func() error { return c.InvokeBlockInScope(engine.NewScope(c.Scope(), false), sb, nil, c.WriteObject) }
			if isolated {
				return c.Isolated(body)
			}
			return body()
		})}
		writeError := &engine.Cmdlet{Name: "Write-Error", Params: []*engine.ParamInfo{{Name: "Message", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}}}},
			New: engine.ProcessOnly(func(c *engine.Call) error { return c.WriteError(engine.NewError("NotSpecified", "X", nil, "inside")) })}
		var buf bytes.Buffer
		rt := newRuntime(&buf, inner, writeError)
		rt.Execute(context.Background(), "t", "Invoke-Inner")
		if rt.LastStatus() != isolated {
			t.Errorf("isolated=%v: $? = %v", isolated, rt.LastStatus())
		}
	}
}

// TestOwnID keeps a record's FullyQualifiedErrorId to its own id.
func TestOwnID(t *testing.T) {
	rec := &engine.ErrorRecord{ErrorID: "PesterAssertionFailed", CommandName: "Should", CommandClass: "X.ShouldCommand"}
	if got := rec.FullyQualifiedErrorID(); got != "PesterAssertionFailed,X.ShouldCommand" {
		t.Errorf("without OwnID: %q", got)
	}
	rec.OwnID = true
	if got := rec.FullyQualifiedErrorID(); got != "PesterAssertionFailed" {
		t.Errorf("with OwnID: %q", got)
	}
}
