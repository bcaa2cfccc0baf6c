package complete

import (
	"github.com/csshell/csshell/engine/syntax"
)

// frame is one bracket level while reading the tokens before the cursor:
// the statement being read starts at stmt.
type frame struct {
	open syntax.TokenKind // the opening bracket; TokEOF for the top level
	stmt int              // index of the first token of the current statement
	// assigned: the statement follows '=' (a hashtable value, or the
	// pipeline on the right of an assignment).
	assigned bool
	call     bool // the statement began with the call operator & or .
}

// command is the innermost command around the cursor, as far as the
// tokens tell.
type command struct {
	// atName: the cursor word is the command name itself.
	atName bool
	// name is the command name token (nil when atName or not a command).
	name *syntax.Token
	// args are the tokens of the command's arguments, the cursor word
	// included, up to the end of the command (tokens after the cursor
	// count: a parameter given there is already given).
	first, end int // toks[first:end]
}

// isCommand reports whether the cursor is in a command (at its name or
// among its arguments) rather than in an expression.
func (c command) isCommand() bool { return c.atName || c.name != nil }

// resetsStatement are the operators after which a new pipeline starts.
var resetsStatement = map[string]bool{"&&": true, "||": true}

// assignOps start a pipeline on their right.
var assignOps = map[string]bool{"=": true, "+=": true, "-=": true, "*=": true, "/=": true, "%=": true, "??=": true}

// commandKeywords precede a pipeline in the same statement.
var commandKeywords = map[string]bool{"return": true, "throw": true}

// findCommand reads toks[:w.limit] and describes the command the cursor
// word belongs to.
func findCommand(toks []syntax.Token, w word) command {
	stack := []frame{{open: syntax.TokEOF}}
	for i := 0; i < w.limit; i++ {
		t := toks[i]
		top := &stack[len(stack)-1]
		switch t.Kind {
		case syntax.TokNewLine, syntax.TokSemi, syntax.TokPipe:
			top.stmt, top.assigned, top.call = i+1, false, false
		case syntax.TokOperator:
			switch {
			case resetsStatement[t.Value]:
				top.stmt, top.assigned, top.call = i+1, false, false
			case assignOps[t.Value]:
				top.stmt, top.assigned, top.call = i+1, true, false
			case (t.Value == "&" || t.Value == ".") && firstSignificant(toks, top.stmt, i) < 0:
				top.stmt, top.call = i+1, true
			}
		case syntax.TokKeyword:
			if commandKeywords[t.Value] && firstSignificant(toks, top.stmt, i) < 0 {
				top.stmt = i + 1
			}
		case syntax.TokLCurly, syntax.TokLParen, syntax.TokDollarParen, syntax.TokAtParen,
			syntax.TokAtCurly, syntax.TokLBracket:
			stack = append(stack, frame{open: t.Kind, stmt: i + 1})
		case syntax.TokRCurly, syntax.TokRParen, syntax.TokRBracket:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	top := stack[len(stack)-1]
	if top.open == syntax.TokLBracket || (top.open == syntax.TokAtCurly && !top.assigned) {
		return command{} // an index, a type name or a hashtable key
	}
	f := firstSignificant(toks, top.stmt, w.limit)
	end := commandEnd(toks, w.limit)
	if f < 0 {
		return command{atName: true, first: w.limit, end: end}
	}
	t := toks[f]
	isName := t.Kind == syntax.TokGeneric ||
		(top.call && (t.Kind == syntax.TokStringLiteral || t.Kind == syntax.TokStringExpandable))
	if !isName {
		return command{}
	}
	return command{name: &toks[f], first: f + 1, end: end}
}

// firstSignificant is the index of the first token of toks[from:to] that
// is not a comment or line continuation, or -1.
func firstSignificant(toks []syntax.Token, from, to int) int {
	for i := from; i < to && i < len(toks); i++ {
		switch toks[i].Kind {
		case syntax.TokComment, syntax.TokLineContinuation:
			continue
		}
		return i
	}
	return -1
}

// commandEnd is the index just after the last token of the command that
// continues at from: it stops at '|', ';', a newline, '&&' or '||' at the
// command's own level, at the bracket that closes it, or at the end.
func commandEnd(toks []syntax.Token, from int) int {
	depth := 0
	for i := from; i < len(toks); i++ {
		t := toks[i]
		switch t.Kind {
		case syntax.TokEOF:
			return i
		case syntax.TokLCurly, syntax.TokLParen, syntax.TokDollarParen, syntax.TokAtParen,
			syntax.TokAtCurly, syntax.TokLBracket:
			depth++
		case syntax.TokRCurly, syntax.TokRParen, syntax.TokRBracket:
			if depth == 0 {
				return i
			}
			depth--
		case syntax.TokNewLine, syntax.TokSemi, syntax.TokPipe:
			if depth == 0 {
				return i
			}
		case syntax.TokOperator:
			if depth == 0 && resetsStatement[t.Value] {
				return i
			}
		}
	}
	return len(toks)
}
