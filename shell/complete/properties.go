package complete

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
)

// memberParams are the parameters whose values name members of the
// objects coming down the pipeline, by lower-case cmdlet: pwsh completes
// them from the upstream command's output type
// (NativeCompletionMemberName). ForEach-Object's -MemberName takes
// methods too.
var memberParams = map[string]map[string]bool{
	"select-object":  {"property": true, "excludeproperty": true, "expandproperty": true},
	"sort-object":    {"property": true},
	"group-object":   {"property": true},
	"measure-object": {"property": true},
	"where-object":   {"property": true},
	"format-table":   {"property": true, "excludeproperty": true},
	"format-list":    {"property": true, "excludeproperty": true},
	"format-wide":    {"property": true},
	"format-custom":  {"property": true, "excludeproperty": true},
	"foreach-object": {"membername": true},
}

// positionalMember are the script-block parameters a bareword in their
// position stands in for a member name: "ForEach-Object Name" is
// -MemberName, "Where-Object Name" is -Property (pwsh falls back to the
// other parameter set's positional parameter when the script block
// offers nothing).
var positionalMember = map[string]string{"foreach-object": "process", "where-object": "filterscript"}

// pipelineMembers completes the value of a member-name parameter (see
// memberParams) from the objects flowing into the command: their
// properties (and, for -MemberName, methods) that match the typed text,
// less the names already given in the same list. ok is false when the
// parameter takes no member names or the objects are unknown: the caller
// then completes as for any argument.
func (c *Completer) pipelineMembers(cc cursorCommand, cmd string, pb *binding.PartialBinding, cur int, vw valueWord, pos int) ([]Suggestion, bool) {
	lc := strings.ToLower(cmd)
	params := memberParams[lc]
	if params == nil || pb.Target == nil || vw.raw != "" && isScriptOrExpr(vw.raw) {
		return nil, false
	}
	target := strings.ToLower(pb.Target.Name)
	if positionalMember[lc] == target && cur >= 0 && pb.Args[cur].Role == binding.ArgPositional {
		target = "property"
		if lc == "foreach-object" {
			target = "membername"
		}
	}
	if !params[target] {
		return nil, false
	}
	in := c.newInferrer(cc.text)
	pl, i := in.pipelineOf(cc.cmd)
	sample := in.input(pl, i)
	if sample == nil {
		return nil, false
	}
	given := givenNames(cc, cur, pos)
	m := newMatcher(vw.value)
	ms := membersOf(sample)
	var props []keyed
	for _, p := range ms.props {
		if p == "" || !m.match(p) || given[strings.ToLower(p)] {
			continue
		}
		props = append(props, keyed{p, Suggestion{Text: quote(p, vw.quote), Description: propertyDescription(sample, p)}})
	}
	items := sortKeyed(props)
	if target == "membername" {
		var methods []Suggestion
		for _, mt := range ms.methods {
			if m.match(mt.name) && !given[strings.ToLower(mt.name)] {
				methods = append(methods, Suggestion{Text: quote(mt.name, vw.quote), Description: "Method"})
			}
		}
		sortItems(methods)
		items = append(items, methods...)
	}
	return dedupe(items), true
}

// isScriptOrExpr reports a typed argument that is code, not a name: a
// script block, a hashtable, a variable, a subexpression.
func isScriptOrExpr(raw string) bool {
	return strings.ContainsAny(raw[:1], "{@$(")
}

// givenNames are the names already in the comma list the cursor (at pos)
// is in (Select-Object -Property Count, <Tab> offers no Count again), by
// lower case.
func givenNames(cc cursorCommand, cur, pos int) map[string]bool {
	out := map[string]bool{}
	if cur < 0 {
		return out
	}
	var n syntax.Node = cc.cmd.Elements[cc.elem]
	if cp, ok := n.(*syntax.CommandParameter); ok {
		if cp.Argument == nil {
			return out
		}
		n = cp.Argument
	}
	arr, ok := n.(*syntax.ArrayLiteral)
	if !ok {
		return out
	}
	for _, e := range arr.Elements {
		if s, ok := e.(*syntax.StringConstant); ok && !(s.Start <= pos && pos <= s.End) {
			out[strings.ToLower(s.Value)] = true
		}
	}
	return out
}

// propertyDescription is a sample property's type, "[String]", or
// "Property" when the sample's value says nothing (null).
func propertyDescription(sample any, name string) string {
	if v, ok := engine.GetMember(sample, name); ok && v != nil {
		if d := valueType(v); d != "" {
			return d
		}
	}
	return "Property"
}
