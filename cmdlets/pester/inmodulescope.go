package pester

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerInModuleScope adds InModuleScope: a script block run inside a
// script module's scope, so it sees the module's private functions and
// variables, and the mocks it defines are the module's (as with
// -ModuleName).
func (m *module) registerInModuleScope(rt *engine.Runtime) {
	name := positional[string]("ModuleName", "String", 0, "The loaded script module to run the block in.")
	name.Info().Sets[0].Mandatory = true
	body := positional[any]("ScriptBlock", "ScriptBlock", 1, "The code to run in the module's scope.")
	body.Info().Sets[0].Mandatory = true
	params := named[any]("Parameters", "Hashtable", "Variables defined for the block.")
	args := named[any]("ArgumentList", "Object[]", "The block's $args.")
	rt.Register(&engine.Cmdlet{
		Name: "InModuleScope", Module: "Pester",
		Synopsis:    "Runs a script block in the scope of a loaded script module (Pester 5).",
		Description: "The block sees the module's functions and script variables, exported or not; a Mock inside it mocks the calls the module's functions make.",
		Params:      []*engine.ParamInfo{name.Info(), body.Info(), params.Info(), args.Info()},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			mod, ok := c.Runtime().ScriptModule(name.Get(c))
			if !ok {
				return pesterError("PesterModuleNotFound", "No modules named '%s' are currently loaded.", name.Get(c))
			}
			sc := engine.NewScope(mod.Scope(), false)
			if h, ok := asHashtable(params.Get(c)); ok {
				for _, k := range h.Keys() {
					v, _ := h.Get(k)
					sc.SetLocal(value.ToString(k), v)
				}
			}
			if v, ok := args.Lookup(c); ok {
				sc.SetLocal("args", enumerate(v))
			}
			sb, _ := body.Get(c).(*engine.ScriptBlock)
			return c.InvokeBlockInScope(sc, sb, nil, c.WriteObject)
		}),
	})
}
