package complete

import (
	"strings"

	"github.com/csshell/csshell/engine/binding"
)

// paramNames completes -Name: the parameters the binder still offers
// (not given, in a parameter set still possible, in declaration order with
// the common parameters last, as pwsh lists them) that match prefix, or,
// when no name matches, those with prefix as an alias (-ea).
func paramNames(pb *binding.PartialBinding, prefix string) []Suggestion {
	m := newMatcher(prefix)
	var items, byAlias []Suggestion
	for _, p := range pb.Offerable("") {
		s := Suggestion{Text: "-" + p.Name, Description: paramDescription(p)}
		switch {
		case m.match(p.Name):
			items = append(items, s)
		case prefix != "" && aliasMatches(p, prefix):
			byAlias = append(byAlias, s)
		}
	}
	if len(items) == 0 {
		items = byAlias // -ea completes to -ErrorAction when no name starts so
	}
	return items
}

func aliasMatches(p *binding.ParamInfo, prefix string) bool {
	for _, a := range p.Aliases {
		if strings.EqualFold(a, prefix) {
			return true
		}
	}
	return false
}

// paramDescription is "[Type] short help".
func paramDescription(p *binding.ParamInfo) string {
	t := p.Type
	if t == "" {
		t = "Object"
	}
	d := "[" + t + "]"
	if h := shortHelp(p.Help); h != "" {
		d += " " + h
	}
	return d
}

// shortHelp is the first sentence of a help text, at most 80 characters.
func shortHelp(h string) string {
	h = strings.Join(strings.Fields(h), " ")
	if i := strings.Index(h, ". "); i >= 0 {
		h = h[:i+1]
	}
	if r := []rune(h); len(r) > 80 {
		h = string(r[:79]) + "…"
	}
	return h
}
