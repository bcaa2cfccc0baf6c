package teams

import (
	"slices"
	"strings"

	"github.com/csshell/csshell/engine"
)

// moduleLoader switches a session between module generations: it keeps
// every Teams cmdlet as registered (the full surface of all generations)
// and registers, for the generation loaded, the cmdlets it has with the
// parameters it has (surfaceItems decides).
type moduleLoader struct {
	rt  *engine.Runtime
	t   *Tenant
	all []*engine.Cmdlet // as registered, in registration order
}

// newModuleLoader captures the Teams cmdlets registered so far.
func newModuleLoader(rt *engine.Runtime, t *Tenant) *moduleLoader {
	l := &moduleLoader{rt: rt, t: t}
	for _, c := range rt.Cmdlets() {
		if slices.ContainsFunc(Modules, func(m string) bool { return strings.EqualFold(m, c.Module) }) {
			l.all = append(l.all, c)
		}
	}
	return l
}

// apply registers g's surface.
func (l *moduleLoader) apply(g generation) {
	l.t.setGeneration(g)
	// The connector era's Cs cmdlets come from the remote session:
	// they exist once Import-PSSession imported it.
	remoteOnly := g.connector() && !l.t.importedSession()
	for _, c := range l.all {
		if it, ok := surfaceItemFor(cmdletItem, "", c.Name); ok && !g.has(it.added, it.removed) {
			l.rt.Unregister(c.Name)
			continue
		}
		if remoteOnly && strings.EqualFold(c.Module, moduleTeams) {
			l.rt.Unregister(c.Name)
			continue
		}
		l.rt.Register(l.versionOf(c, g))
	}
}

// versionOf is c as generation g has it: without the parameters g lacks,
// and warning of retired items when $CsRetiredItemPreference asks.
func (l *moduleLoader) versionOf(c *engine.Cmdlet, g generation) *engine.Cmdlet {
	v := *c
	v.Params = nil
	v.Withdrawn = nil
	var retired []surfaceItem
	for _, p := range c.Params {
		it, ok := surfaceItemFor(parameterItem, c.Name, p.Name)
		switch {
		case ok && !g.has(it.added, it.removed):
			v.Withdrawn = append(v.Withdrawn, p)
			continue
		case ok && it.retired != "":
			retired = append(retired, it)
		}
		v.Params = append(v.Params, p)
	}
	cmdlet, _ := surfaceItemFor(cmdletItem, "", c.Name)
	if cmdlet.retired == "" && len(retired) == 0 {
		return &v
	}
	inner := c.New
	v.New = func() engine.Processor {
		return &retiredWarner{Processor: inner(), cmdlet: cmdlet, params: retired}
	}
	return &v
}

// versioned is the engine.VersionedModule of one module name.
type versioned struct {
	l    *moduleLoader
	name string
}

// Version is the loaded version of this module, or the version it would
// load when the session has the other generation.
func (m versioned) Version() string {
	g := m.l.t.generation()
	if strings.EqualFold(g.module, m.name) {
		return g.version
	}
	if strings.EqualFold(m.name, moduleTeams) {
		return newestTeamsVersion
	}
	return connectorVersion
}

// Active reports whether the session's generation is this module's.
func (m versioned) Active() bool {
	return strings.EqualFold(m.l.t.generation().module, m.name)
}

// Load switches the session to the version spec asks for.
func (m versioned) Load(spec engine.ModuleVersionSpec) (string, bool) {
	g, ok := generationFor(m.name, spec)
	if !ok {
		return "", false
	}
	m.l.apply(g)
	return g.version, true
}

// registerGenerations makes MicrosoftTeams and the connectors versioned
// modules over the cmdlets registered so far, and loads the newest
// MicrosoftTeams.
func registerGenerations(rt *engine.Runtime, t *Tenant) {
	l := newModuleLoader(rt, t)
	for _, name := range Modules {
		rt.AddVersionedModule(name, versioned{l: l, name: name})
	}
	l.apply(newestGeneration)
	t.reload = func() { l.apply(t.generation()) }
	rt.AddMissingHint(t.missingHint)
	rt.SetFullCmdlets(l.full)
}

// full is the cmdlet as registered, with every parameter any generation
// has; nil for a name that is not a Teams cmdlet.
func (l *moduleLoader) full(name string) *engine.Cmdlet {
	for _, c := range l.all {
		if strings.EqualFold(c.Name, name) {
			return c
		}
	}
	return nil
}
