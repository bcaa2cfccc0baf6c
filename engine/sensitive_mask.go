package engine

import (
	"regexp"
	"sort"
	"strings"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/internal/secret"
)

// lineMasker finds the secrets of one command line: it parses the line
// (tolerantly: a tree is built even from invalid text), binds every
// command on it with binding.Partial and collects the extents to mask.
type lineMasker struct {
	text    string
	resolve func(name string) *maskTarget

	sb       *syntax.ScriptBlock
	parseErr bool
	cmds     []*syntax.Command
	prev     map[*syntax.Command]syntax.PipelineElement // the element piping into a command
	hashes   []*syntax.HashtableExpr
	assigns  []*syntax.AssignmentStmt
	invokes  []*syntax.InvokeMemberExpr
	funcs    []*syntax.FunctionDef
	targets  map[*syntax.Command]*maskTarget
	// secretParams are the secret parameters of the commands on the line,
	// which a hashtable literal's key may name.
	secretParams []*binding.ParamInfo
	// judged are, per resolved command, the extents of the -Names the
	// binder bound: whether their values are secret is the declaration's
	// verdict, not the spelling's.
	judged map[*syntax.Command][]syntax.Extent

	spans []syntax.Extent
}

func newLineMasker(text string, resolve func(string) *maskTarget) *lineMasker {
	return &lineMasker{text: text, resolve: resolve,
		prev: map[*syntax.Command]syntax.PipelineElement{}, targets: map[*syntax.Command]*maskTarget{},
		judged: map[*syntax.Command][]syntax.Extent{}}
}

// run masks the line and tells whether it may go to a history file.
func (m *lineMasker) run() (string, bool) {
	sb, err := syntax.Parse(&syntax.Source{Name: "<history>", Text: m.text})
	m.sb, m.parseErr = sb, err != nil
	m.collect()
	for _, c := range m.cmds {
		t := m.lineFunction(c)
		if t == nil {
			t = m.resolve(commandName(c))
		}
		if t != nil {
			m.targets[c] = t
			m.secretParams = append(m.secretParams, t.secretParams()...)
		}
	}
	for _, c := range m.cmds {
		if t := m.targets[c]; t != nil {
			m.bindCommand(c, t)
		} else {
			m.guessCommand(c)
		}
		m.plainTextCommand(c)
	}
	m.maskHashtables()
	m.maskAssignments()
	m.maskCredentialConstructors()
	toFile := !m.residue()
	return m.apply(), toFile
}

// collect lists the nodes masking looks at, in source order.
func (m *lineMasker) collect() {
	syntax.Inspect(m.sb, func(n syntax.Node) bool {
		switch v := n.(type) {
		case *syntax.Command:
			if len(v.Elements) > 0 {
				m.cmds = append(m.cmds, v)
			}
		case *syntax.Pipeline:
			for i := 1; i < len(v.Elements); i++ {
				if c, ok := v.Elements[i].(*syntax.Command); ok {
					m.prev[c] = v.Elements[i-1]
				}
			}
		case *syntax.HashtableExpr:
			m.hashes = append(m.hashes, v)
		case *syntax.AssignmentStmt:
			m.assigns = append(m.assigns, v)
		case *syntax.InvokeMemberExpr:
			m.invokes = append(m.invokes, v)
		case *syntax.FunctionDef:
			m.funcs = append(m.funcs, v)
		}
		return true
	})
}

// lineFunction is the function a command calls when the line defines it
// before the command (the session does not know it yet: the line is
// recorded before it runs).
func (m *lineMasker) lineFunction(c *syntax.Command) *maskTarget {
	name := commandName(c)
	var def *syntax.FunctionDef
	for _, d := range m.funcs {
		_, n := splitScope(d.Name)
		if d.Start < c.Start && strings.EqualFold(n, name) && d.Body != nil {
			def = d
		}
	}
	if def == nil {
		return nil
	}
	sb := newScriptBlock(def.Body, nil)
	if len(def.Params) > 0 {
		sb.setParams(def.Name, def.Params)
	}
	return &maskTarget{meta: sb.Meta(def.Name)}
}

// commandName is the name a command is invoked by, "" when it is not
// written as a constant (& $cmd).
func commandName(c *syntax.Command) string {
	if len(c.Elements) == 0 {
		return ""
	}
	if s, ok := c.Elements[0].(*syntax.StringConstant); ok {
		return s.Value
	}
	return ""
}

// lineArg is one argument given to the binder and the node holding its
// value (nil for a bare -Name).
type lineArg struct {
	arg   binding.Arg
	value syntax.Node
	elem  syntax.CommandElement // the command element it comes from
}

