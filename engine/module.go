package engine

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// Script modules (.psm1, about_Modules): Import-Module runs the file once
// in the module's own script scope; the functions it defines keep that
// scope (their $script: is the module's, their helpers stay visible to
// them), and the module exports every function — or, once the module
// calls Export-ModuleMember, what that names (functions, variables and
// aliases, wildcards allowed) — into the importing session.

// Module is a script module loaded by Import-Module.
type Module struct {
	Name string
	Path string
	// scope is the module's script scope.
	scope *Scope
	// exportCalled is set by Export-ModuleMember; the patterns then
	// decide what is exported.
	exportCalled                      bool
	exportFuncs, exportVars, exportAl []string
	// Exported are the names of the functions and aliases it exported.
	Exported []string
}

// CurrentModule returns the script module whose code runs this command,
// nil outside a module.
func (c *Call) CurrentModule() *Module {
	if c.frame == nil {
		return nil
	}
	return c.frame.scope.module()
}

// module returns the module whose scope encloses s, nil for none.
func (s *Scope) module() *Module {
	for sc := s; sc != nil; sc = sc.parent {
		if sc.mod != nil {
			return sc.mod
		}
	}
	return nil
}

// Export records an Export-ModuleMember call: the function, variable and
// alias name patterns to export (appended to earlier calls').
func (m *Module) Export(funcs, vars, aliases []string) {
	m.exportCalled = true
	m.exportFuncs = append(m.exportFuncs, funcs...)
	m.exportVars = append(m.exportVars, vars...)
	m.exportAl = append(m.exportAl, aliases...)
}

// matchAny reports whether name matches one of the wildcard patterns.
func matchAny(patterns []string, name string) bool { return value.LikeAny(name, patterns) }

// ImportScriptModule loads the script module at path (already resolved)
// into the session: its code runs in a new module scope over the global
// one, writing its output to the command's, then its exports are defined
// in the global scope. A module of the same name loaded before is
// replaced.
func (c *Call) ImportScriptModule(path string) (*Module, error) {
	sb, err := c.rt.loadScript(path)
	if err != nil {
		return nil, err
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	m := &Module{Name: name, Path: path}
	m.scope = NewScope(c.rt.global, true)
	m.scope.mod = m
	f := c.frame
	if f == nil {
		f = c.rt.newFrame(c.ctx)
		f.io = &stageIO{out: c.WriteObject}
	}
	inner := f.child(m.scope)
	inner.io = f.io.withOut(c.WriteObject)
	inner.script = sb.file
	if err := inner.dotBlockIO(sb, nil, nil, inner.io); err != nil {
		return nil, err
	}
	g := c.rt.global
	for _, fn := range m.scope.funcs {
		if m.exportCalled && !matchAny(m.exportFuncs, fn.Name) {
			continue
		}
		g.defineFunc(fn)
		m.Exported = append(m.Exported, fn.Name)
	}
	if m.exportCalled {
		for _, v := range m.scope.vars {
			if matchAny(m.exportVars, v.Name) {
				g.SetLocal(v.Name, v.Value)
			}
		}
		// Aliases are the session's (Set-Alias in a module defines them
		// for everyone); the exported ones are listed with the module.
		for _, alias := range c.rt.aliasNames {
			if matchAny(m.exportAl, alias) {
				m.Exported = append(m.Exported, alias)
			}
		}
	}
	sort.Slice(m.Exported, func(i, j int) bool { return strings.ToLower(m.Exported[i]) < strings.ToLower(m.Exported[j]) })
	c.rt.mu.Lock()
	if c.rt.scriptModules == nil {
		c.rt.scriptModules = map[string]*Module{}
	}
	c.rt.scriptModules[strings.ToLower(name)] = m
	c.rt.mu.Unlock()
	return m, nil
}

// ScriptModule returns a loaded script module by name.
func (rt *Runtime) ScriptModule(name string) (*Module, bool) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	m, ok := rt.scriptModules[strings.ToLower(name)]
	return m, ok
}

// ScriptModules returns the loaded script modules, by name.
func (rt *Runtime) ScriptModules() []*Module {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	out := make([]*Module, 0, len(rt.scriptModules))
	for _, m := range rt.scriptModules {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}
