package engine

import (
	"slices"
	"sync"

	"github.com/csshell/csshell/engine/binding"
)

// cmdletBinders keeps each cmdlet's prepared binder (binding.Prepared),
// so that a cmdlet invoked once per pipeline object — Set-… inside
// ForEach-Object over a 10 000-row CSV — builds its parameter tables once,
// not once per row.
type cmdletBinders struct {
	m sync.Map // *Cmdlet → *preparedCmdlet
}

// preparedCmdlet is a cmdlet's prepared binder with what it was made
// from: a cmdlet whose parameters were since replaced (a module version
// loaded, a registration changed) gets a new one.
type preparedCmdlet struct {
	name       string
	params     []*ParamInfo
	defaultSet string
	ssp        bool
	p          *binding.Prepared
}

// matches reports whether pc was prepared from c as it is now.
func (pc *preparedCmdlet) matches(c *Cmdlet) bool {
	return pc.name == c.Name && pc.defaultSet == c.DefaultSet && pc.ssp == c.SupportsShouldProcess &&
		slices.Equal(pc.params, c.Params)
}

// prepared returns c's prepared binder, made on first use.
func (cb *cmdletBinders) prepared(c *Cmdlet) *binding.Prepared {
	if v, ok := cb.m.Load(c); ok {
		if pc := v.(*preparedCmdlet); pc.matches(c) {
			return pc.p
		}
	}
	pc := &preparedCmdlet{name: c.Name, params: slices.Clone(c.Params), defaultSet: c.DefaultSet,
		ssp: c.SupportsShouldProcess, p: binding.Prepare(c.meta())}
	cb.m.Store(c, pc)
	return pc.p
}

// forget drops c's prepared binder (c was replaced or removed: a module
// loaded again in another version registers new cmdlets each time).
func (cb *cmdletBinders) forget(c *Cmdlet) {
	cb.m.Delete(c)
}
