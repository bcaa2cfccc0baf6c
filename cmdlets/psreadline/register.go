package psreadline

import "github.com/csshell/csshell/engine"

// Module is the module's name. (Get-Module and Get-Command show the
// version pwsh 7.4.6 ships, 2.3.5: cmdlets/powershell's moduleVersion.)
const Module = "PSReadLine"

// Register adds the PSReadLine module, its cmdlets and its views to rt.
func Register(rt *engine.Runtime) {
	rt.AddModule(Module)
	rt.Formats.Register(optionsView(rt))
	rt.Formats.Register(keyHandlerView())

	rt.Register(&engine.Cmdlet{
		Name: "Get-PSReadLineOption", Module: Module, ClassName: "Microsoft.PowerShell.GetPSReadLineOption",
		Synopsis: "Gets values for the options that can be configured.",
		Description: "The Get-PSReadLineOption cmdlet gets the values of the options of the line editor, which " +
			"Set-PSReadLineOption sets: the edit mode, history, bell, prediction and the colours of the input's tokens, " +
			"each shown as the escape sequence that draws it.",
		Outputs:  []string{typeOptions},
		Examples: []engine.Example{{Title: "Show the options", Code: "Get-PSReadLineOption"}, {Title: "Show one colour", Code: "(Get-PSReadLineOption).CommandColor"}},
		New: func() engine.Processor {
			return &engine.Funcs{OnEnd: func(c *engine.Call) error {
				opts := c.Runtime().ReadLineOptions()
				if err := c.WriteObject(optionsObject(c.Runtime(), opts)); err != nil {
					return err
				}
				warnListViewTooSmall(c, opts.PredictionViewStyle)
				return nil
			}}
		},
	})

	set := newSetOptionParams()
	rt.Register(&engine.Cmdlet{
		Name: "Set-PSReadLineOption", Module: Module, ClassName: "Microsoft.PowerShell.SetPSReadLineOption",
		Synopsis: "Customizes the behavior of command line editing in PSReadLine.",
		Description: "The Set-PSReadLineOption cmdlet customizes the line editor: the edit mode, the continuation prompt, " +
			"history, the bell, predictions and the colours of the input's tokens. The options last for the session; " +
			"put the command in your profile to keep them.",
		Params: set.infos(),
		Examples: []engine.Example{
			{Title: "Set the colours of commands and parameters", Code: "Set-PSReadLineOption -Colors @{ Command = 'Magenta'; Parameter = \"`e[96m\" }"},
			{Title: "Keep repeated commands in recall", Code: "Set-PSReadLineOption -HistoryNoDuplicates:$false"},
			{Title: "Turn predictions off", Code: "Set-PSReadLineOption -PredictionSource None"},
		},
		New: func() engine.Processor {
			return &engine.Funcs{OnEnd: func(c *engine.Call) error { return setOption(c, set) }}
		},
	})

	kh := newKeyHandlerParams()
	rt.Register(&engine.Cmdlet{
		Name: "Set-PSReadLineKeyHandler", Module: Module, ClassName: "Microsoft.PowerShell.SetPSReadLineKeyHandlerCommand",
		Synopsis: "Binds keys to user-defined or PSReadLine key handler functions.",
		Description: "The Set-PSReadLineKeyHandler cmdlet binds a key or a sequence of keys to one of PSReadLine's functions " +
			"(-Function) or to a script block (-ScriptBlock). The binding replaces the edit mode's default for that key.",
		Params: kh.infos(),
		Examples: []engine.Example{
			{Title: "Search history by prefix with the arrows", Code: "Set-PSReadLineKeyHandler -Chord UpArrow -Function HistorySearchBackward"},
			{Title: "Bind a script block", Code: "Set-PSReadLineKeyHandler -Chord Ctrl+b -BriefDescription Build -ScriptBlock { [Microsoft.PowerShell.PSConsoleReadLine]::Insert('build') }"},
		},
		New: func() engine.Processor {
			return &engine.Funcs{OnEnd: func(c *engine.Call) error { return setKeyHandler(c, kh) }}
		},
	})

	gk := newGetKeyHandlerParams()
	rt.Register(&engine.Cmdlet{
		Name: "Get-PSReadLineKeyHandler", Module: Module, ClassName: "Microsoft.PowerShell.GetKeyHandlerCommand",
		Synopsis: "Gets the key bindings for the PSReadLine module.",
		Description: "The Get-PSReadLineKeyHandler cmdlet lists the keys bound to PSReadLine functions and script blocks, " +
			"grouped by kind of function; -Unbound lists the functions no key is bound to, -Chord the bindings of given keys.",
		DefaultSet: "FullListing",
		Params:     []*engine.ParamInfo{gk.bound.Info(), gk.unbound.Info(), gk.chord.Info()},
		Outputs:    []string{typeKeyHandler},
		Examples: []engine.Example{
			{Title: "List the bound keys", Code: "Get-PSReadLineKeyHandler"},
			{Title: "What Ctrl+r does", Code: "Get-PSReadLineKeyHandler -Chord Ctrl+r"},
		},
		New: func() engine.Processor {
			return &engine.Funcs{OnEnd: func(c *engine.Call) error { return getKeyHandler(c, gk) }}
		},
	})

	rmChord := engine.Declare[[]string](chordParam("Specifies the keys or sequences of keys to unbind."))
	rmVi := engine.Declare[any](enumViMode.param("ViMode", "Specifies the Vi mode (Insert or Command) whose binding is removed."))
	rt.Register(&engine.Cmdlet{
		Name: "Remove-PSReadLineKeyHandler", Module: Module, ClassName: "Microsoft.PowerShell.RemoveKeyHandlerCommand",
		Synopsis:    "Removes a key binding.",
		Description: "The Remove-PSReadLineKeyHandler cmdlet removes the binding of a key or sequence of keys, a default one included.",
		Params:      []*engine.ParamInfo{rmChord.Info(), rmVi.Info()},
		Examples:    []engine.Example{{Title: "Unbind Ctrl+w", Code: "Remove-PSReadLineKeyHandler -Chord Ctrl+w"}},
		New: func() engine.Processor {
			return &engine.Funcs{OnEnd: func(c *engine.Call) error { return removeKeyHandler(c, rmChord, rmVi) }}
		},
	})
}
