package syntax

import "reflect"

// Inspect walks the tree rooted at n in source order, depth first: it calls
// f(node) and, when f returns true, walks the node's children. Absent
// children (nil, or a nil pointer in an interface) are skipped, so a tree
// built from invalid input can be walked as well.
func Inspect(n Node, f func(Node) bool) {
	if absent(n) || !f(n) {
		return
	}
	for _, c := range children(n) {
		Inspect(c, f)
	}
}

// absent reports a missing child: nil, or a typed nil pointer.
func absent(n Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// children lists a node's direct children in source order.
func children(n Node) []Node {
	var out []Node
	add := func(ns ...Node) { out = append(out, ns...) }
	switch v := n.(type) {
	case *ScriptBlock:
		for _, a := range v.Attributes {
			add(a)
		}
		add(v.Params, v.Begin, v.Process, v.End)
	case *StatementBlock:
		// Traps are kept apart from the statements; merge them back in
		// source order.
		ts := v.Traps
		for _, s := range v.Statements {
			for len(ts) > 0 && !absent(s) && ts[0].Start < s.Ext().Start {
				add(ts[0])
				ts = ts[1:]
			}
			add(s)
		}
		for _, t := range ts {
			add(t)
		}
	case *ParamBlock:
		for _, a := range v.Attributes {
			add(a)
		}
		for _, p := range v.Params {
			add(p)
		}
	case *Parameter:
		for _, a := range v.Attributes {
			add(a)
		}
		for _, t := range v.Types {
			add(t)
		}
		add(v.Default)
	case *Attribute:
		for _, e := range v.Positional {
			add(e)
		}
		for _, na := range v.Named {
			add(na)
		}
	case *NamedArgument:
		add(v.Value)
	case *Pipeline:
		for _, e := range v.Elements {
			add(e)
		}
	case *PipelineChain:
		add(v.Left, v.Right)
	case *Command:
		for _, e := range v.Elements {
			add(e)
		}
		for _, r := range v.Redirections {
			add(r)
		}
	case *CommandParameter:
		add(v.Argument)
	case *CommandExpr:
		add(v.Expr)
		for _, r := range v.Redirections {
			add(r)
		}
	case *Redirection:
		add(v.Target)
	case *AssignmentStmt:
		add(v.Left, v.Right)
	case *IfStmt:
		for _, c := range v.Clauses {
			add(c)
		}
		add(v.Else)
	case *IfClause:
		add(v.Cond, v.Body)
	case *ForEachStmt:
		add(v.Variable, v.Collection, v.Body)
	case *ForStmt:
		add(v.Init, v.Cond, v.Iter, v.Body)
	case *WhileStmt:
		add(v.Cond, v.Body)
	case *DoStmt:
		add(v.Body, v.Cond)
	case *SwitchStmt:
		add(v.Cond)
		for _, c := range v.Clauses {
			add(c)
		}
		add(v.Default)
	case *SwitchClause:
		add(v.Pattern, v.Body)
	case *BreakStmt:
		add(v.Label)
	case *ContinueStmt:
		add(v.Label)
	case *ReturnStmt:
		add(v.Value)
	case *ExitStmt:
		add(v.Value)
	case *ThrowStmt:
		add(v.Value)
	case *TryStmt:
		add(v.Body)
		for _, c := range v.Catches {
			add(c)
		}
		add(v.Finally)
	case *CatchClause:
		for _, t := range v.Types {
			add(t)
		}
		add(v.Body)
	case *TrapStmt:
		add(v.Type, v.Body)
	case *FunctionDef:
		for _, p := range v.Params {
			add(p)
		}
		add(v.Body)
	case *BlockStmt:
		add(v.Body)
	case *BinaryExpr:
		add(v.Left, v.Right)
	case *UnaryExpr:
		add(v.Operand)
	case *TernaryExpr:
		add(v.Cond, v.Then, v.Else)
	case *ConvertExpr:
		add(v.Type, v.Operand)
	case *TypeExpr:
		add(v.Type)
	case *ExpandableString:
		for _, p := range v.Parts {
			add(p)
		}
	case *ArrayLiteral:
		for _, e := range v.Elements {
			add(e)
		}
	case *ArrayExpr:
		add(v.Body)
	case *SubExpr:
		add(v.Body)
	case *ParenExpr:
		add(v.Inner)
	case *HashtableExpr:
		for _, kv := range v.Pairs {
			add(kv)
		}
	case *KeyValue:
		add(v.Key, v.Value)
	case *ScriptBlockExpr:
		add(v.Body)
	case *MemberExpr:
		add(v.Target, v.Member)
	case *InvokeMemberExpr:
		add(v.Target, v.Member)
		for _, a := range v.Args {
			add(a)
		}
	case *IndexExpr:
		add(v.Target, v.Index)
	}
	return out
}
