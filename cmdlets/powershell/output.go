package powershell

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// registerOutputCmdlets adds the Format-*, Out-* and JSON cmdlets.
func registerOutputCmdlets(rt *engine.Runtime) {
	registerFormatCmdlets(rt)
	registerOutCmdlets(rt)
	registerJSONCmdlets(rt)
}

// outSetsAll is the membership of a named-only parameter in every set.
func outSetsAll() []engine.ParamSet {
	return []engine.ParamSet{{Name: engine.AllSets, Position: -1}}
}

// outSetsPos is the membership of a positional parameter in every set.
func outSetsPos(pos int) []engine.ParamSet {
	return []engine.ParamSet{{Name: engine.AllSets, Position: pos}}
}

// outSetsPipe is the membership of a pipeline-bound InputObject in every set.
func outSetsPipe() []engine.ParamSet {
	return []engine.ParamSet{{Name: engine.AllSets, Position: -1, FromPipeline: true}}
}

// outDisplay maps an engine value to what Out-Default prints for it.
func outDisplay(v any) any {
	switch t := v.(type) {
	case *engine.ErrorRecord:
		return format.Rendered{Text: engine.FormatError(t) + "\n"}
	case *engine.WarningRecord:
		return "WARNING: " + t.Message
	case *engine.StreamRecord:
		return value.ToString(t.Message)
	}
	return engine.ToDisplay(v)
}
