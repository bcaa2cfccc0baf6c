package csshell_test

import (
	"go/build"
	"os/exec"
	"strings"
	"testing"
)

// allowed lists, for each package of the module, the project packages it
// may import (directly). Everything else is a layering violation:
// cmd → shell → engine ← cmdlets → storage; engine's own layers are
// syntax and value at the bottom, then format and binding, then engine.
var allowed = map[string][]string{
	"engine/syntax":       {},
	"engine/value":        {},
	"engine/format":       {"engine/value"},
	"engine/binding":      {"engine/value"},
	"engine":              {"engine/syntax", "engine/value", "engine/format", "engine/binding"},
	"cmdlets":             {"engine", "engine/syntax", "engine/value", "engine/format", "engine/binding", "storage"},
	"storage":             {},
	"shell":               {"engine", "engine/syntax", "engine/value", "engine/format", "engine/binding", "shell/complete"},
	"shell/complete":      {"engine", "engine/syntax", "engine/value", "engine/binding"},
	"cmd/csshell":         {"shell", "cmdlets", "engine", "storage"},
	"internal/transcript": {"engine"},
}

const module = "github.com/csshell/csshell"

// TestLayering enforces the package layering (like go/build's deps_test).
func TestLayering(t *testing.T) {
	out, err := exec.Command("go", "list", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		rel := strings.TrimPrefix(strings.TrimPrefix(pkg, module), "/")
		if rel == "" {
			continue
		}
		ok, known := allowed[rel]
		if !known {
			t.Errorf("package %s is not in the layering table; add it with its allowed imports", rel)
			continue
		}
		p, err := build.Import(pkg, ".", 0)
		if err != nil {
			t.Fatalf("import %s: %v", pkg, err)
		}
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			dep := strings.TrimPrefix(imp, module+"/")
			if !contains(ok, dep) {
				t.Errorf("%s imports %s, which the layering forbids", rel, dep)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
