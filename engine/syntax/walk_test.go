package syntax

import (
	"fmt"
	"strings"
	"testing"
)

func TestInspectSourceOrder(t *testing.T) {
	src := `function f([int]$a = 1) { begin { } }
function g { param([Parameter(Mandatory)][string]$n) }
$h = @{ k = { Get-Thing -Name:$x[0] | % { "a $(b -c d)" } } }
if ($a -gt 1) { try { throw 'x' } catch [Exception] { $_.Message.Trim() } finally { } } else { ,(1, 2) }
switch -regex ($y) { 'a' { break } default { return [int]'1' } }
for ($i = 0; $i -lt 3; $i++) { while ($true) { do { continue } until (!$i ? 1 : 2) } }
foreach ($u in $users) { trap { exit 1 }; Write-Host @u 2>&1 > out.txt }
`
	sb, err := Parse(&Source{Text: src})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	var stack []Node
	Inspect(sb, func(n Node) bool {
		kinds[fmt.Sprintf("%T", n)] = true
		// Pop the ancestors that end before n: what remains contains it.
		for len(stack) > 0 && popped(stack[len(stack)-1].Ext(), n.Ext()) {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			p := stack[len(stack)-1].Ext()
			if e := n.Ext(); e.Start < p.Start || e.End > p.End {
				t.Errorf("%T %v is outside its parent %v", n, e, p)
			}
		}
		stack = append(stack, n)
		return true
	})
	for _, k := range []string{"*syntax.FunctionDef", "*syntax.Parameter", "*syntax.HashtableExpr", "*syntax.KeyValue",
		"*syntax.ScriptBlockExpr", "*syntax.CommandParameter", "*syntax.IndexExpr", "*syntax.SubExpr",
		"*syntax.CatchClause", "*syntax.TypeName", "*syntax.InvokeMemberExpr", "*syntax.SwitchClause",
		"*syntax.TernaryExpr", "*syntax.UnaryExpr", "*syntax.TrapStmt", "*syntax.Redirection", "*syntax.DoStmt", "*syntax.Attribute", "*syntax.ParamBlock"} {
		if !kinds[k] {
			t.Errorf("Inspect never reached a %s", k)
		}
	}
}

func TestInspectPrunesAndToleratesPartialTrees(t *testing.T) {
	sb, _ := Parse(&Source{Text: "gci | % { Get-Thing -K"})
	var names []string
	Inspect(sb, func(n Node) bool {
		if c, ok := n.(*Command); ok {
			names = append(names, Dump(c.Elements[0]))
			return !strings.Contains(Dump(c.Elements[0]), "%")
		}
		return true
	})
	if got := strings.Join(names, ","); got != `b"gci",b"%"` {
		t.Errorf("commands visited = %s, want the inner one pruned", got)
	}
	Inspect(nil, func(Node) bool { t.Error("visited nil"); return true })
	var nilBlock *StatementBlock
	Inspect(nilBlock, func(Node) bool { t.Error("visited a nil pointer"); return true })
}

// popped reports whether node e starts after the node top: top is then no
// ancestor of e (a zero-width e at top's end still is inside it).
func popped(top, e Extent) bool {
	return top.End < e.Start || (top.End == e.Start && e.Start != e.End)
}
