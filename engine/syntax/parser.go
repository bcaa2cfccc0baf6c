package syntax

import (
	"fmt"
	"sort"
	"strings"
)

// maxDepth caps the nesting of blocks and expressions so that hostile
// input cannot exhaust the stack.
const maxDepth = 1000

// parser holds the state of one parse. The lexer is part of it: tokens are
// scanned on demand at the current position in the mode the parser asks
// for, which is how PowerShell's expression and argument modes work.
type parser struct {
	src      *Source
	text     string
	pos      int
	errs     []*Error
	depth    int
	peak     int // the greatest depth reached, for scanAt
	dead     bool
	comments []comment
	seenCmt  map[int]bool
	memo     tokMemo
	record   bool
	toks     map[int]Token
	funcs    []*FunctionDef
	deadErr  *Error // set when the nesting limit was hit
	// namespaces are the names of the script's "using namespace"
	// statements, given to every TypeName parsed after them.
	namespaces []string
	flow       []flowScope // innermost last; see parser_stmt.go
}

func newParser(src *Source) *parser {
	return &parser{
		src:     src,
		text:    src.Text,
		seenCmt: map[int]bool{},
		memo:    tokMemo{hint: len(src.Text)},
	}
}

// faultHook, when set (by tests), runs before each parse: a test makes it
// panic to check Parse's recovery.
var faultHook func(text string)

// Parse parses a whole script. When the text is not valid it returns the
// tree built so far (never nil) and an ErrorList holding every error found,
// sorted by position.
//
// A fault inside the parser (a bug, never valid behaviour) is returned as
// one ParserFault error at the start of the text, with an empty tree, so
// no input can crash the shell that parses it.
func Parse(src *Source) (sb *ScriptBlock, err error) {
	if src == nil {
		src = &Source{}
	}
	defer func() {
		if r := recover(); r != nil {
			sb = &ScriptBlock{}
			err = ErrorList{{Source: src, ID: "ParserFault",
				Msg: fmt.Sprintf("csshell internal error while parsing: %v", r)}}
		}
	}()
	p := newParser(src)
	if faultHook != nil {
		faultHook(src.Text)
	}
	sb = p.parseRoot()
	if errs := p.errorList(); len(errs) > 0 {
		return sb, errs
	}
	return sb, nil
}

func (p *parser) parseRoot() *ScriptBlock {
	usings := p.parseUsings()
	sb := p.parseScriptBody(p.pos, 0)
	sb.Usings = usings
	sb.Extent.Start = 0
	sb.Extent = Extent{0, len(p.text)}
	p.finishComments(sb)
	return sb
}

// errorList sorts and de-duplicates the errors.
func (p *parser) errorList() ErrorList {
	if p.deadErr != nil {
		p.errs = append(p.errs, p.deadErr)
		p.deadErr = nil
	}
	if len(p.errs) == 0 {
		return nil
	}
	sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Extent.Start < p.errs[j].Extent.Start })
	type key struct {
		pos int
		id  string
	}
	seen := map[key]bool{}
	var out ErrorList
	for _, e := range p.errs {
		k := key{e.Extent.Start, e.ID}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return out
}

func (p *parser) newError(start, end int, id, msg string, incomplete bool) *Error {
	if end < start {
		end = start
	}
	return &Error{Source: p.src, Extent: Extent{start, end}, ID: id, Msg: msg, Incomplete: incomplete}
}

func (p *parser) errorAt(start, end int, id, msg string, incomplete bool) {
	p.errs = append(p.errs, p.newError(start, end, id, msg, incomplete))
}

// missing reports that something expected at the current position is
// absent; the error is Incomplete when only the end of input is there.
func (p *parser) missing(id, msg string) {
	at := p.pos
	for at > 0 && strings.IndexByte(" \t\r\n", p.text[at-1]) >= 0 {
		at--
	}
	p.ws()
	// pwsh reports what is missing just after the last token read, not at
	// the next token or the end of the text.
	p.errorAt(at, at, id, msg, p.atEOF())
}

// captureErrors runs f and returns the errors it reported instead of
// keeping them.
func (p *parser) captureErrors(f func()) []*Error {
	saved := p.errs
	p.errs = nil
	f()
	got := p.errs
	p.errs = saved
	return got
}

