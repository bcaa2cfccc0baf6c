package binding

import (
	"math"
	"strings"
)

// ActionPreferenceType is the Type string of the *Action common parameters.
const ActionPreferenceType = "ActionPreference"

// actionPreferences are ActionPreference's names in enum-value order, the
// order pwsh lists them in conversion errors.
var actionPreferences = []string{"SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"}

func allSets() []ParamSet { return []ParamSet{{Name: AllSets, Position: -1}} }

func commonParam(name, typ, alias, help string) *ParamInfo {
	p := &ParamInfo{Name: name, Type: typ, Aliases: []string{alias}, Sets: allSets(), Help: help}
	if name == "OutBuffer" {
		p.ValidateRange = &[2]float64{0, math.MaxInt32}
	}
	return p
}

// CommonParams returns the ParamInfos of the common parameters, in pwsh's
// order (for help and completion). Each call returns fresh values.
func CommonParams() []*ParamInfo {
	return []*ParamInfo{
		commonParam("Verbose", "SwitchParameter", "vb", "Displays detailed information about the operation."),
		commonParam("Debug", "SwitchParameter", "db", "Displays programmer-level detail about the operation."),
		commonParam("ErrorAction", ActionPreferenceType, "ea", "Determines how the command responds to a non-terminating error."),
		commonParam("WarningAction", ActionPreferenceType, "wa", "Determines how the command responds to a warning."),
		commonParam("InformationAction", ActionPreferenceType, "infa", "Determines how the command responds to information messages."),
		commonParam("ProgressAction", ActionPreferenceType, "proga", "Determines how the command responds to progress updates."),
		commonParam("ErrorVariable", "String", "ev", "Stores error messages about the command in the specified variable."),
		commonParam("WarningVariable", "String", "wv", "Stores warnings about the command in the specified variable."),
		commonParam("InformationVariable", "String", "iv", "Stores information messages in the specified variable."),
		commonParam("OutVariable", "String", "ov", "Stores output objects in the specified variable."),
		commonParam("OutBuffer", "Int32", "ob", "Determines the number of objects to accumulate in a buffer before sending them through the pipeline."),
		commonParam("PipelineVariable", "String", "pv", "Stores the current pipeline object in the specified variable."),
	}
}

// ShouldProcessParams returns the WhatIf and Confirm ParamInfos.
func ShouldProcessParams() []*ParamInfo {
	return []*ParamInfo{
		commonParam("WhatIf", "SwitchParameter", "wi", "Shows what would happen if the command runs. The command is not run."),
		commonParam("Confirm", "SwitchParameter", "cf", "Prompts you for confirmation before running the command."),
	}
}

// IsCommonParam reports whether name is a common or ShouldProcess
// parameter's canonical name (case-insensitive).
func IsCommonParam(name string) bool {
	for _, p := range CommonParams() {
		if strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return strings.EqualFold(name, "WhatIf") || strings.EqualFold(name, "Confirm")
}
