package syntax

import (
	"fmt"
	"strconv"
	"strings"
)

// Dump renders a syntax tree as a compact S-expression, for tests and
// debugging. Strings are shown as b"x" (bareword), s"x" (single-quoted),
// d"x" (double-quoted), hs"x" and hd"x" (here-strings); numbers as 5
// (int32), 5L (int64), 1.5F (float64) and 1.5M (decimal).
func Dump(n Node) string {
	var d dumper
	d.node(n)
	return d.sb.String()
}

type dumper struct{ sb strings.Builder }

func (d *dumper) w(s string) { d.sb.WriteString(s) }

func (d *dumper) list(head string, items ...Node) {
	d.w("(" + head)
	for _, it := range items {
		d.w(" ")
		d.node(it)
	}
	d.w(")")
}

func (d *dumper) stmts(head string, b *StatementBlock) {
	d.w("(" + head)
	if b != nil {
		for _, s := range b.Statements {
			d.w(" ")
			d.node(s)
		}
		for _, t := range b.Traps {
			d.w(" ")
			d.node(t)
		}
	}
	d.w(")")
}

func isNil(n Node) bool {
	if n == nil {
		return true
	}
	switch v := n.(type) {
	case *StatementBlock:
		return v == nil
	case *ScriptBlock:
		return v == nil
	case *TypeName:
		return v == nil
	case *VariableExpr:
		return v == nil
	case *Pipeline:
		return v == nil
	}
	return false
}

