package powershell

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// registerFormatCmdlets adds Format-Table, Format-List and Format-Wide.
func registerFormatCmdlets(rt *engine.Runtime) {
	ft, fl, fw := newFormatTableParams(), newFormatListParams(), newFormatWideParams()
	rt.Register(&engine.Cmdlet{
		Name: "Format-Table", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Formats the output as a table.",
		Description: "The Format-Table cmdlet formats the output of a command as a table with the selected properties of the object in each column.",
		Params:      ft.infos,
		Examples: []engine.Example{{Title: "Format a table with calculated columns",
			Code:    "Get-ChildItem | Format-Table Name, @{Name='KB'; Expression={$_.Length / 1KB}; FormatString='N1'}",
			Remarks: "Shows each file's name and its size in kilobytes."}},
		New: func() engine.Processor { return &formatCmd{kind: format.TableView, p: ft} },
	})
	rt.SetAliases("Format-Table", "ft")
	rt.Register(&engine.Cmdlet{
		Name: "Format-List", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Formats the output as a list of properties in which each property appears on a new line.",
		Description: "The Format-List cmdlet formats the output of a command as a list of properties in which each property is displayed on a separate line. Use * to show all the properties of an object.",
		Params:      fl.infos,
		Examples:    []engine.Example{{Title: "Show all properties", Code: "Get-Item ./a.txt | Format-List *", Remarks: "Lists every property of the file."}},
		New:         func() engine.Processor { return &formatCmd{kind: format.ListView, p: fl} },
	})
	rt.SetAliases("Format-List", "fl")
	rt.Register(&engine.Cmdlet{
		Name: "Format-Wide", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Formats objects as a wide table that displays only one property of each object.",
		Description: "The Format-Wide cmdlet formats objects as a wide table that displays only one property of each object.",
		Params:      fw.infos,
		Examples:    []engine.Example{{Title: "Show names in three columns", Code: "Get-ChildItem | Format-Wide -Column 3", Remarks: ""}},
		New:         func() engine.Processor { return &formatCmd{kind: format.WideView, p: fw} },
	})
	rt.SetAliases("Format-Wide", "fw")
}

// formatCmd is one Format-Table, Format-List or Format-Wide invocation: it
// collects its input and renders it in End.
type formatCmd struct {
	kind  format.Kind
	p     *formatParams
	items []any
}

// Begin does nothing.
func (f *formatCmd) Begin(c *engine.Call) error { return nil }

// Process collects one input object.
func (f *formatCmd) Process(c *engine.Call) error {
	if in, ok := f.p.inputObject.Lookup(c); ok {
		f.items = append(f.items, in)
	} else if c.HasInput {
		f.items = append(f.items, c.Input)
	}
	return nil
}

// End renders what was collected as one format.Deferred: the text at the
// console width, and the means to lay it out again at the width of the
// consumer (Out-String -Width, Out-File -Width).
func (f *formatCmd) End(c *engine.Call) error {
	items := make([]any, 0, len(f.items))
	for _, it := range f.items {
		if it != nil {
			items = append(items, outDisplay(it))
		}
	}
	if len(items) == 0 {
		return nil
	}
	width := c.Host().ConsoleWidth()
	text := f.renderAll(c, items, width, format.Style{})
	if text == "" {
		return nil
	}
	return c.WriteObject(format.Deferred{Text: text, Width: width,
		Render: func(w int, style format.Style) string { return f.renderAll(c, items, w, style) }})
}

// renderAll formats items at width, in groups when -GroupBy is given.
func (f *formatCmd) renderAll(c *engine.Call, items []any, width int, style format.Style) string {
	var text string
	if groupBy := f.p.groupBy.Get(c); groupBy != nil {
		label, key := fmtGroupKey(c, groupBy)
		var runs [][]any
		var keys []string
		for _, it := range items {
			k := key(it)
			if len(keys) == 0 || keys[len(keys)-1] != k {
				keys = append(keys, k)
				runs = append(runs, nil)
			}
			runs[len(runs)-1] = append(runs[len(runs)-1], it)
		}
		var b strings.Builder
		for i, run := range runs {
			if i == 0 {
				b.WriteString("\n")
			}
			b.WriteString("   " + label + ": " + keys[i] + "\n")
			b.WriteString(f.render(c, run, width, style))
		}
		text = b.String()
	} else {
		text = f.render(c, items, width, style)
	}
	return text
}