// enter increases the nesting depth; it returns false (after reporting
// once and stopping the parse) when the input is nested too deeply.
func (p *parser) enter() bool {
	p.depth++
	p.peak = max(p.peak, p.depth)
	if p.depth > maxDepth {
		if !p.dead {
			p.deadErr = p.newError(p.pos, p.pos, "ScriptTooComplicated", "The script is nested too deeply to be parsed.", false)
		}
		p.dead = true
		p.pos = len(p.text)
		return false
	}
	return true
}

func (p *parser) leave() { p.depth-- }

func (p *parser) unexpected(t *tok) {
	if t.Kind == TokUnknown && len(t.errs) > 0 {
		return // the token already carries its own error
	}
	text := t.Text
	if t.Kind == TokNewLine {
		text = "newline"
	}
	p.errorAt(t.Extent.Start, t.Extent.End, "UnexpectedToken", "Unexpected token '"+text+"' in expression or statement.", false)
}

// ---------------------------------------------------------------------------
// Script blocks

// parseScriptBody parses the inside of a script block: attributes, a
// param() block, then named blocks or statements, up to closer ('}' or 0
// for the end of input). It does not consume the closer.
func (p *parser) parseScriptBody(start int, closer byte) *ScriptBlock {
	sb := &ScriptBlock{Source: p.src}
	sb.Extent.Start = start
	p.flow = append(p.flow, flowScope{})
	defer func() { p.flow = p.flow[:len(p.flow)-1] }()
	p.skipNLSemi()
	save, saveErrs := p.pos, len(p.errs)
	attrs := p.parseAttributeList()
	p.skipNL()
	w := p.keywordAt(p.pos)
	if w == "param" && p.followedByParen(p.pos+5) {
		sb.Attributes = attrs
		sb.Params = p.parseParamBlock(attrs)
	} else if len(attrs) > 0 && (p.atEOF() || w == "param" && p.restBlankFrom(p.pos+5)) {
		// [CmdletBinding()] with the param block still to come.
		p.errorAt(attrs[0].Start, attrs[0].End, "UnexpectedAttribute", "Unexpected attribute '"+attrs[0].Name+"'.", true)
		p.pos = len(p.text)
		sb.End = &StatementBlock{Extent: Extent{p.pos, p.pos}}
		sb.Extent.End = p.pos
		return sb
	} else {
		p.pos = save
		p.errs = p.errs[:saveErrs]
	}
	p.skipNLSemi()
	// As in pwsh, a body that starts with begin, process, end, clean or
	// dynamicparam is made of named blocks, each needing its { }.
	if name := p.keywordAt(p.pos); isBlockName(name) {
		sb.Named = true
		for !p.dead {
			p.skipNLSemi()
			name := p.keywordAt(p.pos)
			if !isBlockName(name) {
				t := p.peek(modeExpr)
				if t.Kind == TokEOF || (closer != 0 && t.Kind == TokRCurly) {
					break
				}
				p.errorAt(t.Extent.Start, t.Extent.End, "MissingNamedBlocks",
					"unexpected token '"+t.Text+"', expected 'begin', 'process', 'end', or 'dynamicparam'.", false)
				p.recoverToCloser(closer)
				break
			}
			kwStart := p.pos
			p.pos += len(name)
			p.recordRaw(TokKeyword, kwStart, p.pos)
			p.skipNL()
			if p.byteAt(p.pos) != '{' {
				p.missing("MissingNamedStatementBlock", "Missing statement block after '"+name+"'.")
				continue
			}
			block := p.parseBlock()
			switch name {
			case "begin":
				sb.Begin = block
			case "process":
				sb.Process = block
			case "end":
				sb.End = block
			case "clean":
				sb.Clean = block
			default: // dynamicparam is parsed but not kept
			}
		}
	} else {
		sb.End = p.parseStatementList(closer)
	}
	sb.Extent.End = p.pos
	return sb
}

// endsWithBlock reports compound statements (if, loops, switch, try,
// trap, function, data), which need no separator before the next
// statement.
func endsWithBlock(st Statement) bool {
	switch st.(type) {
	case *IfStmt, *ForEachStmt, *ForStmt, *WhileStmt, *DoStmt, *SwitchStmt, *TryStmt, *TrapStmt, *FunctionDef, *BlockStmt:
		return true
	}
	return false
}

func isBlockName(s string) bool {
	return s == "begin" || s == "process" || s == "end" || s == "dynamicparam" || s == "clean"
}