// commandArgs turns a command's elements into the binder's arguments as
// the engine does when it runs the command (evalArgs), without
// evaluating anything: literals keep their value, anything else is
// Unknown. A splatted variable assigned a hashtable or array literal on
// the line is expanded; any other splat is left out.
func (m *lineMasker) commandArgs(c *syntax.Command) []lineArg {
	var out []lineArg
	for _, el := range c.Elements[1:] {
		switch e := el.(type) {
		case *syntax.CommandParameter:
			a := StaticParamArg(e)
			var v syntax.Node
			if e.Argument != nil {
				v = e.Argument
			}
			out = append(out, lineArg{a, v, el})
		case *syntax.VariableExpr:
			if e.Splatted {
				out = append(out, m.splatArgs(e, c.Start)...)
				continue
			}
			out = append(out, lineArg{m.literalArg(e), e, el})
		case syntax.Expression:
			out = append(out, lineArg{m.literalArg(e), e, el})
		}
	}
	return out
}

// literalArg is a value argument as the binder sees it statically.
func (m *lineMasker) literalArg(e syntax.Expression) binding.Arg {
	return StaticArg(e, m.text[e.Ext().Start:e.Ext().End])
}

// splatArgs expands @name from the last assignment of a hashtable, an
// array or a scalar to $name before the command (at) on the line.
func (m *lineMasker) splatArgs(v *syntax.VariableExpr, at int) []lineArg {
	var lit syntax.Expression
	for _, a := range m.assigns {
		if a.Start >= at || a.Op != "=" {
			continue
		}
		if lv, ok := a.Left.(*syntax.VariableExpr); ok && strings.EqualFold(lv.Name, v.Name) {
			lit = statementExpr(a.Right)
		}
	}
	var out []lineArg
	switch e := unwrapConvert(lit).(type) {
	case *syntax.HashtableExpr:
		for _, kv := range e.Pairs {
			name := keyName(kv.Key)
			out = append(out, lineArg{binding.Arg{Name: name, IsParam: true, HasValue: true, Colon: true,
				Text: "-" + name, Splatted: true, Unknown: true}, kv.Value, v})
		}
	case *syntax.ArrayLiteral:
		for _, el := range e.Elements {
			a := m.literalArg(el)
			a.Splatted = true
			out = append(out, lineArg{a, el, v})
		}
	case nil:
	default:
		// A scalar splats as one positional value.
		a := m.literalArg(lit)
		a.Splatted = true
		out = append(out, lineArg{a, lit, v})
	}
	return out
}

// statementExpr is the expression a statement consists of (a pipeline of
// one expression), else nil.
func statementExpr(s syntax.Statement) syntax.Expression {
	p, ok := s.(*syntax.Pipeline)
	if !ok || len(p.Elements) != 1 {
		return nil
	}
	if ce, ok := p.Elements[0].(*syntax.CommandExpr); ok {
		return ce.Expr
	}
	return nil
}

// unwrapConvert strips casts and parentheses: [pscustomobject]@{…},
// [ordered]@{…}, (@{…}).
func unwrapConvert(e syntax.Expression) syntax.Expression {
	for {
		switch v := e.(type) {
		case *syntax.ConvertExpr:
			e = v.Operand
		case *syntax.ParenExpr:
			inner := statementExpr(v.Inner)
			if inner == nil {
				return e
			}
			e = inner
		default:
			return e
		}
	}
}

// keyName is a hashtable key written as a constant, "" otherwise.
func keyName(k syntax.Expression) string {
	switch v := k.(type) {
	case *syntax.StringConstant:
		return v.Value
	case *syntax.NumberExpr:
		return v.Raw
	}
	return ""
}

// bindCommand masks what the binder binds to a secret parameter of a
// command the session knows.
func (m *lineMasker) bindCommand(c *syntax.Command, t *maskTarget) {
	args := m.commandArgs(c)
	bargs := make([]binding.Arg, len(args))
	for i, a := range args {
		bargs[i] = a.arg
	}
	pb := binding.Partial(t.meta, bargs, -1)
	for i, ab := range pb.Args {
		a := args[i]
		switch {
		case ab.Role.HasValue() && t.secret(ab.Param):
			m.mask(a.value)
		case ab.Role == binding.ArgName || ab.Role == binding.ArgNameValue:
			if cp, ok := a.elem.(*syntax.CommandParameter); ok && !a.arg.Splatted {
				m.judged[c] = append(m.judged[c], syntax.Extent{Start: cp.Start, End: cp.Start + 1 + len(cp.Name)})
			}
		case a.arg.IsParam && m.namesSecret(t, a.arg.Name) && !(a.arg.Colon && flagWord(a.value)):
			// An unknown or ambiguous -Name that could mean a secret
			// parameter (or reads like one): its value was typed all the
			// same.
			if a.value != nil {
				m.mask(a.value)
			} else if i+1 < len(args) && !args[i+1].arg.IsParam {
				m.mask(args[i+1].value)
			}
		}
	}
	if p, ok := m.prev[c].(*syntax.CommandExpr); ok && takesSecretByValue(t) {
		m.mask(p.Expr)
	}
}

