package engine

import (
	"fmt"
	"sort"
	"strings"
)

// ModuleVersionSpec is what a script asks of a module's version:
// Import-Module's -RequiredVersion, -MinimumVersion and -MaximumVersion,
// or a #Requires -Modules @{ModuleName=…; ModuleVersion=…} entry. Empty
// fields ask nothing.
type ModuleVersionSpec struct {
	Required string
	Minimum  string
	Maximum  string
}

// Empty reports whether the spec asks for no particular version.
func (s ModuleVersionSpec) Empty() bool {
	return s.Required == "" && s.Minimum == "" && s.Maximum == ""
}

// Matches reports whether version v satisfies the spec.
func (s ModuleVersionSpec) Matches(v string) bool {
	if s.Required != "" && CompareVersions(v, s.Required) != 0 {
		return false
	}
	if s.Minimum != "" && CompareVersions(v, s.Minimum) < 0 {
		return false
	}
	if s.Maximum != "" && CompareVersions(v, s.Maximum) > 0 {
		return false
	}
	return true
}

// String is the version pwsh names in its "module with version … not
// loaded" error.
func (s ModuleVersionSpec) String() string {
	switch {
	case s.Required != "":
		return s.Required
	case s.Minimum != "":
		return s.Minimum
	}
	return s.Maximum
}

// VersionedModule is a module that exists in several versions of which
// the session has one loaded, such as MicrosoftTeams: importing another
// version changes which commands and parameters the session has.
type VersionedModule interface {
	// Version is the version loaded now.
	Version() string
	// Active reports whether this module is the one in effect, when
	// several names share the commands (a module and its predecessor).
	Active() bool
	// Load switches the session to the newest available version that
	// spec matches and returns it; ok is false when none matches (and
	// nothing changed).
	Load(spec ModuleVersionSpec) (version string, ok bool)
}

// AddVersionedModule records a known module that has versions.
func (rt *Runtime) AddVersionedModule(name string, m VersionedModule) {
	rt.AddModule(name)
	if rt.versioned == nil {
		rt.versioned = map[string]VersionedModule{}
	}
	rt.versioned[strings.ToLower(name)] = m
}

// VersionedModule returns the versioned module of that name.
func (rt *Runtime) VersionedModule(name string) (VersionedModule, bool) {
	m, ok := rt.versioned[strings.ToLower(name)]
	return m, ok
}

// ModuleVersionNotFound is pwsh's error when no version of a module
// matches what Import-Module asked for.
func ModuleVersionNotFound(name string, spec ModuleVersionSpec) *ErrorRecord {
	return NewError("ResourceUnavailable", "Modules_ModuleWithVersionNotFound", name,
		"The specified module '%s' with version '%s' was not loaded because no valid module file was found in any module directory.",
		name, spec.String()).WithException("System.IO.FileNotFoundException")
}

// CompareVersions orders two dotted version strings numerically ("2.6.0"
// < "2.10"); missing parts count as 0. It returns -1, 0 or 1.
func CompareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) || i < len(pb); i++ {
		var x, y int
		if i < len(pa) {
			fmt.Sscanf(pa[i], "%d", &x)
		}
		if i < len(pb) {
			fmt.Sscanf(pb[i], "%d", &y)
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// MarkImported records that the session imported a module (Import-Module,
// #Requires -Modules); Get-Module lists the imported ones.
func (rt *Runtime) MarkImported(name string) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.imported == nil {
		rt.imported = map[string]string{}
	}
	rt.imported[strings.ToLower(name)] = name
}

// IsImported reports whether the session imported the module.
func (rt *Runtime) IsImported(name string) bool {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	_, ok := rt.imported[strings.ToLower(name)]
	return ok
}

// ImportedModules lists the imported modules' names, sorted.
func (rt *Runtime) ImportedModules() []string {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	out := make([]string, 0, len(rt.imported))
	for _, n := range rt.imported {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// SetFullCmdlets gives the declarations of every version of a versioned
// module's cmdlets, whichever version is loaded: full(name) returns the
// cmdlet with all the parameters any version had, or nil. History
// masking reads them, so a secret typed to a cmdlet or parameter the
// loaded version lacks is still masked.
func (rt *Runtime) SetFullCmdlets(full func(name string) *Cmdlet) {
	rt.fullCmdlets = append(rt.fullCmdlets, full)
}

// fullCmdlet is the full declaration of a cmdlet of a versioned module.
func (rt *Runtime) fullCmdlet(name string) *Cmdlet {
	for _, f := range rt.fullCmdlets {
		if c := f(name); c != nil {
			return c
		}
	}
	return nil
}