func (d *dumper) node(n Node) {
	if isNil(n) {
		d.w("nil")
		return
	}
	switch v := n.(type) {
	case *ScriptBlock:
		d.w("(sb")
		for _, a := range v.Attributes {
			d.w(" ")
			d.node(a)
		}
		if v.Params != nil {
			d.w(" ")
			d.node(v.Params)
		}
		if v.Named {
			if v.Begin != nil {
				d.w(" ")
				d.stmts("begin", v.Begin)
			}
			if v.Process != nil {
				d.w(" ")
				d.stmts("process", v.Process)
			}
			if v.End != nil {
				d.w(" ")
				d.stmts("end", v.End)
			}
		} else if v.End != nil {
			for _, s := range v.End.Statements {
				d.w(" ")
				d.node(s)
			}
			for _, t := range v.End.Traps {
				d.w(" ")
				d.node(t)
			}
		}
		d.w(")")
	case *StatementBlock:
		d.stmts("block", v)
	case *ParamBlock:
		d.w("(paramblock")
		for _, p := range v.Params {
			d.w(" ")
			d.node(p)
		}
		d.w(")")
	case *Parameter:
		d.w("(p $" + v.Name)
		for _, a := range v.Attributes {
			d.w(" ")
			d.node(a)
		}
		for _, t := range v.Types {
			d.w(" [" + t.Name + "]")
		}
		if v.Default != nil {
			d.w(" = ")
			d.node(v.Default)
		}
		d.w(")")
	case *Attribute:
		d.w("(attr " + v.Name)
		for _, a := range v.Positional {
			d.w(" ")
			d.node(a)
		}
		for _, na := range v.Named {
			d.w(" " + na.Name)
			if na.Value != nil {
				d.w("=")
				d.node(na.Value)
			}
		}
		d.w(")")
	case *TypeName:
		d.w("[" + v.Name + "]")
	case *Pipeline:
		d.w("(pipe")
		for _, e := range v.Elements {
			d.w(" ")
			d.node(e)
		}
		if v.Background {
			d.w(" &")
		}
		d.w(")")
	case *PipelineChain:
		d.list(v.Op, v.Left, v.Right)
	case *Command:
		d.w("(cmd")
		if v.InvocationOp != "" {
			d.w(" " + v.InvocationOp)
		}
		for _, e := range v.Elements {
			d.w(" ")
			d.node(e)
		}
		for _, r := range v.Redirections {
			d.w(" ")
			d.node(r)
		}
		d.w(")")
	case *CommandParameter:
		d.w("(param " + v.Name)
		if v.Colon {
			d.w(":")
		}
		if v.Argument != nil {
			d.w(" ")
			d.node(v.Argument)
		}
		d.w(")")
	case *CommandExpr:
		if len(v.Redirections) == 0 {
			d.node(v.Expr)
			return
		}
		d.w("(expr ")
		d.node(v.Expr)
		for _, r := range v.Redirections {
			d.w(" ")
			d.node(r)
		}
		d.w(")")
	case *Redirection:
		s := v.Stream
		if s == "1" {
			s = ""
		}
		if v.ToStream != "" {
			d.w("(redir " + s + ">&" + v.ToStream + ")")
			return
		}
		op := ">"
		if v.Append {
			op = ">>"
		}
		d.w("(redir " + s + op + " ")
		d.node(v.Target)
		d.w(")")
	case *AssignmentStmt:
		d.list(v.Op, v.Left, v.Right)
	case *IfStmt:
		d.w("(if")
		for _, c := range v.Clauses {
			d.w(" ")
			d.list("clause", c.Cond, c.Body)
		}
		if v.Else != nil {
			d.w(" ")
			d.stmts("else", v.Else)
		}
		d.w(")")
	case *ForEachStmt:
		d.w("(foreach" + label(v.Label) + " ")
		d.node(v.Variable)
		d.w(" ")
		d.node(v.Collection)
		d.w(" ")
		d.node(v.Body)
		d.w(")")
	case *ForStmt:
		d.w("(for" + label(v.Label))
		for _, s := range []Node{v.Init, v.Cond, v.Iter, v.Body} {
			d.w(" ")
			d.node(s)
		}
		d.w(")")
	case *WhileStmt:
		d.w("(while" + label(v.Label) + " ")
		d.node(v.Cond)
		d.w(" ")
		d.node(v.Body)
		d.w(")")
	case *DoStmt:
		kw := "while"
		if v.Until {
			kw = "until"
		}
		d.w("(do" + label(v.Label) + " ")
		d.node(v.Body)
		d.w(" " + kw + " ")
		d.node(v.Cond)
		d.w(")")
	case *SwitchStmt:
		d.w("(switch" + label(v.Label))
		for _, f := range []struct {
			on   bool
			name string
		}{{v.Regex, "-regex"}, {v.Wildcard, "-wildcard"}, {v.Exact, "-exact"}, {v.CaseSensitive, "-casesensitive"}, {v.File, "-file"}} {
			if f.on {
				d.w(" " + f.name)
			}
		}
		d.w(" ")
		d.node(v.Cond)
		for _, c := range v.Clauses {
			d.w(" ")
			d.list("case", c.Pattern, c.Body)
		}
		if v.Default != nil {
			d.w(" ")
			d.stmts("default", v.Default)
		}
		d.w(")")
	case *BreakStmt:
		d.flow("break", v.Label)
	case *ContinueStmt:
		d.flow("continue", v.Label)
	case *ReturnStmt:
		d.flow("return", v.Value)
	case *ExitStmt:
		d.flow("exit", v.Value)
	case *ThrowStmt:
		d.flow("throw", v.Value)
	case *TryStmt:
		d.w("(try ")
		d.node(v.Body)
		for _, c := range v.Catches {
			d.w(" (catch")
			for _, t := range c.Types {
				d.w(" [" + t.Name + "]")
			}
			d.w(" ")
			d.node(c.Body)
			d.w(")")
		}
		if v.Finally != nil {
			d.w(" ")
			d.stmts("finally", v.Finally)
		}
		d.w(")")
	case *TrapStmt:
		d.w("(trap")
		if v.Type != nil {
			d.w(" [" + v.Type.Name + "]")
		}
		d.w(" ")
		d.node(v.Body)
		d.w(")")
	case *FunctionDef:
		kw := "function"
		if v.IsFilter {
			kw = "filter"
		}
		d.w("(" + kw + " " + v.Name)
		if len(v.Params) > 0 {
			d.w(" (params")
			for _, p := range v.Params {
				d.w(" ")
				d.node(p)
			}
			d.w(")")
		}
		d.w(" ")
		d.node(v.Body)
		d.w(")")
	case *BlockStmt:
		if v.Data {
			d.w("(data " + v.Name + " ")
			d.node(v.Body)
			d.w(")")
			return
		}
		d.node(v.Body)
	case *BinaryExpr:
		d.list(v.Op, v.Left, v.Right)
	case *UnaryExpr:
		if v.Postfix {
			d.w("(post" + v.Op + " ")
			d.node(v.Operand)
			d.w(")")
			return
		}
		d.list(v.Op, v.Operand)
	case *TernaryExpr:
		d.list("?", v.Cond, v.Then, v.Else)
	case *ConvertExpr:
		d.w("(cast [" + v.Type.Name + "] ")
		d.node(v.Operand)
		d.w(")")
	case *TypeExpr:
		d.w("[" + v.Type.Name + "]")
	case *NumberExpr:
		d.w(numString(v.Value))
	case *StringConstant:
		d.w(quotePrefix(v.Quote) + strconv.Quote(v.Value))
	case *ExpandableString:
		d.w("(expand " + strings.TrimSuffix(quotePrefix(v.Quote), "\""))
		for _, p := range v.Parts {
			d.w(" ")
			d.node(p)
		}
		d.w(")")
	case *VariableExpr:
		if v.Splatted {
			d.w("@" + v.Name)
		} else {
			d.w("$" + v.Name)
		}
	case *ArrayLiteral:
		d.w("(array")
		for _, e := range v.Elements {
			d.w(" ")
			d.node(e)
		}
		d.w(")")
	case *ArrayExpr:
		d.stmts("@", v.Body)
	case *SubExpr:
		d.stmts("$", v.Body)
	case *ParenExpr:
		d.list("paren", v.Inner)
	case *HashtableExpr:
		d.w("(hash")
		for _, kv := range v.Pairs {
			d.w(" ")
			d.list("kv", kv.Key, kv.Value)
		}
		d.w(")")
	case *ScriptBlockExpr:
		d.node(v.Body)
	case *MemberExpr:
		d.list(memberOp(v.Static, v.NullConditional), v.Target, v.Member)
	case *InvokeMemberExpr:
		d.w("(call" + memberOp(v.Static, v.NullConditional) + " ")
		d.node(v.Target)
		d.w(" ")
		d.node(v.Member)
		for _, a := range v.Args {
			d.w(" ")
			d.node(a)
		}
		d.w(")")
	case *IndexExpr:
		h := "index"
		if v.NullConditional {
			h = "?index"
		}
		d.list(h, v.Target, v.Index)
	default:
		d.w(fmt.Sprintf("(?%T)", n))
	}
}

func (d *dumper) flow(kw string, n Node) {
	if isNil(n) {
		d.w("(" + kw + ")")
		return
	}
	d.list(kw, n)
}

func label(l string) string {
	if l == "" {
		return ""
	}
	return " :" + l
}

func memberOp(static, nullCond bool) string {
	switch {
	case static:
		return "::"
	case nullCond:
		return "?."
	}
	return "."
}

func quotePrefix(q QuoteKind) string {
	switch q {
	case Bare:
		return "b"
	case SingleQuoted:
		return "s"
	case DoubleQuoted:
		return "d"
	case HereSingle:
		return "hs"
	case HereDouble:
		return "hd"
	}
	return "?"
}

func numString(v any) string {
	switch x := v.(type) {
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int64:
		return strconv.FormatInt(x, 10) + "L"
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64) + "F"
	case DecimalLiteral:
		return string(x) + "M"
	}
	return fmt.Sprintf("%v?", v)
}
