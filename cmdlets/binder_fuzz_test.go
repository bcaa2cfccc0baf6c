package cmdlets_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/storage/badgerstore"
)

// FuzzBind binds random argument lists against the real metadata of every
// registered cmdlet (core, MicrosoftTeams and csshell's own): Bind and
// Partial never panic, and when Bind succeeds Partial agrees with it (no
// problem, nothing bound that Bind did not bind, the same parameter set);
// when Bind refuses the command line, Partial reports that refusal first.
// A pipeline-expecting binding is also fed input objects (BindInput).
func FuzzBind(f *testing.F) {
	fz := binderFuzz(f)
	// Seeds: each cmdlet with a few typical lines (the op bytes are read
	// by argsFrom below).
	for _, m := range fz.metas {
		f.Add(m.Name, []byte{0, 0, 3, 1})
		f.Add(m.Name, []byte{3, 1, 1, 2, 3, 4, 4, 5, 2, 0, 3, 7})
		f.Add(m.Name, []byte{6, 0, 3, 11, 7, 5, 3, 9})
	}
	f.Fuzz(func(t *testing.T, cmd string, ops []byte) {
		if len(ops) > 256 {
			return
		}
		m := fz.meta(cmd)
		args := fz.argsFrom(m, ops)
		name := m.Name + argsLine(args)

		prompt := func(*binding.ParamInfo) (any, error) { return "p", nil }
		got, err := binding.Bind(m, args, binding.Options{Prompt: prompt})
		pb := binding.Partial(m, args, -1)
		be, _ := err.(*binding.Error)
		switch {
		case be != nil && lineErrors[be.ErrorID]:
			if len(pb.Problems) == 0 || pb.Problems[0].Err.Msg != be.Msg {
				t.Fatalf("%s: Bind fails with %q, Partial problems %v", name, be.Msg, problems(pb))
			}
		case be != nil && be.ErrorID == "AmbiguousParameterSet":
			// Partial leaves the choice of set open rather than failing.
			if _, ok := pb.Set(); ok && len(pb.Problems) == 0 {
				t.Fatalf("%s: Bind cannot choose a parameter set, Partial chooses one without a problem", name)
			}
		case err == nil:
			if len(pb.Problems) > 0 {
				t.Fatalf("%s: Bind succeeds, Partial reports %v", name, problems(pb))
			}
			if fz.typeDirected[m.Name] && hasPositional(args) {
				// Bind picks among parameters sharing a position by
				// converting the value; Partial converts nothing and
				// takes the first one the value fits without coercion,
				// else the first (engine/binding/positional.go): which
				// parameter and set it names may then differ.
				break
			}
			for _, p := range pb.Bound {
				if _, ok := got.Params[p.Name]; !ok {
					t.Fatalf("%s: Partial binds %s, Bind does not", name, p.Name)
				}
			}
			if set, ok := pb.Set(); !ok || set != got.Set {
				t.Fatalf("%s: Partial set %q (%v), Bind set %q", name, set, ok, got.Set)
			}
		}
		// What completion and history masking see: the same line with
		// every value unknown, the cursor on each argument in turn.
		unknown := make([]binding.Arg, len(args))
		for i, a := range args {
			if a.HasValue && !a.IsParam || a.Colon {
				a.Value, a.Unknown = nil, true
			}
			unknown[i] = a
		}
		for cur := -1; cur <= len(unknown); cur++ {
			p := binding.Partial(m, unknown, cur)
			_ = p.Offerable("")
			_, _ = p.Set()
		}
		// With pipeline input expected, each input object is bound.
		if in, err := binding.Bind(m, args, binding.Options{ExpectingInput: true}); err == nil {
			for _, item := range fz.values {
				_, _, _ = in.BindInput(item)
			}
		}
	})
}

// lineErrors are the refusals of a command line as written (names,
// positions, sets): Partial finds them too, as it converts nothing.
var lineErrors = map[string]bool{
	"NamedParameterNotFound": true, "AmbiguousParameter": true, "ParameterAlreadyBound": true,
	"MissingArgument": true, "PositionalParameterNotFound": true,
}

// binderFuzzer holds the metadata and the argument material of FuzzBind.
type binderFuzzer struct {
	metas []*binding.Meta
	// typeDirected names the cmdlets where parameters of different
	// types share a position (in different sets).
	typeDirected map[string]bool
	values       []any    // argument values: plain, engine-made, awkward
	names        []string // parameter names that match nothing or too much
}

var binderFuzzOnce struct {
	sync.Once
	fz  *binderFuzzer
	err error
}

