package complete

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// This file infers, without running anything, what flows into a pipeline
// element, as pwsh's type inference does for completion (AstTypeInference
// from the commands' [OutputType]): a sample object of the upstream
// command's output type, which the completer reads for property names.
// A sample is what the Source gives for a command (built by the code that
// builds its real objects) or a variable's current value; nil means
// unknown, and completion then offers no properties.

// maxInfer bounds inference through pipelines, parentheses and $_.
const maxInfer = 16

// inferrer infers over one parsed input.
type inferrer struct {
	c     *Completer
	text  string // the parsed text
	root  syntax.Node
	steps int
}

func (c *Completer) newInferrer(text string) *inferrer {
	root, _ := syntax.Parse(&syntax.Source{Text: text}) // a partial tree is enough
	return &inferrer{c: c, text: text, root: root}
}

// passThrough are the cmdlets whose output is their input objects.
var passThrough = map[string]bool{"where-object": true, "sort-object": true, "tee-object": true, "get-unique": true}

// item is one object of a stream: the first element of a collection
// (pipelines enumerate), nil for an empty one.
func item(v any) any {
	if a, ok := v.([]any); ok {
		if len(a) == 0 {
			return nil
		}
		return a[0]
	}
	return v
}

// input is a sample of the objects flowing into element i of pl: what
// element i-1 writes. The first element has no pipeline input.
func (in *inferrer) input(pl *syntax.Pipeline, i int) any {
	if i <= 0 {
		return nil
	}
	return item(in.output(pl, i-1))
}

// output is a sample of what element i of pl writes (nil: unknown).
func (in *inferrer) output(pl *syntax.Pipeline, i int) any {
	if pl == nil || i < 0 || i >= len(pl.Elements) || in.steps >= maxInfer {
		return nil
	}
	in.steps++
	switch el := pl.Elements[i].(type) {
	case *syntax.Command:
		return in.commandOutput(pl, i, el)
	case *syntax.CommandExpr:
		return in.exprValue(el.Expr)
	}
	return nil
}

// commandOutput is what command el (element i of pl) writes: its input
// for pass-through cmdlets, a narrowed object for Select-Object
// -Property, a member's value for Select-Object -ExpandProperty and
// ForEach-Object -MemberName, else the command's declared output type.
func (in *inferrer) commandOutput(pl *syntax.Pipeline, i int, el *syntax.Command) any {
	if el.InvocationOp != "" || len(el.Elements) == 0 {
		return nil
	}
	name := elementCommandName(el, in.text)
	meta := in.c.src.CommandMeta(name)
	if meta != nil && meta.Name != "" {
		name = meta.Name
	}
	switch strings.ToLower(name) {
	case "select-object":
		return in.selectOutput(pl, i, el, meta)
	case "foreach-object":
		if m, ok := singleName(boundValues(meta, el, in.text)["membername"]); ok {
			return memberOf(in.input(pl, i), m)
		}
		return nil
	}
	if passThrough[strings.ToLower(name)] {
		return in.input(pl, i)
	}
	if _, sample, ok := in.c.src.OutputType(name); ok {
		return sample
	}
	return nil
}

// selectOutput is what Select-Object writes: with -ExpandProperty the
// property's value; with -Property an object of the named properties
// (wildcards expanded against the input's, -ExcludeProperty removed);
// with neither (-First, -Last, -Skip, -Unique) its input.
func (in *inferrer) selectOutput(pl *syntax.Pipeline, i int, el *syntax.Command, meta *binding.Meta) any {
	vals := boundValues(meta, el, in.text)
	up := in.input(pl, i)
	if n, ok := vals["expandproperty"]; ok {
		if name, ok := singleName(n); ok {
			return memberOf(up, name)
		}
		return nil
	}
	n, ok := vals["property"]
	if !ok {
		return up
	}
	names, ok := literalNames(n)
	if !ok {
		return nil
	}
	var have []string
	if up != nil {
		have = membersOf(up).props
	}
	excluded, _ := literalNames(vals["excludeproperty"])
	out := value.NewObject("Selected." + typeNameOf(up))
	add := func(p string) {
		if value.LikeAny(p, excluded) {
			return
		}
		v, _ := engine.GetMember(up, p)
		out.Set(p, v)
	}
	for _, p := range names {
		if strings.ContainsAny(p, "*?[") {
			for _, h := range have {
				if value.Like(h, p, false) {
					add(h)
				}
			}
			continue
		}
		for _, h := range have { // the input's spelling, as Select-Object resolves it
			if strings.EqualFold(h, p) {
				p = h
				break
			}
		}
		add(p)
	}
	return out
}

