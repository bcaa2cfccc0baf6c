package powershell

import "github.com/csshell/csshell/engine"

// registerInvokeExpression adds Invoke-Expression (iex).
func registerInvokeExpression(rt *engine.Runtime) {
	command := engine.Declare[string](&engine.ParamInfo{Name: "Command", Type: "String",
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipeline: true}},
		Help: "Specifies the command or expression to run, as a string."})
	rt.Register(&engine.Cmdlet{
		Name: "Invoke-Expression", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Runs commands or expressions on the local computer.",
		Description: "The Invoke-Expression cmdlet evaluates or runs a specified string as a command and returns the results " +
			"of the expression or command. The string runs in the caller's scope: the variables and functions it defines " +
			"stay defined. A string that does not parse is a terminating parser error.",
		Params: []*engine.ParamInfo{command.Info()},
		Examples: []engine.Example{
			{Title: "Evaluate an expression", Code: "Invoke-Expression '1 -lt 2'"},
			{Title: "Run a command held in a variable", Code: "$cmd = 'Get-Date'; Invoke-Expression $cmd"},
		},
		Outputs: []string{"System.Management.Automation.PSObject"},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return c.InvokeExpression(command.Get(c), c.WriteObject)
		}),
	})
	rt.SetAliases("Invoke-Expression", "iex")
}
