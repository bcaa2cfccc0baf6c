package pester

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/csshell/csshell/engine"
)

// writeResultFile writes the test result file (TestResult.Enabled)
// through the host's file handler, creating its folder when missing.
func (m *module) writeResultFile(c *engine.Call, cfg *config, res *results) error {
	path := c.ResolvePath(cfg.resultPath)
	if err := mkdirAll(filepath.Dir(path)); err != nil {
		return engine.NewError("WriteError", "PesterResultFolder", path, "%s", err.Error())
	}
	var fill func(w io.Writer) error
	if strings.EqualFold(cfg.resultFormat, "JUnitXml") {
		fill = func(w io.Writer) error { return writeJUnit(w, res, cfg, c) }
	} else {
		fill = func(w io.Writer) error { return writeNUnit(w, res, cfg, c) }
	}
	return c.ReplaceFile(path, 0o644, fill)
}