// render formats items in the cmdlet's shape at width.
func (f *formatCmd) render(c *engine.Call, items []any, width int, style format.Style) string {
	reg := c.Runtime().Formats
	spec := f.p.property.Get(c)
	switch f.kind {
	case format.TableView:
		var cols []format.Column
		if spec != nil {
			cols = fmtColumns(c, spec, fmtFirstObject(items), true)
		}
		text, _ := format.FormatTable(reg, items, format.TableOptions{Columns: cols, AutoSize: f.p.autoSize.Get(c),
			HideTableHeaders: f.p.hideTableHeaders.Get(c), Wrap: f.p.wrap.Get(c), Width: width, Style: style})
		return text
	case format.ListView:
		if spec == nil {
			text, _ := format.FormatList(reg, items, format.ListOptions{Width: width, Style: style})
			return text
		}
		if !fmtSpecHasWildcard(spec) {
			text, _ := format.FormatList(reg, items, format.ListOptions{Columns: fmtColumns(c, spec, fmtFirstObject(items), false), Width: width, Style: style})
			return text
		}
		var b strings.Builder
		for i, it := range items {
			text, _ := format.FormatList(reg, []any{it}, format.ListOptions{Columns: fmtColumns(c, spec, it, false), Width: width, Style: style})
			if i > 0 {
				text = strings.TrimPrefix(text, "\n")
			}
			b.WriteString(text)
		}
		return b.String()
	}
	// Format-Wide: compute each value, then lay the values out.
	prop := ""
	switch p := spec.(type) {
	case nil:
	case string:
		prop = p
	default:
		if cols := fmtColumns(c, spec, fmtFirstObject(items), false); len(cols) > 0 {
			col := cols[0]
			wrapped := make([]any, len(items))
			for i, it := range items {
				o := value.NewObject("csshell.WideValue")
				v, _ := fmtColumnValue(col, it)
				o.Set("Value", v)
				wrapped[i] = o
			}
			items, prop = wrapped, "Value"
		}
	}
	columns := f.p.column.Get(c)
	if f.p.autoSize.Get(c) && !f.p.column.Given(c) {
		longest := 1
		for _, it := range items {
			var v any = it
			if prop != "" {
				v, _ = value.GetMember(it, prop)
			} else if n, ok := value.GetMember(it, "Name"); ok {
				v = n
			}
			longest = max(longest, len([]rune(value.ToString(v))))
		}
		columns = max(1, (width+1)/(longest+1))
	}
	text, _ := format.FormatWide(reg, items, prop, columns, width)
	return text
}

// fmtFirstObject returns the first item, the one whose properties wildcards
// expand against.
func fmtFirstObject(items []any) any {
	if len(items) == 0 {
		return nil
	}
	return items[0]
}

// fmtSpecHasWildcard reports whether a -Property list holds a wildcard name.
func fmtSpecHasWildcard(spec any) bool {
	list, ok := value.Enumerate(spec)
	if !ok {
		list = []any{spec}
	}
	for _, e := range list {
		if s, ok := e.(string); ok && value.HasWildcard(s) {
			return true
		}
	}
	return false
}

// fmtPropertyNames lists the property names of v that wildcards match.
func fmtPropertyNames(v any) []string {
	switch x := v.(type) {
	case *value.Object:
		if len(x.Properties()) == 0 && x.Base != nil {
			return fmtPropertyNames(x.Base)
		}
		return x.PropertyNames()
	case *value.Hashtable:
		return []string{"IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values", "SyncRoot", "Count"}
	case string:
		return []string{"Length"}
	}
	return nil
}

// fmtColumnValue computes a column's value for item.
func fmtColumnValue(col format.Column, item any) (any, error) {
	if col.Value != nil {
		return col.Value(item)
	}
	v, _ := value.GetMember(item, col.Property)
	return v, nil
}

// fmtColumns turns a -Property argument (names, wildcards, script blocks and
// calculated-property hashtables) into columns.
func fmtColumns(c *engine.Call, spec any, first any, table bool) []format.Column {
	list, ok := value.Enumerate(spec)
	if !ok {
		list = []any{spec}
	}
	var cols []format.Column
	for _, e := range list {
		switch x := e.(type) {
		case *engine.ScriptBlock:
			sb := x
			cols = append(cols, format.Column{Label: strings.TrimSpace(sb.ScriptText()),
				Value: func(item any) (any, error) { return c.InvokeBlockValue(sb, item) }})
		case *value.Hashtable:
			cols = append(cols, fmtCalculated(c, x))
		case nil:
		default:
			name := value.ToString(x)
			if value.HasWildcard(name) {
				for _, n := range fmtPropertyNames(first) {
					if value.Like(n, name, false) {
						cols = append(cols, format.Column{Property: n})
					}
				}
				continue
			}
			cols = append(cols, format.Column{Property: name})
		}
	}
	return cols
}

// fmtCalculated reads a calculated property: Name/Label, Expression, Width,
// Alignment and FormatString, each key abbreviable.
func fmtCalculated(c *engine.Call, h *value.Hashtable) format.Column {
	var col format.Column
	keys, vals := h.Keys(), h.Values()
	for i, k := range keys {
		key := strings.ToLower(value.ToString(k))
		v := vals[i]
		switch {
		case key == "":
		case strings.HasPrefix("name", key) || strings.HasPrefix("label", key):
			col.Label = value.ToString(v)
		case strings.HasPrefix("expression", key):
			switch e := v.(type) {
			case *engine.ScriptBlock:
				sb := e
				col.Value = func(item any) (any, error) { return c.InvokeBlockValue(sb, item) }
				if col.Label == "" {
					col.Label = strings.TrimSpace(sb.ScriptText())
				}
			default:
				col.Property = value.ToString(e)
			}
		case strings.HasPrefix("width", key):
			if n, err := value.ConvertToName(v, "int"); err == nil {
				if w, ok := n.(int32); ok && w > 0 {
					col.Width = int(w)
				}
			}
		case strings.HasPrefix("alignment", key):
			switch strings.ToLower(value.ToString(v)) {
			case "left":
				col.Align = format.AlignLeft
			case "right":
				col.Align = format.AlignRight
			}
		case strings.HasPrefix("formatstring", key):
			col.FormatString = value.ToString(v)
		}
	}
	return col
}

// fmtGroupKey returns the label of -GroupBy and a function computing the
// group key of an item.
func fmtGroupKey(c *engine.Call, spec any) (string, func(any) string) {
	cols := fmtColumns(c, spec, nil, true)
	if len(cols) == 0 {
		return "", func(any) string { return "" }
	}
	col := cols[0]
	label := col.Label
	if label == "" {
		label = col.Property
	}
	return label, func(item any) string {
		v, _ := fmtColumnValue(col, item)
		return value.ToString(v)
	}
}