// exprValue is a sample of an expression's value, for the expressions
// that need no evaluation: a variable (its current value; $_ from the
// pipeline), a member path on one, a string, a number, a range, a comma
// list, a pipeline in parentheses.
func (in *inferrer) exprValue(e syntax.Expression) any {
	if in.steps >= maxInfer {
		return nil
	}
	in.steps++
	switch x := e.(type) {
	case *syntax.VariableExpr:
		if x.Splatted {
			return nil
		}
		if isPipelineVariable(x.Name) {
			return in.pipelineVariable(x.Start)
		}
		v, _ := in.c.src.Variable(x.Name)
		return v
	case *syntax.MemberExpr:
		if x.Static || x.Target == nil {
			return nil
		}
		if name, ok := x.Member.(*syntax.StringConstant); ok {
			return memberOf(item(in.exprValue(x.Target)), name.Value)
		}
	case *syntax.StringConstant, *syntax.ExpandableString:
		return ""
	case *syntax.NumberExpr:
		if _, ok := x.Value.(syntax.DecimalLiteral); !ok {
			return x.Value
		}
	case *syntax.BinaryExpr:
		if x.Op == ".." {
			return []any{int32(0)} // a range of numbers (or of characters: members alike here)
		}
	case *syntax.ArrayLiteral:
		if len(x.Elements) > 0 {
			return []any{item(in.exprValue(x.Elements[0]))}
		}
	case *syntax.ParenExpr:
		if pl, ok := x.Inner.(*syntax.Pipeline); ok {
			return in.output(pl, len(pl.Elements)-1)
		}
	}
	return nil
}

// isPipelineVariable reports $_ and $PSItem.
func isPipelineVariable(name string) bool {
	return name == "_" || strings.EqualFold(name, "PSItem")
}

// pipelineVariable is a sample of $_ at pos: the input of the command
// whose script-block argument holds pos (Where-Object { $_. },
// ForEach-Object { $_. }, Sort-Object { $_. }, Select-Object
// @{ e = { $_. } }), nil when that is not known.
func (in *inferrer) pipelineVariable(pos int) any {
	path := nodePath(in.root, pos)
	for k := len(path) - 1; k >= 0; k-- {
		if _, ok := path[k].(*syntax.ScriptBlockExpr); !ok {
			continue
		}
		for m := k - 1; m >= 1; m-- {
			cmd, ok := path[m].(*syntax.Command)
			if !ok {
				continue
			}
			pl, ok := path[m-1].(*syntax.Pipeline)
			if !ok {
				return nil
			}
			for i, el := range pl.Elements {
				if el == syntax.PipelineElement(cmd) {
					return in.input(pl, i)
				}
			}
			return nil
		}
		return nil
	}
	return nil
}

// pipelineOf finds the pipeline holding cmd and cmd's index in it.
func (in *inferrer) pipelineOf(cmd *syntax.Command) (*syntax.Pipeline, int) {
	path := nodePath(in.root, cmd.Start)
	for k := len(path) - 1; k >= 0; k-- {
		pl, ok := path[k].(*syntax.Pipeline)
		if !ok {
			continue
		}
		for i, el := range pl.Elements {
			if c, ok := el.(*syntax.Command); ok && c.Start == cmd.Start && c.End == cmd.End {
				return pl, i
			}
		}
	}
	return nil, -1
}

