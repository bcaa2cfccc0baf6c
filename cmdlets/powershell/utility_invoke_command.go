package powershell

import "github.com/csshell/csshell/engine"

// registerInvokeCommand adds Invoke-Command (icm) for the local computer:
// csshell is offline, so -ComputerName, -Session and the other remoting
// parameters are not offered.
func registerInvokeCommand(rt *engine.Runtime) {
	scriptBlock := engine.Declare[any](&engine.ParamInfo{Name: "ScriptBlock", Type: "ScriptBlock", Aliases: []string{"Command"},
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true}},
		Help: "Specifies the commands to run, as a script block."})
	argumentList := engine.Declare[any](&engine.ParamInfo{Name: "ArgumentList", Type: "Object[]", Aliases: []string{"Args"},
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}},
		Help: "Supplies the values of the script block's parameters (or $args), in order."})
	inputObject := engine.Declare[any](&engine.ParamInfo{Name: "InputObject", Type: "PSObject",
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, FromPipeline: true}},
		Help: "Specifies input to the command: the script block reads it from $input."})
	noNewScope := engine.Declare[bool](&engine.ParamInfo{Name: "NoNewScope", Type: "SwitchParameter",
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}},
		Help: "Runs the script block in the current scope (its variables stay defined)."})
	rt.Register(&engine.Cmdlet{
		Name: "Invoke-Command", Module: "Microsoft.PowerShell.Core",
		Synopsis: "Runs commands on the local computer.",
		Description: "The Invoke-Command cmdlet runs a script block with the values of -ArgumentList as its arguments and the " +
			"pipeline input (or -InputObject) as its $input. csshell is offline: there are no remote computers or sessions.",
		Params: []*engine.ParamInfo{scriptBlock.Info(), argumentList.Info(), inputObject.Info(), noNewScope.Info()},
		Examples: []engine.Example{
			{Title: "Run a script block with arguments", Code: "Invoke-Command -ScriptBlock { param($a, $b) $a + $b } -ArgumentList 1, 2"},
			{Title: "Pipe objects to a script block", Code: "1, 2, 3 | Invoke-Command { $input | Measure-Object -Sum }"},
		},
		Outputs: []string{"System.Management.Automation.PSObject"},
		New: func() engine.Processor {
			var input []any
			return &engine.Funcs{
				OnProcess: func(c *engine.Call) error {
					if c.HasInput {
						input = append(input, c.Input)
					} else if v, ok := inputObject.Lookup(c); ok {
						input = append(input, v)
					}
					return nil
				},
				OnEnd: func(c *engine.Call) error {
					sb, _ := scriptBlock.Get(c).(*engine.ScriptBlock)
					if noNewScope.Get(c) {
						if input == nil {
							return c.InvokeBlock(sb, nil, c.WriteObject)
						}
						for _, it := range input {
							if err := c.InvokeBlock(sb, it, c.WriteObject); err != nil {
								return err
							}
						}
						return nil
					}
					var args []any
					if v, ok := argumentList.Lookup(c); ok {
						if items, isArr := v.([]any); isArr {
							args = items
						} else {
							args = []any{v}
						}
					}
					return c.InvokeBlockArgs(sb, args, input, c.WriteObject)
				},
			}
		},
	})
	rt.SetAliases("Invoke-Command", "icm")
}
