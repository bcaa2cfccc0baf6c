package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
)

// The module generations csshell emulates. A session has one loaded: the
// newest MicrosoftTeams unless a script asks for another with
// Import-Module -RequiredVersion/-MaximumVersion, #Requires -Modules, or
// Import-Module SkypeOnlineConnector (the remote-PowerShell era).
const (
	// moduleTeams is today's module.
	moduleTeams = "MicrosoftTeams"
	// moduleConnector is the Skype for Business Online connector of
	// 2017–2021 (New-CsOnlineSession + Import-PSSession).
	moduleConnector = "SkypeOnlineConnector"
	// moduleLyncConnector is the connector's first name.
	moduleLyncConnector = "LyncOnlineConnector"

	// newestTeamsVersion is the MicrosoftTeams version a session loads by
	// default: the one whose documentation csshell follows (the
	// MicrosoftDocs reference of 2026-08).
	newestTeamsVersion = "7.7.0"
	// oldestTeamsVersion is the first MicrosoftTeams version csshell
	// offers.
	oldestTeamsVersion = "1.0.0"
	// connectorVersion is the last SkypeOnlineConnector release.
	connectorVersion = "7.0.0.0"
)

// generation is the module version a session has loaded.
type generation struct {
	module  string // moduleTeams, moduleConnector or moduleLyncConnector
	version string
}

// newestGeneration is what a session starts with.
var newestGeneration = generation{module: moduleTeams, version: newestTeamsVersion}

// connector reports whether this is the remote-PowerShell era.
func (g generation) connector() bool { return g.module != moduleTeams }

// teamsVersion places g on the MicrosoftTeams version line: the
// connector era comes before every MicrosoftTeams version ("0").
func (g generation) teamsVersion() string {
	if g.connector() {
		return "0"
	}
	return g.version
}

// before reports whether g comes before MicrosoftTeams version v.
func (g generation) before(v string) bool {
	return engine.CompareVersions(g.teamsVersion(), v) < 0
}

// has reports whether an item added in version added ("" for always)
// and removed in version removed ("" for never) exists in g.
func (g generation) has(added, removed string) bool {
	if added != "" && g.before(added) {
		return false
	}
	return removed == "" || g.before(removed)
}

// String names the generation as Get-Module would: "MicrosoftTeams 2.6.0".
func (g generation) String() string { return g.module + " " + g.version }

// generationFor chooses the generation of a module that spec asks for:
// the newest version that matches.
func generationFor(module string, spec engine.ModuleVersionSpec) (generation, bool) {
	if !strings.EqualFold(module, moduleTeams) {
		name := moduleConnector
		if strings.EqualFold(module, moduleLyncConnector) {
			name = moduleLyncConnector
		}
		g := generation{module: name, version: connectorVersion}
		return g, spec.Matches(g.version)
	}
	v := newestTeamsVersion
	switch {
	case spec.Required != "":
		v = spec.Required
	case spec.Maximum != "" && engine.CompareVersions(spec.Maximum, v) < 0:
		v = spec.Maximum
	}
	if engine.CompareVersions(v, oldestTeamsVersion) < 0 || engine.CompareVersions(v, newestTeamsVersion) > 0 || !spec.Matches(v) {
		return generation{}, false
	}
	return generation{module: moduleTeams, version: v}, true
}
