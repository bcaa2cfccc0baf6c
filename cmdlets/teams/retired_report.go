package teams

import (
	"os"
	"regexp"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// retiredItemType is the type of Get-TenantRetiredItem's objects.
const retiredItemType = "csshell.RetiredItem"

// retiredItemProps are their properties, in order.
var retiredItemProps = []string{"Path", "Line", "Kind", "Item", "Status", "Retired", "Replacement", "Source"}

// commonPropertyNames are retired Get-CsOnlineUser properties whose names
// are too common ($x.Name, $x.Enabled) to report from member access
// alone; they are reported where they name a property in a
// Get-CsOnlineUser -Filter.
var commonPropertyNames = map[string]bool{"enabled": true, "id": true, "name": true, "sid": true, "office": true, "phone": true,
	"guid": true, "distinguishedname": true, "streetaddress": true, "mobilephone": true, "homephone": true, "fax": true, "webpage": true}

// registerRetiredReport adds Get-TenantRetiredItem.
func registerRetiredReport(rt *engine.Runtime) {
	rt.Formats.Register(format.View{TypeName: retiredItemType, Kind: format.ListView, Columns: userPropCols(retiredItemProps...)})
	path := engine.Declare[[]string](&engine.ParamInfo{Name: "Path", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipeline: true, FromPipelineByName: true}},
		Aliases: []string{"FullName"}, Help: "Specifies the scripts to read. Without it, every retired item csshell knows is listed."})
	rt.Register(&engine.Cmdlet{
		Name: "Get-TenantRetiredItem", Module: "csshell",
		Synopsis: "Lists the retired MicrosoftTeams and Skype for Business Online items a script uses, and what replaces them.",
		Description: "Reads each script without running it and reports, line by line, the cmdlets, parameters, " +
			"Get-CsOnlineUser properties and modules it uses that the service retired: whether today's module " +
			"still has them, when they were retired, the replacement and the source. Without -Path it lists every " +
			"retired item. The same table decides which cmdlets and parameters each module generation has " +
			"(Import-Module MicrosoftTeams -RequiredVersion …).",
		Params: []*engine.ParamInfo{path.Info()},
		Examples: []engine.Example{
			{Title: "Check an old script before running it against today's service", Code: "Get-TenantRetiredItem ./BulkEnable.ps1 | Format-Table Line, Item, Status, Replacement"},
			{Title: "Every retired item", Code: "Get-TenantRetiredItem"},
		},
		Outputs:    []string{retiredItemType},
		OutputType: retiredItemOutput,
		New: engine.ProcessOnly(func(c *engine.Call) error {
			paths := path.Get(c)
			if len(paths) == 0 {
				for _, it := range surfaceItems {
					if it.retired != "" {
						if err := c.WriteObject(retiredItemObject("", 0, it)); err != nil {
							return err
						}
					}
				}
				return nil
			}
			for _, p := range paths {
				if err := reportScript(c, p); err != nil {
					return err
				}
			}
			return nil
		}),
	})
}

// reportScript writes the retired items one script uses.
func reportScript(c *engine.Call, p string) error {
	full := c.ResolvePath(p)
	data, err := os.ReadFile(full)
	if err != nil {
		return c.WriteError(engine.NewError("ObjectNotFound", "PathNotFound", p,
			"Cannot find path '%s' because it does not exist.", full).WithException("System.Management.Automation.ItemNotFoundException"))
	}
	src := &syntax.Source{Name: full, Text: strings.TrimPrefix(string(data), "\ufeff")}
	sb, _ := syntax.Parse(src) // a script that does not parse is still read as far as it goes
	if sb == nil {
		return nil
	}
	for _, u := range retiredUses(sb, src.Text) {
		if err := c.WriteObject(retiredItemObject(p, lineOf(src.Text, u.at), u.item)); err != nil {
			return err
		}
	}
	return nil
}

// retiredUse is one use of a retired item at an offset of the script.
type retiredUse struct {
	at   int
	item surfaceItem
}

// filterProperty finds the property operands of a -Filter text.
var filterProperty = regexp.MustCompile(`(?i)([A-Za-z][A-Za-z0-9]*)\s+-(?:eq|ne|like|notlike|match|notmatch|contains|notcontains|gt|lt|ge|le|in|notin)\b`)

