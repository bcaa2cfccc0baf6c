package powershell

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerCultureCmdlets adds Get-Culture and Get-UICulture: csshell runs
// in en-US (and formats invariantly), so both report that culture.
func registerCultureCmdlets(rt *engine.Runtime) {
	name := engine.Declare[string](&engine.ParamInfo{Name: "Name", Type: "String", Sets: []engine.ParamSet{{Name: "NameSet", Position: 0}},
		Help: "Gets the culture with this name (en-US, fr-FR, ...)."})
	list := engine.Declare[bool](engine.NamedParamInSets("ListAvailable", "SwitchParameter", "Gets all the cultures csshell knows.", "ListAvailableSet"))
	rt.Register(&engine.Cmdlet{
		Name: "Get-Culture", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Gets the current culture set in the operating system.",
		Description: "The Get-Culture cmdlet gets the current culture (en-US in csshell), the culture named by -Name, or every culture csshell knows (-ListAvailable).",
		DefaultSet:  "CurrentCultureSet",
		Params:      []*engine.ParamInfo{name.Info(), list.Info()},
		Examples:    []engine.Example{{Title: "Get the culture", Code: "Get-Culture"}, {Title: "Get a culture by name", Code: "Get-Culture -Name fr-FR"}},
		Outputs:     []string{"System.Globalization.CultureInfo"},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			switch c.Set {
			case "NameSet":
				n := name.Get(c)
				ci, ok := value.LookupCulture(n)
				if !ok {
					return c.WriteError(engine.NewError("InvalidArgument", "ItemNotFoundException", n,
						"Culture is not supported. (Parameter 'name')\n%s is an invalid culture identifier.", n).
						WithException("System.Globalization.CultureNotFoundException"))
				}
				return c.WriteObject(ci)
			case "ListAvailableSet":
				for _, ci := range value.Cultures() {
					if err := c.WriteObject(ci); err != nil {
						return err
					}
				}
				return nil
			}
			return c.WriteObject(value.CurrentCulture())
		}),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Get-UICulture", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Gets the current UI culture settings in the operating system.",
		Description: "The Get-UICulture cmdlet gets the culture of the user interface (en-US in csshell).",
		DefaultSet:  "Default",
		Examples:    []engine.Example{{Title: "Get the UI culture", Code: "Get-UICulture"}},
		Outputs:     []string{"System.Globalization.CultureInfo"},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return c.WriteObject(value.CurrentCulture())
		}),
	})
}
