package psreadline

import (
	"sort"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// typeKeyHandler is the type of Get-PSReadLineKeyHandler's output.
const typeKeyHandler = "Microsoft.PowerShell.KeyHandler"

// notInViMode is PSReadLine's warning for -ViMode outside the Vi mode.
const notInViMode = "The -ViMode parameter was used, but the current EditMode is not Vi."

// chordParam declares -Chord (alias Key) at position 0, mandatory in sets
// (every set when none is named).
func chordParam(help string, sets ...string) *engine.ParamInfo {
	if len(sets) == 0 {
		sets = []string{engine.AllSets}
	}
	p := &engine.ParamInfo{Name: "Chord", Type: "String[]", Aliases: []string{"Key"}, ValidateNotNullOrEmpty: true, Help: help}
	for _, s := range sets {
		p.Sets = append(p.Sets, engine.ParamSet{Name: s, Position: 0, Mandatory: true})
	}
	return p
}

// keyHandlerObject is one KeyHandler row.
func keyHandlerObject(key, fn, description string) *value.Object {
	o := value.NewObject(typeKeyHandler, "System.Object")
	f, known := lookupFunction(fn)
	if description == "" && known {
		description = f.description
	}
	if description == "" {
		description = fn
	}
	g := groupCustom
	if known {
		g = f.group
	}
	o.Set("Key", key)
	o.Set("Function", fn)
	o.Set("Description", description)
	o.Set("Group", groupNames[g])
	return o
}

// writeHandlers writes key handler rows grouped as the cmdlet does: by
// group, then by function name (a stable sort keeps the table's order).
func writeHandlers(c *engine.Call, rows []*value.Object) error {
	order := func(o *value.Object) (int, string) {
		g, _ := o.Get("Group")
		fn, _ := o.Get("Function")
		for i, n := range groupNames {
			if n == g {
				return i, value.ToString(fn)
			}
		}
		return len(groupNames), value.ToString(fn)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		gi, fi := order(rows[i])
		gj, fj := order(rows[j])
		if gi != gj {
			return gi < gj
		}
		return compareNames(fi, fj) < 0
	})
	for _, r := range rows {
		if err := c.WriteObject(r); err != nil {
			return err
		}
	}
	return nil
}

// compareNames orders function names as .NET's culture-aware comparer
// does: letters before case.
func compareNames(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return -strings.Compare(a, b)
}

// normalizeChords reads each chord, stopping at the first PSReadLine
// cannot: its ArgumentException.
func normalizeChords(chords []string) ([]string, error) {
	out := make([]string, 0, len(chords))
	for _, ch := range chords {
		n, err := normalizeChord(ch)
		if err != nil {
			return out, thrown("System.ArgumentException", err.Error())
		}
		out = append(out, n)
	}
	return out, nil
}

// viTables reports whether a key handler cmdlet works on the Vi tables
// (the Vi mode, or -ViMode given), warning when -ViMode is used in
// another mode as PSReadLine does.
func viTables(c *engine.Call, viMode engine.Param[any]) (bool, error) {
	inVi := c.Runtime().ReadLineOptions().EditMode == "Vi"
	raw, given := viMode.Lookup(c)
	if given {
		if _, err := enumViMode.convert(viMode.Name(), raw); err != nil {
			return false, err
		}
		if !inVi {
			c.WriteWarning(notInViMode)
		}
	}
	return inVi || given, nil
}

// keyHandlerParams are Set-PSReadLineKeyHandler's parameters.
type keyHandlerParams struct {
	chord            engine.Param[[]string]
	viMode           engine.Param[any]
	scriptBlock      engine.Param[any]
	briefDescription engine.Param[string]
	description      engine.Param[string]
	function         engine.Param[string]
}

func newKeyHandlerParams() *keyHandlerParams {
	sb := engine.ParamInSets("ScriptBlock", "ScriptBlock", "Specifies the script block run when the chord is pressed: it gets the key and an argument.", 1, true, "ScriptBlock")
	sb.ValidateNotNull = true
	desc := engine.NamedParamInSets("Description", "String", "Specifies a longer description of the script block, shown by Get-PSReadLineKeyHandler.", "ScriptBlock")
	desc.Aliases = []string{"LongDescription"}
	fn := engine.ParamInSets("Function", "String", "Specifies the PSReadLine function the chord runs (Get-PSReadLineKeyHandler -Unbound lists the unbound ones).", 1, true, "Function")
	fn.ValidateSet = functionNames()
	return &keyHandlerParams{
		chord:            engine.Declare[[]string](chordParam("Specifies the key or sequence of keys to bind, such as Ctrl+r, Alt+b, Shift+Enter or Ctrl+x,Ctrl+u.")),
		viMode:           engine.Declare[any](enumViMode.param("ViMode", "Specifies the Vi mode (Insert or Command) whose bindings change.")),
		scriptBlock:      engine.Declare[any](sb),
		briefDescription: engine.Declare[string](engine.NamedParamInSets("BriefDescription", "String", "Specifies a short name of the script block, shown as its Function.", "ScriptBlock")),
		description:      engine.Declare[string](desc),
		function:         engine.Declare[string](fn),
	}
}

func (p *keyHandlerParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.chord.Info(), p.viMode.Info(), p.scriptBlock.Info(), p.briefDescription.Info(), p.description.Info(), p.function.Info()}
}

