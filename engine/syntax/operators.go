package syntax

import "sort"

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
