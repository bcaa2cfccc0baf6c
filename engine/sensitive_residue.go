package engine

import (
	"regexp"
	"strings"

	"github.com/csshell/csshell/engine/syntax"
)

// psReadLineSensitive is the pattern of PSReadLine's default
// AddToHistoryHandler (GetDefaultAddToHistoryOption): a line matching it
// is looked at more closely and, when the match may expose a secret, kept
// in memory only, never written to the history file.
var psReadLineSensitive = regexp.MustCompile(`(?i)password|asplaintext|token|apikey|secret`)

// secretManagementCommands are the SecretManagement cmdlets PSReadLine
// deems safe although their names match (Get-Secret …).
var secretManagementCommands = map[string]bool{
	"get-secret": true, "get-secretinfo": true, "get-secretvault": true, "register-secretvault": true,
	"remove-secret": true, "set-secretinfo": true, "set-secretvaultdefault": true, "test-secretvault": true,
	"unlock-secretvault": true, "unregister-secretvault": true,
}

// residue applies PSReadLine's default history rule to what masking left:
// it reports whether a match of psReadLineSensitive may still expose a
// secret. Matches inside a masked value are settled; so are the
// -Names the binder bound for a command the session knows (their
// declaration says whether their values are secret, which PSReadLine can
// only guess from the spelling). Text in a value is never vouched for: a
// string may hold a password whatever parameter it is given to. Otherwise PSReadLine's judgement stands: a secret-named
// variable assigned text in clear, a -Name followed by a literal,
// -AsPlainText, a matching string, comment or unparsable line.
func (m *lineMasker) residue() bool {
	safeUpTo := -1
	for _, loc := range psReadLineSensitive.FindAllStringIndex(m.text, -1) {
		start, end := loc[0], loc[1]
		if start < safeUpTo || m.masked(start, end) {
			continue
		}
		if m.parseErr {
			return true
		}
		chain := m.enclosing(start, end)
		sensitive, skip := m.judgeMatch(chain, start, end)
		if sensitive {
			return true
		}
		safeUpTo = max(safeUpTo, skip)
	}
	return false
}

// enclosing lists the nodes containing [start, end), outermost first.
func (m *lineMasker) enclosing(start, end int) []syntax.Node {
	var chain []syntax.Node
	syntax.Inspect(m.sb, func(n syntax.Node) bool {
		e := n.Ext()
		if e.Start <= start && end <= e.End {
			chain = append(chain, n)
			return true
		}
		return false
	})
	return chain
}

// judgeMatch decides whether the match at [start, end), inside the nodes
// of chain, may expose a secret; skip is an offset up to which later
// matches are settled too (a SecretManagement command).
func (m *lineMasker) judgeMatch(chain []syntax.Node, start, end int) (sensitive bool, skip int) {
	if len(chain) == 0 {
		return true, -1
	}
	if m.judgedByBinder(chain, start, end) {
		return false, -1
	}
	inner := chain[len(chain)-1]
	var parent syntax.Node
	if len(chain) > 1 {
		parent = chain[len(chain)-2]
	}
	switch v := inner.(type) {
	case *syntax.VariableExpr:
		// Using a secret-named variable is fine; assigning it text in clear
		// is not (masking took care of the literal cases).
		if a := assignmentOf(chain, v); a != nil {
			return clearText(a.Right) && !m.masked(a.Right.Ext().Start, a.Right.Ext().End), -1
		}
		return false, -1
	case *syntax.StringConstant:
		return m.judgeString(chain, v, parent)
	case *syntax.CommandParameter:
		return m.judgeParameter(v, parent), -1
	}
	return true, -1
}

// judgedByBinder reports whether the match lies in a -Name the binder
// bound for the innermost command around it that the session knows.
func (m *lineMasker) judgedByBinder(chain []syntax.Node, start, end int) bool {
	for i := len(chain) - 1; i >= 0; i-- {
		c, ok := chain[i].(*syntax.Command)
		if !ok {
			continue
		}
		for _, e := range m.judged[c] {
			if e.Start <= start && end <= e.End {
				return true
			}
		}
		return false
	}
	return false
}

// assignmentOf is the assignment whose target holds v, if any.
func assignmentOf(chain []syntax.Node, v syntax.Node) *syntax.AssignmentStmt {
	for i := len(chain) - 1; i >= 0; i-- {
		if a, ok := chain[i].(*syntax.AssignmentStmt); ok {
			if l := a.Left.Ext(); l.Start <= v.Ext().Start && v.Ext().End <= l.End {
				return a
			}
			return nil
		}
	}
	return nil
}

// judgeString judges a match inside a string constant, as PSReadLine
// does: a command name is safe when the session knows the command (its
// parameters declare their secrets) or it is a SecretManagement cmdlet; a
// hashtable key or a property name is safe unless text in clear is left
// assigned to it; any other string may hold the secret itself.
func (m *lineMasker) judgeString(chain []syntax.Node, s *syntax.StringConstant, parent syntax.Node) (bool, int) {
	switch p := parent.(type) {
	case *syntax.Command:
		if len(p.Elements) > 0 && p.Elements[0] == syntax.CommandElement(s) {
			if m.targets[p] != nil {
				return false, -1
			}
			if secretManagementCommands[strings.ToLower(s.Value)] {
				return false, p.End
			}
		}
	case *syntax.KeyValue:
		if p.Key == syntax.Expression(s) {
			return m.leftInClear(p.Value), -1
		}
	case *syntax.MemberExpr:
		if p.Member == syntax.Expression(s) {
			if a := assignmentOf(chain, s); a != nil {
				return m.leftInClear(a.Right), -1
			}
			return false, -1
		}
	case *syntax.InvokeMemberExpr:
		if p.Member == syntax.Expression(s) {
			return false, -1
		}
	}
	return true, -1
}

// leftInClear reports whether n holds text in clear that was not masked.
func (m *lineMasker) leftInClear(n syntax.Node) bool {
	if n == nil || !clearText(n) {
		return false
	}
	return !m.masked(n.Ext().Start, n.Ext().End)
}

// judgeParameter judges a -Name that matches, as PSReadLine does:
// -AsPlainText is sensitive unless masking took the command's values in
// clear (it does); another -Name is safe when its value is absent, a
// variable, a command's output or masked.
func (m *lineMasker) judgeParameter(cp *syntax.CommandParameter, parent syntax.Node) bool {
	if len(cp.Name) >= 3 && hasPrefixFold("AsPlainText", cp.Name) {
		return false
	}
	arg := syntax.Node(nil)
	if cp.Argument != nil {
		arg = cp.Argument
	} else if c, ok := parent.(*syntax.Command); ok {
		for i, el := range c.Elements {
			if el == syntax.CommandElement(cp) {
				if v, ok := nextValue(c.Elements, i); ok {
					arg = v
				}
				break
			}
		}
	}
	switch a := arg.(type) {
	case nil:
		return false
	case *syntax.VariableExpr:
		return false
	case *syntax.ParenExpr:
		if p, ok := a.Inner.(*syntax.Pipeline); ok && len(p.Elements) > 0 {
			if _, ok := p.Elements[0].(*syntax.Command); ok {
				return false
			}
		}
	}
	return m.leftInClear(arg)
}