// binderFuzz builds, once per process, a runtime with every cmdlet module
// registered over an in-memory demo tenant (never closed: the fuzz inputs
// of the process share it) and collects every cmdlet's metadata.
func binderFuzz(tb testing.TB) *binderFuzzer {
	binderFuzzOnce.Do(func() {
		store, err := badgerstore.Options{Now: func() time.Time { return tenanttest.Clock }}.OpenInMemory()
		if err != nil {
			binderFuzzOnce.err = err
			return
		}
		s := tenanttest.NewSession(tb, store, "", false)
		fz := &binderFuzzer{typeDirected: map[string]bool{}}
		for _, c := range s.RT.Cmdlets() {
			ci, ok := s.RT.LookupCommand(c.Name)
			if !ok {
				binderFuzzOnce.err = fmt.Errorf("registered cmdlet %s not found", c.Name)
				return
			}
			m := ci.Meta()
			fz.metas = append(fz.metas, m)
			typeAt := map[int]string{}
			for _, p := range m.Params {
				for _, set := range p.Sets {
					if t, ok := typeAt[set.Position]; ok && set.Position >= 0 && !strings.EqualFold(t, p.Type) {
						fz.typeDirected[m.Name] = true
					}
					typeAt[set.Position] = p.Type
				}
			}
		}
		s.RT.Execute(context.Background(), "<fuzz>", `
$fuzzBlock = { $_ }
$fuzzObject = [pscustomobject]@{ Identity = 'amos.marble@contoso.com'; Pin = '24680'; Name = 'x'; Path = 'nope'; InputObject = 1 }
$fuzzHash = @{ Identity = 'ken.myer@contoso.com'; ResetLeaderPin = $true }
$fuzzSwitch = [switch]$true
$fuzzDate = [datetime]'2026-11-26'
$fuzzArray = @('a', 1, $null, @(2, 3))`)
		for _, v := range []string{"fuzzBlock", "fuzzObject", "fuzzHash", "fuzzSwitch", "fuzzDate", "fuzzArray"} {
			x, ok := s.RT.GetVariable(v)
			if !ok {
				binderFuzzOnce.err = fmt.Errorf("$%s not set: %s", v, s.Buf.String())
				return
			}
			fz.values = append(fz.values, x)
		}
		fz.values = append(fz.values, nil, "", "amos.marble@contoso.com", "sip:ken.myer@contoso.com", "Conference Bridge",
			int32(5), int32(-1), int64(1)<<40, 3.5, true, false, "12345", "a\x00b", strings.Repeat("9", 5000), "Stop",
			"True", "*", []any{}, []any{"x", int32(2)}, "-Identity", "1e309", "0x7fffffff")
		fz.names = []string{"", "I", "Id", "Ide", "Pin", "P", "Lea", "E", "Er", "Wa", "Wh", "Co", "c", "Ver", "Unknown", "Identity:", "--", "Ü", "-"}
		binderFuzzOnce.fz = fz
	})
	if binderFuzzOnce.err != nil {
		tb.Fatal(binderFuzzOnce.err)
	}
	return binderFuzzOnce.fz
}

// meta is the metadata of the cmdlet named cmd; any other name picks a
// cmdlet by its length.
func (fz *binderFuzzer) meta(cmd string) *binding.Meta {
	for _, m := range fz.metas {
		if strings.EqualFold(m.Name, cmd) {
			return m
		}
	}
	return fz.metas[len(cmd)%len(fz.metas)]
}

// argsFrom reads an argument list from ops, two bytes an argument: what
// to write (op % 8) and which parameter, prefix length or value.
func (fz *binderFuzzer) argsFrom(m *binding.Meta, ops []byte) []binding.Arg {
	params := append([]*binding.ParamInfo{}, m.Params...)
	params = append(params, binding.CommonParams()...)
	if m.SupportsShouldProcess {
		params = append(params, binding.ShouldProcessParams()...)
	}
	var args []binding.Arg
	named := func(name string) binding.Arg {
		return binding.Arg{Name: name, IsParam: true, Text: "-" + name}
	}
	for i := 0; i+1 < len(ops); i += 2 {
		op, n := ops[i], int(ops[i+1])
		p := params[n%len(params)]
		v := fz.values[n%len(fz.values)]
		switch op % 8 {
		case 0: // -Name
			args = append(args, named(p.Name))
		case 1: // -Prefix
			args = append(args, named(p.Name[:1+n%len(p.Name)]))
		case 2: // -Alias (or the name, if it has none)
			name := p.Name
			if len(p.Aliases) > 0 {
				name = p.Aliases[n%len(p.Aliases)]
			}
			args = append(args, named(name))
		case 3: // a value
			args = append(args, binding.Arg{Value: v, HasValue: true, Text: fmt.Sprint(v)})
		case 4: // -Name:value
			a := named(p.Name)
			a.Value, a.HasValue, a.Colon = v, true, true
			args = append(args, a)
		case 5: // a name that matches nothing, or several
			args = append(args, named(fz.names[n%len(fz.names)]))
		case 6: // splatted -Name value
			a := named(p.Name)
			a.Value, a.HasValue, a.Splatted, a.Text = v, true, true, ""
			args = append(args, a)
		case 7: // a splatted positional value
			args = append(args, binding.Arg{Value: v, HasValue: true, Splatted: true})
		}
	}
	return args
}

// hasPositional reports whether args hold a value not given by name.
func hasPositional(args []binding.Arg) bool {
	for _, a := range args {
		if !a.IsParam {
			return true
		}
	}
	return false
}

// argsLine renders args for a failure message.
func argsLine(args []binding.Arg) string {
	var sb strings.Builder
	for _, a := range args {
		switch {
		case a.IsParam && a.Colon:
			fmt.Fprintf(&sb, " -%s:%s", a.Name, shortValue(a.Value))
		case a.IsParam && a.HasValue:
			fmt.Fprintf(&sb, " @{%s=%s}", a.Name, shortValue(a.Value))
		case a.IsParam:
			fmt.Fprintf(&sb, " -%s", a.Name)
		case a.Splatted:
			fmt.Fprintf(&sb, " @(%s)", shortValue(a.Value))
		default:
			fmt.Fprintf(&sb, " %s", shortValue(a.Value))
		}
	}
	return sb.String()
}

// shortValue names a value in a failure message.
func shortValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "$null"
	case string:
		if len(x) > 20 {
			return fmt.Sprintf("%q…(%d bytes)", x[:20], len(x))
		}
		return fmt.Sprintf("%q", x)
	case int32, int64, float64, bool:
		return fmt.Sprintf("[%T]%v", x, x)
	}
	return fmt.Sprintf("[%T]", v)
}

// problems lists a partial binding's problems for a failure message.
func problems(pb *binding.PartialBinding) []string {
	var out []string
	for _, p := range pb.Problems {
		out = append(out, fmt.Sprintf("arg %d: %s", p.Arg, p.Err.Msg))
	}
	return out
}
