package pester

import (
	"github.com/csshell/csshell/engine"
)

// registerSetups adds BeforeAll, AfterAll, BeforeEach, AfterEach,
// BeforeDiscovery and Set-ItResult.
func (m *module) registerSetups(rt *engine.Runtime) {
	kinds := []struct {
		name, synopsis string
		add            func(b *block, sb *engine.ScriptBlock)
	}{
		{"BeforeAll", "Defines code that runs once before the tests of the block, in the block's scope.", func(b *block, sb *engine.ScriptBlock) { b.beforeAll = append(b.beforeAll, sb) }},
		{"AfterAll", "Defines code that runs once after the tests of the block, in the block's scope.", func(b *block, sb *engine.ScriptBlock) { b.afterAll = append(b.afterAll, sb) }},
		{"BeforeEach", "Defines code that runs before each test of the block and its children, in the test's scope.", func(b *block, sb *engine.ScriptBlock) { b.beforeEach = append(b.beforeEach, sb) }},
		{"AfterEach", "Defines code that runs after each test of the block and its children, in the test's scope, even when it failed.", func(b *block, sb *engine.ScriptBlock) { b.afterEach = append(b.afterEach, sb) }},
	}
	for _, k := range kinds {
		k := k
		body := positional[any]("Scriptblock", "ScriptBlock", 0, "The setup or teardown code.")
		body.Info().Sets[0].Mandatory = true
		rt.Register(&engine.Cmdlet{
			Name: k.name, Module: "Pester", Synopsis: k.synopsis,
			Description: "Saved during discovery and run in Invoke-Pester's run phase (Pester 5).",
			Params:      []*engine.ParamInfo{body.Info()},
			New: engine.ProcessOnly(func(c *engine.Call) error {
				r := m.run
				if r == nil || r.phase != phaseDiscovery {
					return pesterError("PesterDiscoveryOnly", "%s can run only during Discovery, but not during Run.", k.name)
				}
				m.captureParams(c)
				sb, _ := body.Get(c).(*engine.ScriptBlock)
				k.add(r.cur, sb)
				return nil
			}),
		})
	}
	discovery := positional[any]("ScriptBlock", "ScriptBlock", 0, "Code that generates tests: it runs during discovery, in the current scope.")
	discovery.Info().Sets[0].Mandatory = true
	rt.Register(&engine.Cmdlet{
		Name: "BeforeDiscovery", Module: "Pester",
		Synopsis:    "Runs setup code during discovery, to generate tests from data.",
		Description: "Its variables are visible to the discovery code after it (the -ForEach of blocks and tests), not to the tests at run time.",
		Params:      []*engine.ParamInfo{discovery.Info()},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			sb, _ := discovery.Get(c).(*engine.ScriptBlock)
			return c.InvokeBlock(sb, nil, c.WriteObject)
		}),
	})
	m.registerSetItResult(rt)
}

// registerSetItResult adds Set-ItResult.
func (m *module) registerSetItResult(rt *engine.Runtime) {
	sw := func(name string) engine.Param[bool] {
		return engine.Declare[bool](&engine.ParamInfo{Name: name, Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: name, Position: -1, Mandatory: true}}})
	}
	inconclusive, pending, skipped := sw("Inconclusive"), sw("Pending"), sw("Skipped")
	because := named[string]("Because", "String", "Why the result is set.")
	rt.Register(&engine.Cmdlet{
		Name: "Set-ItResult", Module: "Pester",
		Synopsis:    "Sets the result of the current test to Inconclusive, Pending or Skipped, and ends it.",
		Description: "Ends the test at once with the result given; -Pending is deprecated (it counts as Skipped).",
		Params:      []*engine.ParamInfo{inconclusive.Info(), pending.Info(), skipped.Info(), because.Info()},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			if err := m.runOnly("Set-ItResult"); err != nil {
				return err
			}
			id, msg := "PesterTestSkipped", "is skipped"
			switch {
			case inconclusive.Get(c):
				id, msg = "PesterTestInconclusive", "is inconclusive"
			case pending.Get(c):
				id, msg = "PesterTestPending", "is pending"
				m.run.deprecatedPending = true
			}
			if b := because.Get(c); b != "" {
				msg += ", because " + b
			}
			rec := engine.NewError("InvalidResult", id, nil, "%s", msg).WithException("System.Exception")
			rec.OwnID = true
			return rec
		}),
	})
}
