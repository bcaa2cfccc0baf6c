package syntax

import (
	"sort"
	"strings"
)

// DashOperators lists the operators written with a dash ("-eq", "-ieq",
// "-ceq", "-join", "-not", "-f" …), sorted, as the lexer knows them: tab
// completion offers them after '-' in an expression.
func DashOperators() []string {
	out := make([]string, 0, len(dashOps))
	for name := range dashOps {
		out = append(out, "-"+name)
	}
	sort.Strings(out)
	return out
}

// Binary operator precedences, as in PowerShell's TokenFlags.
const (
	precLogical    = 1
	precBitwise    = 2
	precComparison = 5
	precCoalesce   = 7
	precAdd        = 9
	precMultiply   = 10
	precFormat     = 12
	precRange      = 13
)

// dashOps maps the names of dash operators (without the dash) to their
// binary precedence; 0 means unary only.
var dashOps = map[string]int{
	"and": precLogical, "or": precLogical, "xor": precLogical,
	"band": precBitwise, "bor": precBitwise, "bxor": precBitwise,
	"not": 0, "bnot": 0,
	"f":  precFormat,
	"is": precComparison, "isnot": precComparison, "as": precComparison,
	"join": precComparison, "shl": precComparison, "shr": precComparison,
}

// dashOpText maps the names of dash operators (lower case, without the
// dash) to their canonical text, "eq" to "-eq".
var dashOpText = map[string]string{}

func init() {
	for _, base := range []string{"eq", "ne", "gt", "ge", "lt", "le", "like", "notlike",
		"match", "notmatch", "contains", "notcontains", "in", "notin", "replace", "split"} {
		dashOps[base] = precComparison
		dashOps["i"+base] = precComparison
		dashOps["c"+base] = precComparison
	}
	for name := range dashOps {
		dashOpText[name] = "-" + name
	}
}

// dashOpOf returns the canonical text ("-eq") of the dash operator whose
// name (ASCII letters, any case, without the dash) is name.
func dashOpOf(name string) (string, bool) {
	var buf [16]byte
	if len(name) > len(buf) {
		return "", false
	}
	op, ok := dashOpText[string(asciiLower(buf[:0], name))]
	return op, ok
}

// asciiLower appends s to buf with ASCII letters in lower case.
func asciiLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// keywordText maps each keyword to itself, so that a word can be looked
// up in lower case without a string of its own (keywordAt).
var keywordText = map[string]string{}

func init() {
	for kw := range keywords {
		keywordText[kw] = kw
	}
}

// unaryDashOps are the dash operators that can be prefix operators.
var unaryDashOps = map[string]bool{"-not": true, "-bnot": true, "-split": true, "-isplit": true, "-csplit": true, "-join": true}

// binaryPrec returns the precedence of a binary operator token, or 0.
func binaryPrec(t *tok) int {
	if t.Kind != TokOperator {
		return 0
	}
	switch t.Value {
	case "+", "-":
		return precAdd
	case "*", "/", "%":
		return precMultiply
	case "..":
		return precRange
	case "??":
		return precCoalesce
	}
	if strings.HasPrefix(t.Value, "-") {
		return dashOps[t.Value[1:]]
	}
	return 0
}

var assignOps = map[string]bool{"=": true, "+=": true, "-=": true, "*=": true, "/=": true, "%=": true, "??=": true}

// keywords are PowerShell's reserved words, lower case.
var keywords = map[string]bool{
	"if": true, "elseif": true, "else": true, "foreach": true, "for": true, "while": true,
	"do": true, "until": true, "switch": true, "break": true, "continue": true,
	"return": true, "exit": true, "throw": true, "try": true, "catch": true,
	"finally": true, "trap": true, "function": true, "filter": true, "workflow": true,
	"param": true, "begin": true, "process": true, "end": true, "dynamicparam": true,
	"clean": true, "class": true, "enum": true, "data": true, "in": true,
	"from": true, "define": true, "var": true, "using": true,
}