// retiredUses walks a script for the retired items it names.
func retiredUses(sb *syntax.ScriptBlock, text string) []retiredUse {
	var out []retiredUse
	retired := func(it surfaceItem, ok bool) bool { return ok && it.retired != "" }
	syntax.Inspect(sb, func(n syntax.Node) bool {
		switch v := n.(type) {
		case *syntax.Command:
			name := commandName(v)
			if name == "" {
				return true
			}
			if it, ok := surfaceItemFor(cmdletItem, "", name); retired(it, ok) {
				out = append(out, retiredUse{v.Pos(), it})
			}
			for i, el := range v.Elements {
				switch e := el.(type) {
				case *syntax.CommandParameter:
					if it, ok := surfaceItemFor(parameterItem, name, e.Name); retired(it, ok) {
						out = append(out, retiredUse{e.Pos(), it})
					}
					if strings.EqualFold(name, cmdOnlineUser) && strings.EqualFold(e.Name, "Filter") {
						arg := e.Argument
						if arg == nil && i+1 < len(v.Elements) {
							arg, _ = v.Elements[i+1].(syntax.Expression)
						}
						out = append(out, filterUses(arg, text)...)
					}
				case *syntax.StringConstant:
					if i > 0 && strings.EqualFold(name, "Import-Module") {
						if it, ok := surfaceItemFor(moduleItem, "", e.Value); retired(it, ok) {
							out = append(out, retiredUse{e.Pos(), it})
						}
					}
				}
			}
		case *syntax.MemberExpr:
			m, ok := v.Member.(*syntax.StringConstant)
			if !ok || commonPropertyNames[strings.ToLower(m.Value)] {
				return true
			}
			if it, ok := surfaceItemFor(propertyItem, cmdOnlineUser, m.Value); retired(it, ok) {
				out = append(out, retiredUse{m.Pos(), it})
			}
		}
		return true
	})
	return out
}

// filterUses finds retired properties named in a -Filter argument.
func filterUses(arg syntax.Expression, script string) []retiredUse {
	if arg == nil {
		return nil
	}
	var text string
	ext := arg.Ext()
	base := ext.Pos()
	switch a := arg.(type) {
	case *syntax.StringConstant:
		text = a.Value
	case *syntax.ExpandableString, *syntax.ScriptBlockExpr:
		if ext.EndPos() > len(script) {
			return nil
		}
		text = script[ext.Pos():ext.EndPos()]
	default:
		return nil
	}
	var out []retiredUse
	for _, m := range filterProperty.FindAllStringSubmatchIndex(text, -1) {
		if it, ok := surfaceItemFor(propertyItem, cmdOnlineUser, text[m[2]:m[3]]); ok && it.retired != "" {
			out = append(out, retiredUse{base, it})
		}
	}
	return out
}

// commandName is the name a command statement invokes, "" when it is not
// a plain name.
func commandName(c *syntax.Command) string {
	if len(c.Elements) == 0 {
		return ""
	}
	switch e := c.Elements[0].(type) {
	case *syntax.StringConstant:
		return e.Value
	}
	return ""
}

// lineOf is the 1-based line of an offset.
func lineOf(text string, at int) int {
	if at > len(text) {
		at = len(text)
	}
	return strings.Count(text[:at], "\n") + 1
}

// retiredItemObject describes one retired item, and where a script uses
// it.
func retiredItemObject(path string, line int, it surfaceItem) *value.Object {
	o := value.NewObject(retiredItemType, "System.Management.Automation.PSCustomObject", "System.Object")
	item := it.name
	switch it.kind {
	case parameterItem:
		item = it.cmdlet + " -" + it.name
	case propertyItem:
		item = it.cmdlet + "." + it.name
	}
	status := "Still in MicrosoftTeams " + newestTeamsVersion
	switch {
	case it.kind == moduleItem:
		status = "Replaced by MicrosoftTeams " + it.removed
	case it.removed != "":
		status = "Removed in MicrosoftTeams " + it.removed
		if it.choice {
			status += " (csshell's reading of the date)"
		}
	}
	o.Set("Path", path)
	o.Set("Line", line)
	o.Set("Kind", it.kind.String())
	o.Set("Item", item)
	o.Set("Status", status)
	o.Set("Retired", it.retired)
	o.Set("Replacement", it.replacement)
	o.Set("Source", it.source)
	return o
}
