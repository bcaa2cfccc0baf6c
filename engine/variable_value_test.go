package engine_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

func TestVariableValue(t *testing.T) {
	var buf bytes.Buffer
	rt := newRuntime(&buf)
	rt.SetLocation("/tmp/here")
	if res := rt.Execute(context.Background(), "<test>", "$x = 5; $n = $null; $script:s = 'a'"); res.Err != nil {
		t.Fatal(res.Err)
	}
	pwd, ok := rt.VariableValue("PWD")
	o, isObj := pwd.(*value.Object)
	if !ok || !isObj || o.TypeName() != "System.Management.Automation.PathInfo" {
		t.Fatalf("$PWD = %#v, %v; want a PathInfo", pwd, ok)
	}
	if p, _ := engine.GetMember(pwd, "Path"); p != "/tmp/here" {
		t.Errorf("$PWD.Path = %v", p)
	}
	for _, c := range []struct {
		name string
		want any
		ok   bool
	}{
		{"x", int32(5), true}, {"global:x", int32(5), true}, {"script:s", "a", true},
		{"n", nil, true}, {"null", nil, true}, {"true", true, true},
		{"nosuch", nil, false}, {"env:NO_SUCH_VARIABLE_HERE", nil, false},
	} {
		got, ok := rt.VariableValue(c.name)
		if got != c.want || ok != c.ok {
			t.Errorf("VariableValue(%q) = %#v, %v; want %#v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
	if res := rt.Execute(context.Background(), "<test>", "Set-StrictMode -Version 3"); res.Err == nil {
		if _, ok := rt.VariableValue("nosuch"); ok {
			t.Error("an unset variable reads as set under strict mode")
		}
	}
}
