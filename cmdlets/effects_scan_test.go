package cmdlets_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// bypasses are the calls by which a cmdlet could write a file or reach the
// network without the runtime's effect handlers, and so without the
// durability barrier: a cmdlet writes through Call.OpenFile or
// Call.ReplaceFile and sends mail through Call.SendMail instead.
var bypasses = map[string]bool{
	"os.Create": true, "os.CreateTemp": true, "os.OpenFile": true, "os.WriteFile": true,
	"os.Truncate": true, "atomicfile.Write": true, "atomicfile.WriteFile": true,
	"smtp.SendMail": true, "smtp.Dial": true, "net.Dial": true, "net.DialTimeout": true,
}

// TestEffectsLeaveThroughHandlers reads every non-test file of the cmdlet
// packages and fails on a call that bypasses the handlers, a Sync call
// (syncing is the handlers' job) or a call of the barrier by hand.
func TestEffectsLeaveThroughHandlers(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		for _, bad := range bypassesIn(f) {
			if bad.name == ".Sync" && filepath.ToSlash(p) == "teams/tenant.go" && inBarrier(f, bad) {
				// Tenant.Sync is the session's barrier function itself
				// (registered with AddBarrier): it commits and syncs the
				// session's groups of changes.
				continue
			}
			if bad.name == ".Sync" && strings.HasPrefix(filepath.ToSlash(p), "admincenter/") {
				// The admin center is a host, not a cmdlet: its pages
				// leave through HTTP, not the runtime, so it syncs the
				// store itself before each one (Server.read).
				continue
			}
			t.Errorf("%s: %s bypasses the runtime's effect handlers", fset.Position(bad.Pos()), bad.name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestEffectsScanCatchesBypasses proves the scan sees what it looks for.
func TestEffectsScanCatchesBypasses(t *testing.T) {
	src := `package p
import ("os"; "net/smtp")
func f(g *os.File) {
	os.OpenFile("x", 0, 0)
	g.Sync()
	smtp.SendMail("", nil, "", nil, nil)
	c.Runtime().Barrier()
	os.ReadFile("fine")
}`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range bypassesIn(f) {
		got = append(got, b.name)
	}
	want := "os.OpenFile|.Sync|smtp.SendMail|.Barrier"
	if strings.Join(got, "|") != want {
		t.Errorf("found %q, want %s", got, want)
	}
}

// inBarrier reports whether the call lies in the method Sync of Tenant,
// the barrier function the teams cmdlets register.
func inBarrier(f *ast.File, b bypass) bool {
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != "Sync" || fd.Recv == nil || len(fd.Recv.List) != 1 {
			continue
		}
		star, ok := fd.Recv.List[0].Type.(*ast.StarExpr)
		if !ok {
			continue
		}
		if id, ok := star.X.(*ast.Ident); ok && id.Name == "Tenant" && b.Pos() >= fd.Pos() && b.End() <= fd.End() {
			return true
		}
	}
	return false
}

// bypass is one offending call.
type bypass struct {
	ast.Node
	name string
}

// bypassesIn lists the calls of f that bypass the handlers.
func bypassesIn(f *ast.File) []bypass {
	imported := map[string]string{} // local name → import path
	for _, spec := range f.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		name := filepath.Base(path)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		imported[name] = path
	}
	var out []bypass
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if sel.Sel.Name == "Sync" || sel.Sel.Name == "Barrier" {
			out = append(out, bypass{call, "." + sel.Sel.Name})
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && imported[id.Name] != "" {
			name := filepath.Base(imported[id.Name]) + "." + sel.Sel.Name
			if bypasses[name] {
				out = append(out, bypass{call, name})
			}
		}
		return true
	})
	return out
}
