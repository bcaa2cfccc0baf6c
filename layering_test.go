package csshell_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The layering, in the manner of go/build's deps_test.go. Every package of
// the module is listed with the project packages it may import and the
// third-party modules it may use; the standard library is always allowed.
// Dependencies point down: cmd → shell → engine ← cmdlets → storage, with
// the Badger implementation (storage/badgerstore) reached only from cmd's
// wiring. Inside engine: syntax and value at the bottom, then format and
// binding, then engine itself.
//
// Test files are checked against the same project rule plus their own
// third-party list (testscript, pty, the Badger store for fixtures).
var layering = map[string]rule{
	"engine/syntax":  {},
	"engine/value":   {thirdParty: []string{"github.com/dlclark/regexp2/v2", "github.com/shopspring/decimal"}},
	"engine/format":  {project: []string{"engine/value"}, thirdParty: []string{"github.com/shopspring/decimal", "github.com/mattn/go-runewidth"}},
	"engine/binding": {project: []string{"engine/value"}, thirdParty: []string{"github.com/shopspring/decimal"}},
	"engine":         {project: []string{"engine/syntax", "engine/value", "engine/format", "engine/binding", "internal/secret", "internal/atomicfile"}},
	// effectstest logs a runtime's barrier and effect handlers for tests.
	"engine/effectstest": {project: []string{"engine"}, testOnly: true},

	"storage":             {},
	"storage/storagetest": {project: []string{"storage"}},
	// dialin is the caller's side (the attendant, the lobby, the keypad):
	// service rules over the storage contract, no engine.
	"storage/dialin": {project: []string{"storage", "internal/secret"}},
	"storage/badgerstore": {project: []string{"storage", "internal/atomicfile"},
		thirdParty: []string{"github.com/dgraph-io/badger/v4", "github.com/dgraph-io/ristretto/v2", "github.com/cespare/xxhash/v2", "google.golang.org/protobuf"}},
	"internal/atomicfile": {},
	"internal/secret":     {},
	"internal/transcript": {project: []string{"engine"}},

	"cmdlets/powershell": {project: []string{"engine", "engine/syntax", "engine/value", "engine/format", "engine/binding", "internal/atomicfile"},
		thirdParty: []string{"github.com/shopspring/decimal"}},
	"cmdlets/teams": {project: []string{"engine", "engine/syntax", "engine/value", "engine/format", "engine/binding", "storage", "internal/atomicfile", "internal/secret"},
		thirdParty: []string{"golang.org/x/crypto"}},
	"cmdlets/emulator": {project: []string{"engine", "engine/value", "engine/format", "engine/binding", "storage", "storage/dialin", "cmdlets/teams", "internal/atomicfile", "internal/secret"}},
	// admincenter is the web admin center: pages over the teams code.
	"cmdlets/admincenter": {project: []string{"engine", "engine/value", "storage", "storage/dialin", "cmdlets/teams", "cmdlets/emulator", "internal/secret"}},
	"cmdlets":             {project: []string{"engine", "cmdlets/powershell", "cmdlets/psreadline", "cmdlets/teams", "cmdlets/emulator", "cmdlets/admincenter", "cmdlets/pester"}},
	// psreadline is the PSReadLine module: the session's editor options.
	"cmdlets/psreadline": {project: []string{"engine", "engine/format", "engine/value"}},
	// pester is the built-in Pester 5: the language's hooks only.
	"cmdlets/pester": {project: []string{"engine", "engine/syntax", "engine/value"}},
	"cmdlets/internal/tenanttest": {project: []string{"engine", "storage", "storage/badgerstore", "cmdlets", "cmdlets/teams", "internal/transcript"},
		testOnly: true},

	"shell/complete": {project: []string{"engine", "engine/syntax", "engine/value", "engine/binding"}},
	"shell": {project: []string{"engine", "engine/syntax", "engine/value", "engine/format", "engine/binding", "shell/complete", "internal/atomicfile", "internal/secret"},
		thirdParty: []string{"github.com/c-bata/go-prompt", "github.com/fatih/color", "github.com/google/shlex", "golang.org/x/sys", "golang.org/x/term", "github.com/mattn/go-runewidth"}},

	"cmd/csshell": {project: []string{"shell", "cmdlets", "cmdlets/teams", "cmdlets/admincenter", "engine", "storage", "storage/badgerstore"},
		thirdParty: []string{"golang.org/x/term"}},
}

// testThirdParty are the third-party modules any test file may use.
var testThirdParty = []string{"github.com/rogpeppe/go-internal", "github.com/creack/pty", "github.com/dgraph-io/badger/v4",
	"github.com/chromedp/chromedp", "github.com/chromedp/cdproto", "github.com/hinshun/vt10x"}

// rule is what one package may import.
type rule struct {
	project    []string // project packages, relative to the module
	thirdParty []string // module paths (a package under one matches)
	// testOnly marks a package only tests may import.
	testOnly bool
}

const module = "github.com/csshell/csshell"