// nodePath lists the nodes of the tree that hold pos, outermost first:
// at each level the child whose extent holds pos, or, when none does, the
// last one ending at pos (an element cut short by the end of the input).
func nodePath(root syntax.Node, pos int) []syntax.Node {
	var path []syntax.Node
	for n := root; n != nil && len(path) < 256; {
		path = append(path, n)
		var next syntax.Node
		for _, ch := range childrenOf(n) {
			e := ch.Ext()
			if e.Start <= pos && pos < e.End {
				next = ch
				break
			}
			if e.Start <= pos && pos == e.End {
				next = ch
			}
		}
		n = next
	}
	return path
}

// childrenOf lists a node's direct children.
func childrenOf(n syntax.Node) []syntax.Node {
	var out []syntax.Node
	syntax.Inspect(n, func(c syntax.Node) bool {
		if c == n {
			return true
		}
		out = append(out, c)
		return false
	})
	return out
}

// elementCommandName is the name a command element invokes.
func elementCommandName(el *syntax.Command, text string) string {
	if s, ok := el.Elements[0].(*syntax.StringConstant); ok {
		return s.Value
	}
	e := el.Elements[0].Ext()
	return text[e.Start:e.End]
}

// boundValues binds a command's arguments as the binder would (without
// evaluating them) and returns the syntax of each parameter's value, by
// lower-case parameter name.
func boundValues(meta *binding.Meta, el *syntax.Command, text string) map[string]syntax.Node {
	out := map[string]syntax.Node{}
	if meta == nil {
		return out
	}
	els := el.Elements[1:]
	pb := binding.Partial(meta, staticArgs(els, text), -1)
	for j, ab := range pb.Args {
		if !ab.Role.HasValue() || ab.Param == nil {
			continue
		}
		var n syntax.Node = els[j]
		if cp, ok := n.(*syntax.CommandParameter); ok {
			if cp.Argument == nil {
				continue
			}
			n = cp.Argument
		}
		out[strings.ToLower(ab.Param.Name)] = n
	}
	return out
}

// literalNames reads the property names a value gives literally: a name,
// a comma list of names, a hashtable's Name/Label (n, l) entry. ok is
// false for anything else (a variable, a script block, …).
func literalNames(n syntax.Node) (names []string, ok bool) {
	switch x := n.(type) {
	case nil:
		return nil, false
	case *syntax.StringConstant:
		return []string{x.Value}, true
	case *syntax.ArrayLiteral:
		for _, e := range x.Elements {
			more, ok := literalNames(e)
			if !ok {
				return nil, false
			}
			names = append(names, more...)
		}
		return names, true
	case *syntax.HashtableExpr:
		for _, kv := range x.Pairs {
			k, ok := kv.Key.(*syntax.StringConstant)
			if !ok || !hashNameKey(k.Value) {
				continue
			}
			if pl, ok := kv.Value.(*syntax.Pipeline); ok && len(pl.Elements) == 1 {
				if ce, ok := pl.Elements[0].(*syntax.CommandExpr); ok {
					if s, ok := ce.Expr.(*syntax.StringConstant); ok {
						return []string{s.Value}, true
					}
				}
			}
		}
	}
	return nil, false
}

// hashNameKey reports a calculated property's name key: Name or Label,
// or an unambiguous prefix of one (n, na, l, la, …).
func hashNameKey(k string) bool {
	k = strings.ToLower(k)
	return k != "" && (strings.HasPrefix("name", k) || strings.HasPrefix("label", k))
}

// singleName is the one literal name a value gives.
func singleName(n syntax.Node) (string, bool) {
	names, ok := literalNames(n)
	if !ok || len(names) != 1 {
		return "", false
	}
	return names[0], true
}

// memberOf is the value of a property of a sample, nil when unknown.
func memberOf(v any, name string) any {
	if v == nil {
		return nil
	}
	m, ok := engine.GetMember(v, name)
	if !ok {
		return nil
	}
	return m
}

// typeNameOf is a sample's type name, for a narrowed object's.
func typeNameOf(v any) string {
	if o, ok := v.(*value.Object); ok && o != nil && len(o.TypeNames) > 0 {
		return o.TypeNames[0]
	}
	if t := valueType(v); len(t) > 2 {
		return t[1 : len(t)-1]
	}
	return "System.Object"
}