// setKeyHandler is Set-PSReadLineKeyHandler: each chord is bound in turn
// (a chord PSReadLine cannot read stops it, those before it bound).
func setKeyHandler(c *engine.Call, p *keyHandlerParams) error {
	vi, err := viTables(c, p.viMode)
	if err != nil {
		return err
	}
	h := engine.KeyHandler{}
	if name, ok := p.function.Lookup(c); ok {
		f, _ := lookupFunction(name)
		h.Function = f.name
	} else {
		h.Script = scriptBlock(p.scriptBlock.Get(c))
		h.Function = p.briefDescription.Get(c)
		if strings.TrimSpace(h.Function) == "" {
			h.Function = "CustomAction"
		}
		h.Description = p.description.Get(c)
		if strings.TrimSpace(h.Description) == "" {
			h.Description = "User defined action"
		}
	}
	chords, err := normalizeChords(p.chord.Get(c))
	if vi && c.Runtime().ReadLineOptions().EditMode != "Vi" {
		// Outside the Vi mode, -ViMode changes the Vi tables only.
		return err
	}
	c.Runtime().UpdateReadLineOptions(func(o *engine.ReadLineOptions) {
		for _, ch := range chords {
			o.UnboundChords = without(o.UnboundChords, ch)
			o.KeyHandlers = append(withoutChord(o.KeyHandlers, ch), engine.KeyHandler{Chord: ch, Function: h.Function, Description: h.Description, Script: h.Script})
		}
	})
	return err
}

// removeKeyHandler is Remove-PSReadLineKeyHandler.
func removeKeyHandler(c *engine.Call, chord engine.Param[[]string], viMode engine.Param[any]) error {
	vi, err := viTables(c, viMode)
	if err != nil {
		return err
	}
	chords, err := normalizeChords(chord.Get(c))
	if vi && c.Runtime().ReadLineOptions().EditMode != "Vi" {
		return err
	}
	c.Runtime().UpdateReadLineOptions(func(o *engine.ReadLineOptions) {
		for _, ch := range chords {
			o.KeyHandlers = withoutChord(o.KeyHandlers, ch)
			o.UnboundChords = append(without(o.UnboundChords, ch), ch)
		}
	})
	return err
}

// without returns list less s.
func without(list []string, s string) []string {
	out := list[:0:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// withoutChord returns the handlers less those of chord.
func withoutChord(list []engine.KeyHandler, chord string) []engine.KeyHandler {
	out := list[:0:0]
	for _, h := range list {
		if h.Chord != chord {
			out = append(out, h)
		}
	}
	return out
}

// getKeyHandlerParams are Get-PSReadLineKeyHandler's parameters.
type getKeyHandlerParams struct {
	bound, unbound engine.Param[bool]
	chord          engine.Param[[]string]
}

func newGetKeyHandlerParams() *getKeyHandlerParams {
	return &getKeyHandlerParams{
		bound:   engine.Declare[bool](engine.NamedParamInSets("Bound", "SwitchParameter", "Lists the bound keys (the default).", "FullListing")),
		unbound: engine.Declare[bool](engine.NamedParamInSets("Unbound", "SwitchParameter", "Lists the functions no key is bound to.", "FullListing")),
		chord:   engine.Declare[[]string](chordParam("Specifies the keys or sequences of keys whose bindings are listed.", "SpecificBindings")),
	}
}

// getKeyHandler is Get-PSReadLineKeyHandler.
func getKeyHandler(c *engine.Call, p *getKeyHandlerParams) error {
	d := newDispatch(c.Runtime().ReadLineOptions())
	var rows []*value.Object
	if chords, ok := p.chord.Lookup(c); ok {
		// The listing is grouped before anything is written: a chord
		// PSReadLine cannot read fails it all.
		keys, err := normalizeChords(chords)
		if err != nil {
			return err
		}
		for _, k := range keys {
			if h, ok := d.lookup(k); ok {
				rows = append(rows, keyHandlerObject(k, h.function, h.description))
			}
		}
		return writeHandlers(c, rows)
	}
	bound, unbound := true, false
	b, bGiven := p.bound.Lookup(c)
	u, uGiven := p.unbound.Lookup(c)
	switch {
	case bGiven && uGiven:
		bound, unbound = b, u
	case bGiven:
		bound = b
	case uGiven:
		bound, unbound = false, u
	}
	boundFunctions := map[string]bool{}
	for _, h := range d.bound() {
		boundFunctions[strings.ToLower(h.function)] = true
		if bound {
			rows = append(rows, keyHandlerObject(h.chord, h.function, h.description))
		}
	}
	if unbound {
		boundFunctions["selfinsert"] = true
		for _, f := range functions {
			if !boundFunctions[strings.ToLower(f.name)] {
				rows = append(rows, keyHandlerObject("Unbound", f.name, ""))
			}
		}
	}
	return writeHandlers(c, rows)
}

// keyHandlerView is PSReadLine.format.ps1xml's PSReadLine-KeyBindings
// table, grouped by Group.
func keyHandlerView() format.View {
	return format.View{TypeName: typeKeyHandler, Kind: format.TableView, GroupBy: "Group",
		Columns: []format.Column{{Property: "Key"}, {Property: "Function"}, {Property: "Description"}}}
}