// namesSecret reports whether a -Name the binder could not bind may mean
// a secret parameter of t, or reads like a secret.
func (m *lineMasker) namesSecret(t *maskTarget, typed string) bool {
	for _, p := range t.secretParams() {
		if namesParam(p, typed) {
			return true
		}
	}
	return isSecretName(typed)
}

// takesSecretByValue reports whether a secret parameter of t takes
// pipeline input by value in some parameter set.
func takesSecretByValue(t *maskTarget) bool {
	for _, p := range t.secretParams() {
		for _, s := range p.Sets {
			if s.FromPipeline {
				return true
			}
		}
	}
	return false
}

// guessCommand masks, for a command the session does not know, the
// value of every -Name that reads like a secret.
func (m *lineMasker) guessCommand(c *syntax.Command) {
	els := c.Elements
	for i := 1; i < len(els); i++ {
		cp, ok := els[i].(*syntax.CommandParameter)
		if !ok || !isSecretName(cp.Name) {
			continue
		}
		if cp.Argument != nil {
			if flagWord(cp.Argument) {
				continue
			}
			m.mask(cp.Argument)
		} else if v, ok := nextValue(els, i); ok {
			m.mask(v)
		}
	}
}

// nextValue is the element after els[i] when it is a value.
func nextValue(els []syntax.CommandElement, i int) (syntax.Expression, bool) {
	if i+1 >= len(els) {
		return nil, false
	}
	e, ok := els[i+1].(syntax.Expression)
	return e, ok
}

// plainTextCommand masks every value typed in clear for a command given
// -AsPlainText (ConvertTo-SecureString 'x' -AsPlainText -Force): its
// arguments and the literal piped into it are the secret to convert.
func (m *lineMasker) plainTextCommand(c *syntax.Command) {
	plain := false
	for _, el := range c.Elements[1:] {
		if cp, ok := el.(*syntax.CommandParameter); ok && len(cp.Name) >= 3 && hasPrefixFold("AsPlainText", cp.Name) {
			plain = true
		}
	}
	if !plain {
		return
	}
	for _, el := range c.Elements[1:] {
		if cp, ok := el.(*syntax.CommandParameter); ok {
			if cp.Argument != nil {
				m.mask(cp.Argument)
			}
			continue
		}
		m.mask(el)
	}
	if p, ok := m.prev[c].(*syntax.CommandExpr); ok {
		m.mask(p.Expr)
	}
}

// maskHashtables masks, in every hashtable literal on the line, the value
// of a key that names a secret parameter of a command on the line (in
// full, by a prefix or an alias: splatting and piping by property name
// bind keys so) or reads like a secret.
func (m *lineMasker) maskHashtables() {
	for _, h := range m.hashes {
		for _, kv := range h.Pairs {
			if m.secretKey(keyName(kv.Key)) {
				m.mask(kv.Value)
			}
		}
	}
}

// secretKey reports whether a hashtable key names a secret.
func (m *lineMasker) secretKey(key string) bool {
	if key == "" {
		return false
	}
	for _, p := range m.secretParams {
		if namesParam(p, key) {
			return true
		}
	}
	return isSecretName(key)
}

// maskAssignments masks what is assigned to a variable or property that
// reads like a secret ($pin = 12345, $cred.Password = 'x'): no binder
// sees variables.
func (m *lineMasker) maskAssignments() {
	for _, a := range m.assigns {
		if assignsSecret(a.Left) {
			m.mask(a.Right)
		}
	}
}

// assignsSecret reports whether an assignment target reads like a secret.
func assignsSecret(e syntax.Expression) bool {
	switch v := e.(type) {
	case *syntax.VariableExpr:
		name := v.Name
		if i := strings.LastIndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		return isSecretName(name)
	case *syntax.ConvertExpr:
		return assignsSecret(v.Operand)
	case *syntax.MemberExpr:
		return isSecretName(keyName(v.Member))
	case *syntax.IndexExpr:
		return assignsSecret(v.Target) || isSecretName(keyName(v.Index))
	case *syntax.ArrayLiteral:
		for _, el := range v.Elements {
			if assignsSecret(el) {
				return true
			}
		}
	}
	return false
}

// credentialType matches the credential types whose constructor takes a
// user name then a password.
var credentialType = regexp.MustCompile(`(?i)(^|\.)(pscredential|networkcredential)$`)

