package engine

import "strings"

// requiredModule is one module of a "#Requires -Modules" line: a name, or
// a ModuleSpecification hashtable (@{ModuleName=…; ModuleVersion=…}).
type requiredModule struct {
	name string
	spec ModuleVersionSpec
	// text is how pwsh names the module in its "missing" error: the
	// name, or the specification as ModuleSpecification.ToString().
	text string
}

// parseRequiredModules splits the text after "#Requires -Modules" into
// its modules: names and hashtables separated by commas.
func parseRequiredModules(text string) []requiredModule {
	var out []requiredModule
	for _, item := range splitTopLevel(text, ',') {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if !strings.HasPrefix(item, "@{") {
			name := strings.Trim(item, `'"`)
			out = append(out, requiredModule{name: name, text: name})
			continue
		}
		body := strings.TrimSuffix(strings.TrimPrefix(item, "@{"), "}")
		var m requiredModule
		var guid string
		for _, entry := range splitTopLevel(strings.ReplaceAll(body, "\n", ";"), ';') {
			key, val, ok := strings.Cut(entry, "=")
			if !ok {
				continue
			}
			key = strings.Trim(strings.TrimSpace(key), `'"`)
			val = strings.Trim(strings.TrimSpace(val), `'"`)
			switch strings.ToLower(key) {
			case "modulename":
				m.name = val
			case "moduleversion":
				m.spec.Minimum = val
			case "requiredversion":
				m.spec.Required = val
			case "maximumversion":
				m.spec.Maximum = val
			case "guid":
				guid = val
			}
		}
		m.text = moduleSpecificationText(m.name, guid, m.spec)
		out = append(out, m)
	}
	return out
}

// moduleSpecificationText is ModuleSpecification.ToString().
func moduleSpecificationText(name, guid string, spec ModuleVersionSpec) string {
	if guid == "" && spec.Empty() {
		return name
	}
	var b strings.Builder
	b.WriteString("@{ ModuleName = '" + name + "'")
	if guid != "" {
		b.WriteString("; Guid = '" + guid + "'")
	}
	if spec.Required != "" {
		b.WriteString("; RequiredVersion = '" + spec.Required + "'")
	} else {
		if spec.Minimum != "" {
			b.WriteString("; ModuleVersion = '" + spec.Minimum + "'")
		}
		if spec.Maximum != "" {
			b.WriteString("; MaximumVersion = '" + spec.Maximum + "'")
		}
	}
	b.WriteString(" }")
	return b.String()
}

// splitTopLevel splits s at sep outside quotes and braces.
func splitTopLevel(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '{' || c == '(':
			depth++
		case c == '}' || c == ')':
			depth--
		case c == sep && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// requireModule checks one required module and imports it, loading the
// version it asks for when the session has another; it reports whether
// it is satisfied.
func (rt *Runtime) requireModule(m requiredModule) bool {
	name, ok := rt.Module(m.name)
	if !ok {
		return false
	}
	if vm, ok := rt.VersionedModule(name); ok && !m.spec.Empty() && !(vm.Active() && m.spec.Matches(vm.Version())) {
		if _, ok := vm.Load(m.spec); !ok {
			return false
		}
	}
	rt.MarkImported(name)
	return true
}
