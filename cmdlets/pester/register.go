package pester

import (
	"os"
	"path/filepath"

	"github.com/csshell/csshell/engine"
)

// Register adds the Pester module to rt.
func Register(rt *engine.Runtime, opts Options) {
	m := &module{opts: opts, proxies: map[*engine.Cmdlet]*engine.CommandInfo{}}
	rt.AddModule("Pester")
	m.registerBlocks(rt)
	m.registerSetups(rt)
	m.registerShould(rt)
	m.registerMock(rt)
	m.registerInModuleScope(rt)
	m.registerInvoke(rt)
	registerConfiguration(rt)
	registerContainer(rt)
}

// runStandalone serves a Describe run outside Invoke-Pester (a test file
// run as a script): Pester runs the whole file through Invoke-Pester and
// exits with its exit code.
func (m *module) runStandalone(c *engine.Call, body *engine.ScriptBlock) error {
	name := ""
	if body.Ast != nil && body.Ast.Source != nil {
		name = body.Ast.Source.Name
	}
	if st, err := os.Stat(name); name == "" || !filepath.IsAbs(name) || err != nil || st.IsDir() {
		return pesterError("PesterUnsavedFile", "Pester can run only saved files interactively. Please save your file to a disk.")
	}
	cfg := defaultConfig()
	cfg.paths = []string{name}
	if err := m.invoke(c, cfg); err != nil {
		return err
	}
	code, _ := c.Runtime().GetVariable("LASTEXITCODE")
	return engine.Exit(int(toInt(code)))
}