// TestLayering enforces the table on the module's own tree.
func TestLayering(t *testing.T) {
	for _, v := range checkLayering(t, ".", module, layering) {
		t.Error(v)
	}
}

// TestLayeringCatchesViolations proves the check reads what go list would
// skip and judges third-party imports: a file built only on Windows, a
// forbidden third-party import, an unknown package, and a test-only
// package imported by non-test code are all reported.
func TestLayeringCatchesViolations(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const mod = "example.com/m"
	write("go.mod", "module "+mod+"\n")
	write("engine/syntax/ok.go", "package syntax\n\nimport \"strings\"\n\nvar _ = strings.ToLower\n")
	write("engine/syntax/badger.go", "package syntax\n\nimport _ \"github.com/dgraph-io/badger/v4\"\n")
	write("engine/engine_windows.go", "//go:build windows\n\npackage engine\n\nimport _ \""+mod+"/storage\"\n")
	write("engine/engine.go", "package engine\n\nimport _ \""+mod+"/engine/syntax\"\n")
	write("engine/engine_test.go", "package engine\n\nimport _ \"github.com/creack/pty\"\n")
	write("storage/store.go", "package storage\n\nimport _ \""+mod+"/internal/fixture\"\n")
	write("internal/fixture/f.go", "package fixture\n")
	write("extra/x.go", "package extra\n")
	write("engine/testdata/ignored/x.go", "package ignored\n\nimport _ \"github.com/evil/pkg\"\n")
	rules := map[string]rule{
		"engine/syntax":    {},
		"engine":           {project: []string{"engine/syntax"}},
		"storage":          {},
		"internal/fixture": {testOnly: true},
	}
	got := checkLayering(t, root, mod, rules)
	want := []string{
		"engine/engine_windows.go imports storage, which the layering forbids",
		"engine/syntax/badger.go imports third-party github.com/dgraph-io/badger/v4, which the layering forbids",
		"extra is not in the layering table; add it with its allowed imports",
		"storage/store.go imports internal/fixture, which only tests may import",
		"storage/store.go imports internal/fixture, which the layering forbids",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// checkLayering reads the imports of every .go file under root (whatever
// its build constraints; testdata and dot directories are skipped, as the
// go tool skips them) and returns each violation of rules, sorted.
func checkLayering(t *testing.T, root, mod string, rules map[string]rule) []string {
	t.Helper()
	fset := token.NewFileSet()
	var out []string
	seenPkg := map[string]bool{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if p != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		pkg := path.Dir(rel)
		if pkg == "." {
			return nil // the module root holds only this test
		}
		isTest := strings.HasSuffix(rel, "_test.go")
		r, known := rules[pkg]
		if !known {
			if !seenPkg[pkg] {
				seenPkg[pkg] = true
				out = append(out, fmt.Sprintf("%s is not in the layering table; add it with its allowed imports", pkg))
			}
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, spec := range f.Imports {
			imp, _ := strconv.Unquote(spec.Path.Value)
			for _, fault := range judge(rules, r, imp, mod, isTest) {
				out = append(out, rel+" imports "+fault)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk %s: %v", root, err)
	}
	sort.Strings(out)
	return out
}

// judge lists what is wrong with pkg importing imp (nothing when it is
// allowed).
func judge(rules map[string]rule, r rule, imp, mod string, isTest bool) []string {
	if imp == mod || strings.HasPrefix(imp, mod+"/") {
		if isTest {
			return nil // tests may import any project package (fixtures, wiring)
		}
		dep := strings.TrimPrefix(strings.TrimPrefix(imp, mod), "/")
		var faults []string
		if dr, ok := rules[dep]; ok && dr.testOnly && !r.testOnly {
			faults = append(faults, dep+", which only tests may import")
		}
		if !contains(r.project, dep) {
			faults = append(faults, dep+", which the layering forbids")
		}
		return faults
	}
	if first := strings.SplitN(imp, "/", 2)[0]; !strings.Contains(first, ".") {
		return nil // the standard library
	}
	allowed := r.thirdParty
	if isTest {
		allowed = append(append([]string(nil), allowed...), testThirdParty...)
	}
	for _, m := range allowed {
		if imp == m || strings.HasPrefix(imp, m+"/") {
			return nil
		}
	}
	return []string{"third-party " + imp + ", which the layering forbids"}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestBadgerOnlyInItsStore checks the linked result, not only direct
// imports: no package but the Badger store and the wiring in cmd/csshell
// (and what imports them for tests) links Badger.
func TestBadgerOnlyInItsStore(t *testing.T) {
	pkgs := []string{"./engine/...", "./storage", "./storage/storagetest", "./cmdlets", "./cmdlets/powershell",
		"./cmdlets/teams", "./cmdlets/emulator", "./shell/...", "./internal/..."}
	args := append([]string{"list", "-deps"}, pkgs...)
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "github.com/dgraph-io/") || dep == module+"/storage/badgerstore" {
			t.Errorf("%s is linked by one of %v", dep, pkgs)
		}
	}
}