// maskCredentialConstructors masks the password given in clear to a
// credential's constructor: [pscredential]::new('u', 'p') and
// New-Object PSCredential('u', 'p') (New-Object … -ArgumentList 'u','p').
func (m *lineMasker) maskCredentialConstructors() {
	for _, inv := range m.invokes {
		te, ok := inv.Target.(*syntax.TypeExpr)
		if !ok || te.Type == nil || !inv.Static || !strings.EqualFold(keyName(inv.Member), "new") ||
			!credentialType.MatchString(te.Type.Name) {
			continue
		}
		for _, a := range inv.Args[min(1, len(inv.Args)):] {
			m.mask(a)
		}
	}
	for _, c := range m.cmds {
		t := m.targets[c]
		if t == nil || t.cmdlet == nil || !strings.EqualFold(t.cmdlet.Name, "New-Object") {
			continue
		}
		args := m.commandArgs(c)
		bargs := make([]binding.Arg, len(args))
		for i, a := range args {
			bargs[i] = a.arg
		}
		pb := binding.Partial(t.meta, bargs, -1)
		isCred := false
		var lists []syntax.Node
		for i, ab := range pb.Args {
			if !ab.Role.HasValue() || ab.Param == nil {
				continue
			}
			switch ab.Param.Name {
			case "TypeName":
				if s, ok := args[i].arg.Value.(string); ok && credentialType.MatchString(s) {
					isCred = true
				}
			case "ArgumentList":
				lists = append(lists, args[i].value)
			}
		}
		if !isCred {
			continue
		}
		for _, l := range lists {
			m.maskAfterFirst(l)
		}
	}
}

// maskAfterFirst masks the elements of an argument list but the first
// (the user name); a list that is not a literal is masked whole.
func (m *lineMasker) maskAfterFirst(n syntax.Node) {
	e, ok := n.(syntax.Expression)
	if !ok {
		m.mask(n)
		return
	}
	if arr, ok := unwrapConvert(e).(*syntax.ArrayLiteral); ok {
		for _, el := range arr.Elements[min(1, len(arr.Elements)):] {
			m.mask(el)
		}
		return
	}
	m.mask(n)
}

// mask records n's extent for masking when it holds text typed in clear.
func (m *lineMasker) mask(n syntax.Node) {
	if n == nil || !clearText(n) {
		return
	}
	ext := n.Ext()
	if ext.Start < 0 || ext.End > len(m.text) || ext.Start >= ext.End {
		return
	}
	m.spans = append(m.spans, ext)
}

// masked reports whether [start, end) lies in a masked extent.
func (m *lineMasker) masked(start, end int) bool {
	for _, s := range m.spans {
		if s.Start <= start && end <= s.End {
			return true
		}
	}
	return false
}

// apply writes the line with every masked extent replaced by secret.Mask
// (an extent inside another is masked with it).
func (m *lineMasker) apply() string {
	if len(m.spans) == 0 {
		return m.text
	}
	sort.Slice(m.spans, func(i, j int) bool {
		if m.spans[i].Start != m.spans[j].Start {
			return m.spans[i].Start < m.spans[j].Start
		}
		return m.spans[i].End > m.spans[j].End
	})
	var b strings.Builder
	last := 0
	for _, s := range m.spans {
		if s.Start < last {
			continue
		}
		b.WriteString(m.text[last:s.Start])
		b.WriteString(secret.Mask)
		last = s.End
	}
	b.WriteString(m.text[last:])
	return b.String()
}

// clearText reports whether a value holds text typed in clear: a string
// or number literal other than a member name, an index, a type, a
// hashtable key, or an argument of a command run to compute the value
// (each command on the line is judged on its own). A variable, a
// property of one or a command's output is not a secret itself.
func clearText(n syntax.Node) bool {
	found := false
	var visit func(syntax.Node) bool
	visit = func(x syntax.Node) bool {
		if found {
			return false
		}
		switch v := x.(type) {
		case *syntax.Command, *syntax.TypeExpr, *syntax.TypeName:
			return false
		case *syntax.MemberExpr:
			syntax.Inspect(v.Target, visit)
			return false
		case *syntax.InvokeMemberExpr:
			syntax.Inspect(v.Target, visit)
			for _, a := range v.Args {
				syntax.Inspect(a, visit)
			}
			return false
		case *syntax.IndexExpr:
			syntax.Inspect(v.Target, visit)
			return false
		case *syntax.KeyValue:
			syntax.Inspect(v.Value, visit)
			return false
		case *syntax.ConvertExpr:
			syntax.Inspect(v.Operand, visit)
			return false
		case *syntax.StringConstant:
			found = v.Value != ""
		case *syntax.NumberExpr:
			found = true
		}
		return !found
	}
	syntax.Inspect(n, visit)
	return found
}