// blockFollows reports whether only blanks/newlines separate i from '{'.
func (p *parser) blockFollows(i int) bool {
	save := p.pos
	rec := p.record
	p.record = false
	p.pos = i
	p.skipNL()
	ok := p.byteAt(p.pos) == '{'
	p.pos = save
	p.record = rec
	return ok
}

// followedByParen reports whether only blanks/newlines separate i from '('.
func (p *parser) followedByParen(i int) bool {
	save := p.pos
	rec := p.record
	p.record = false
	p.pos = i
	p.skipNL()
	ok := p.byteAt(p.pos) == '('
	p.pos = save
	p.record = rec
	return ok
}

// recoverToCloser skips tokens up to (not including) the closer.
func (p *parser) recoverToCloser(closer byte) {
	for !p.dead {
		p.skipNLSemi()
		t := p.peek(modeExpr)
		if t.Kind == TokEOF || closer != 0 && t.Text == string(closer) {
			return
		}
		p.take(t)
	}
}

// parseBlock parses { statements } at the current position (which must be
// '{') into a StatementBlock.
func (p *parser) parseBlock() *StatementBlock {
	open := p.pos
	p.recordRaw(TokLCurly, open, open+1)
	p.pos++
	if !p.enter() {
		return &StatementBlock{Extent: Extent{open, p.pos}}
	}
	defer p.leave()
	body := p.parseStatementList('}')
	p.closeCurly(open)
	body.Extent = Extent{open, p.pos}
	return body
}

// closeCurly consumes '}' or reports the missing brace opened at open.
func (p *parser) closeCurly(open int) {
	p.skipNLSemi()
	if p.byteAt(p.pos) == '}' {
		p.recordRaw(TokRCurly, p.pos, p.pos+1)
		p.pos++
		return
	}
	p.errorAt(open, open+1, "MissingEndCurlyBrace", "Missing closing '}' in statement block or type definition.", p.atEOF())
}

// parseScriptBlockExpr parses a { } literal at the current position.
func (p *parser) parseScriptBlockExpr() *ScriptBlockExpr {
	open := p.pos
	p.recordRaw(TokLCurly, open, open+1)
	p.pos++
	if !p.enter() {
		return &ScriptBlockExpr{Extent: Extent{open, p.pos}, Body: &ScriptBlock{Source: p.src, End: &StatementBlock{}}}
	}
	defer p.leave()
	sb := p.parseScriptBody(open, '}')
	p.closeCurly(open)
	sb.Extent = Extent{open, p.pos}
	return &ScriptBlockExpr{Extent: sb.Extent, Body: sb}
}

// plainStart reports whether a statement starts at the current position
// with a name or a variable: then the token there is neither the end nor
// a closer, and scanning it (which has no other effect) can wait for the
// statement's parser.
func (p *parser) plainStart() bool {
	c := p.byteAt(p.pos)
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$'
}

// parseStatementList parses statements up to closer ('}', ')' or 0 for
// end of input) without consuming it.
func (p *parser) parseStatementList(closer byte) *StatementBlock {
	block := &StatementBlock{Extent: Extent{p.pos, p.pos}}
	for !p.dead {
		p.skipNLSemi()
		if !p.plainStart() {
			t := p.peek(modeExpr)
			if t.Kind == TokEOF {
				break
			}
			if closer != 0 && t.Text == string(closer) {
				break
			}
			if t.Kind == TokRCurly || t.Kind == TokRParen {
				p.unexpected(t)
				p.take(t)
				continue
			}
		}
		start := p.pos
		st := p.parseStatement()
		if st != nil {
			if tr, ok := st.(*TrapStmt); ok {
				block.Traps = append(block.Traps, tr)
			} else {
				block.Statements = append(block.Statements, st)
			}
		}
		// A pipeline or flow statement must be followed by a separator or
		// the closer; a statement ending in a block need not be, as in
		// pwsh: ". { trap {continue} 'hello' }", "function f {1} f".
		t := p.peek(modeExpr)
		switch {
		case t.Kind == TokEOF || t.Kind == TokNewLine || t.Kind == TokSemi:
		case closer != 0 && t.Text == string(closer):
		case endsWithBlock(st):
		default:
			if p.pos == start || st != nil {
				p.unexpected(t)
				p.take(t)
			}
		}
	}
	block.Extent.End = p.pos
	return block
}
