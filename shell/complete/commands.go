package complete

// commandNames completes a command name: cmdlets, functions and aliases
// whose name matches the typed prefix or wildcard pattern, sorted
// alphabetically (case-insensitively) as pwsh lists them. A name that is
// both an alias and a function or cmdlet is listed once, as the kind the
// engine would run (alias, then function, then cmdlet).
func (c *Completer) commandNames(typed string) []Suggestion {
	m := newMatcher(typed)
	byName := map[string]int{}
	var items []Suggestion
	var kinds []CommandKind
	for _, cmd := range c.src.Commands() {
		if cmd.Name == "" || !m.match(cmd.Name) {
			continue
		}
		s := Suggestion{Text: cmd.Name, Description: commandDescription(cmd)}
		k := lowerASCII(cmd.Name)
		if i, ok := byName[k]; ok {
			if precedence(cmd.Kind) < precedence(kinds[i]) {
				items[i], kinds[i] = s, cmd.Kind
			}
			continue
		}
		byName[k] = len(items)
		items = append(items, s)
		kinds = append(kinds, cmd.Kind)
	}
	sortItems(items)
	return items
}

// precedence is the order in which pwsh resolves a name.
func precedence(k CommandKind) int {
	switch k {
	case KindAlias:
		return 0
	case KindFunction:
		return 1
	}
	return 2
}

func commandDescription(cmd Command) string {
	switch {
	case cmd.Kind == KindAlias:
		return "Alias of " + cmd.Target
	case cmd.Synopsis != "":
		return cmd.Synopsis
	case cmd.Kind == KindFunction:
		return "Function"
	}
	return "Cmdlet"
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
