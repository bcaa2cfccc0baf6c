package powershell

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// consoleColors are the ConsoleColor names Write-Host accepts.
var consoleColors = []string{"Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray",
	"DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White"}

// registerWriteCmdlets adds Write-Output, Write-Host, Write-Error,
// Write-Warning, Write-Verbose, Write-Debug, Write-Information and
// Write-Progress.
func registerWriteCmdlets(rt *engine.Runtime) {
	registerWriteOutput(rt)
	registerWriteHost(rt)
	registerWriteError(rt)
	registerWriteStreams(rt)
	registerWriteProgress(rt)
}

// registerWriteOutput adds Write-Output (aliases echo, write).
func registerWriteOutput(rt *engine.Runtime) {
	input := engine.Declare[any](&engine.ParamInfo{Name: "InputObject", Type: "PSObject[]", AllowNull: true, AllowEmptyCollection: true,
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipeline: true, FromRemainingArgs: true}},
		Help: "Specifies the objects to send down the pipeline."})
	noEnumerate := engine.Declare[bool](engine.NamedParam("NoEnumerate", "SwitchParameter", "By default, Write-Output enumerates collections; this switch writes a collection as one object."))
	rt.Register(&engine.Cmdlet{
		Name: "Write-Output", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Writes the specified objects to the pipeline.",
		Description: "Writes the specified objects to the pipeline. If Write-Output is the last command in the pipeline, the " +
			"objects are displayed in the console. Several arguments are written one by one; collections are enumerated unless " +
			"-NoEnumerate is given.",
		Params: []*engine.ParamInfo{input.Info(), noEnumerate.Info()},
		Examples: []engine.Example{
			{Title: "Write objects", Code: "Write-Output 'a' 'b' 'c'"},
			{Title: "Write a collection as one object", Code: "Write-Output 1, 2, 3 -NoEnumerate | Measure-Object"},
		},
		Outputs: []string{"System.Management.Automation.PSObject"},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			if c.HasInput {
				return c.WriteObject(c.Input)
			}
			v := input.Get(c)
			if noEnumerate.Get(c) {
				return c.WriteObject(v)
			}
			return c.WriteObjects(v)
		}),
	})
	rt.SetAliases("Write-Output", "echo", "write")
}

// hostText joins an object for Write-Host: collections are enumerated and
// joined with the separator.
func hostText(v any, sep string) string {
	if items, ok := value.Enumerate(v); ok {
		parts := make([]string, 0, len(items))
		for _, it := range items {
			parts = append(parts, hostText(it, sep))
		}
		return strings.Join(parts, sep)
	}
	return value.ToString(engine.ToDisplay(v))
}

// registerWriteHost adds Write-Host.
func registerWriteHost(rt *engine.Runtime) {
	p := newWriteHostParams()
	rt.Register(&engine.Cmdlet{
		Name: "Write-Host", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Writes customized output to a host.",
		Description: "The Write-Host cmdlet customizes output: the color of text with -ForegroundColor and -BackgroundColor, " +
			"the separator between objects (a space by default) and whether a newline follows (-NoNewline). It writes to the " +
			"information stream, which the host always shows.",
		Params: p.infos(),
		Examples: []engine.Example{
			{Title: "Write in color", Code: "Write-Host 'Done' -ForegroundColor Green"},
			{Title: "Join with a separator", Code: "Write-Host (1, 2, 3) -Separator ', '"},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			sep := " "
			if s, ok := p.separator.Lookup(c); ok {
				sep = hostText(s, " ")
			}
			var v any
			if c.HasInput {
				v = c.Input
			} else {
				v = p.object.Get(c)
			}
			c.WriteInformation(&engine.HostMessage{Text: hostText(v, sep), Foreground: p.foregroundColor.Get(c),
				Background: p.backgroundColor.Get(c), NoNewline: p.noNewline.Get(c)})
			return nil
		}),
	})
}

// errorCategories are the ErrorCategory names.
var errorCategories = []string{"NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected", "InvalidArgument",
	"InvalidData", "InvalidOperation", "InvalidResult", "InvalidType", "MetadataError", "NotImplemented", "NotInstalled",
	"ObjectNotFound", "OperationStopped", "OperationTimeout", "SyntaxError", "ParserError", "PermissionDenied", "ResourceBusy",
	"ResourceExists", "ResourceUnavailable", "ReadError", "WriteError", "FromStdErr", "SecurityError", "ProtocolError",
	"ConnectionError", "AuthenticationError", "LimitsExceeded", "QuotaExceeded", "NotEnabled"}

// registerWriteError adds Write-Error.
func registerWriteError(rt *engine.Runtime) {
	p := newWriteErrorParams()
	rt.Register(&engine.Cmdlet{
		Name: "Write-Error", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Writes an object to the error stream.",
		Description: "The Write-Error cmdlet declares a non-terminating error. By default, errors are sent in the error stream " +
			"to the host program to be displayed, along with output. The error is reported under the name Write-Error.",
		DefaultSet: "NoException",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Write an error", Code: "Write-Error 'Something went wrong.'"},
			{Title: "Write an error with a category and id", Code: "Write-Error -Message 'Not found.' -Category ObjectNotFound -ErrorId NotFound"},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return writeError(c, p) }),
	})
}

// writeError runs Write-Error.
func writeError(c *engine.Call, p *writeErrorParams) error {
	var rec *engine.ErrorRecord
	switch c.Set {
	case "ErrorRecord":
		if r, ok := p.errorRecord.Get(c).(*engine.ErrorRecord); ok {
			cp := *r
			rec = &cp
			rec.CommandName = "Write-Error"
		} else {
			rec = engine.NewError("NotSpecified", "Microsoft.PowerShell.Commands.WriteErrorException", nil, "%s", value.ToString(p.errorRecord.Get(c)))
		}
	case "WithException":
		ex := p.exception.Get(c)
		msg := value.ToString(ex)
		if r, ok := ex.(*engine.ErrorRecord); ok {
			msg = r.Message
		} else if m, ok := propOf(ex, "Message"); ok && m != nil {
			if _, isStr := ex.(string); !isStr {
				msg = value.ToString(m)
			}
		}
		if m, ok := p.message.Lookup(c); ok {
			msg = m
		}
		rec = engine.NewError("NotSpecified", "", p.targetObject.Get(c), "%s", msg)
		rec.ExceptionType = "System.Exception"
	default:
		msg := p.message.Get(c)
		if c.HasInput && !p.message.Given(c) {
			msg = value.ToString(c.Input)
		}
		rec = engine.NewError("NotSpecified", "Microsoft.PowerShell.Commands.WriteErrorException", p.targetObject.Get(c), "%s", msg).
			WithException("Microsoft.PowerShell.Commands.WriteErrorException")
	}
	if cat, ok := p.category.Lookup(c); ok {
		rec.Category = cat
	}
	if id, ok := p.errorID.Lookup(c); ok {
		rec.ErrorID = id
	}
	if rec.ErrorID == "" {
		rec.ErrorID = rec.ExceptionType
	}
	return c.WriteError(rec)
}

// registerWriteStreams adds Write-Warning, Write-Verbose, Write-Debug and
// Write-Information.
func registerWriteStreams(rt *engine.Runtime) {
	msg := func(help string) engine.Param[string] {
		return engine.Declare[string](&engine.ParamInfo{Name: "Message", Type: "String", Aliases: []string{"Msg"}, AllowEmptyString: true,
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipeline: true, FromRemainingArgs: true}}, Help: help})
	}
	text := func(c *engine.Call, message engine.Param[string]) string {
		if c.HasInput && !message.Given(c) {
			return value.ToString(c.Input)
		}
		return message.Get(c)
	}
	warning := msg("Specifies the warning message.")
	verbose := msg("Specifies the message to send to the verbose message stream.")
	debug := msg("Specifies the debug message to send to the console.")
	rt.Register(&engine.Cmdlet{
		Name: "Write-Warning", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Writes a warning message.",
		Description: "The Write-Warning cmdlet writes a warning message to the PowerShell host (\"WARNING: …\"). Whether it is shown depends on $WarningPreference and -WarningAction.",
		Params:      []*engine.ParamInfo{warning.Info()},
		Examples:    []engine.Example{{Title: "Write a warning", Code: "Write-Warning 'This is only a test warning.'"}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { c.WriteWarning(text(c, warning)); return nil }),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Write-Verbose", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Writes text to the verbose message stream.",
		Description: "The Write-Verbose cmdlet writes text to the verbose message stream. It is shown (\"VERBOSE: …\") only when $VerbosePreference is Continue or -Verbose is given.",
		Params:      []*engine.ParamInfo{verbose.Info()},
		Examples:    []engine.Example{{Title: "Write a verbose message", Code: "Write-Verbose 'Working…' -Verbose"}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { c.WriteVerbose(text(c, verbose)); return nil }),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Write-Debug", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Writes a debug message to the console.",
		Description: "The Write-Debug cmdlet writes debug messages to the console. They are shown (\"DEBUG: …\") only when $DebugPreference is Continue or -Debug is given.",
		Params:      []*engine.ParamInfo{debug.Info()},
		Examples:    []engine.Example{{Title: "Write a debug message", Code: "Write-Debug 'x = 1' -Debug"}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { c.WriteDebug(text(c, debug)); return nil }),
	})
	messageData := engine.Declare[any](&engine.ParamInfo{Name: "MessageData", Type: "Object", Aliases: []string{"Msg", "Message"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true}},
		Help: "Specifies an informational message that you want to display."})
	tags := engine.Declare[[]string](&engine.ParamInfo{Name: "Tags", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1}}, Help: "One or more strings to associate with the message."})
	rt.Register(&engine.Cmdlet{
		Name: "Write-Information", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Specifies how PowerShell handles information stream data for a command.",
		Description: "The Write-Information cmdlet writes to the information stream. It is shown only when $InformationPreference " +
			"(default SilentlyContinue) or -InformationAction is Continue.",
		Params:   []*engine.ParamInfo{messageData.Info(), tags.Info()},
		Examples: []engine.Example{{Title: "Write an information message", Code: "Write-Information 'Hello' -InformationAction Continue"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			pref := "SilentlyContinue"
			if v := c.Scope().Lookup("InformationPreference"); v != nil && v.Value != nil {
				pref = value.ToString(v.Value)
			}
			if a, ok := informationAction.Lookup(c); ok {
				pref = a
			}
			switch strings.ToLower(pref) {
			case "silentlycontinue", "0":
				// Not shown, but still in -InformationVariable.
				c.KeepInformation(engine.ToDisplay(messageData.Get(c)))
				return nil
			case "ignore", "4":
				return nil
			}
			c.WriteInformation(engine.ToDisplay(messageData.Get(c)))
			return nil
		}),
	})
}

// registerWriteProgress adds Write-Progress.
func registerWriteProgress(rt *engine.Runtime) {
	p := newWriteProgressParams()
	rt.Register(&engine.Cmdlet{
		Name: "Write-Progress", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Displays a progress bar within a PowerShell command window.",
		Description: "The Write-Progress cmdlet displays a progress bar that depicts the status of a running command or script: " +
			"the activity, the status, the percentage and the current operation, on the terminal. Nothing is drawn when no " +
			"terminal is attached (output redirected, scripts run from a pipe, tests) or when $ProgressPreference is " +
			"SilentlyContinue.",
		Params:   p.infos(),
		Examples: []engine.Example{{Title: "Show progress", Code: "1..100 | ForEach-Object { Write-Progress -Activity 'Working' -PercentComplete $_ }"}},
		New:      engine.ProcessOnly(func(c *engine.Call) error { return writeProgress(c, p) }),
	})
}

// writeProgress hands a progress record to the host's progress renderer,
// unless $ProgressPreference (or -ProgressAction) silences it. As in
// pwsh 7.4 (WriteProgressCmdlet.cs) the status defaults to "Processing",
// and a record without an activity fails unless it is -Completed. The
// host draws it in $PSStyle.Progress's view (synchronised first), nested
// under -ParentId's bar.
func writeProgress(c *engine.Call, p *writeProgressParams) error {
	activity, completed := p.activity.Get(c), p.completed.Get(c)
	if activity == "" && !completed {
		return engine.NewError("InvalidArgument", "MissingActivity", activity,
			"Missing value for mandatory parameter. (Parameter 'Activity')").WithException("System.ArgumentException")
	}
	h := c.Host()
	if h.Progress == nil {
		return nil
	}
	pref := "Continue"
	if v := c.Scope().Lookup("ProgressPreference"); v != nil && v.Value != nil {
		pref = value.ToString(v.Value)
	}
	if a, ok := progressAction.Lookup(c); ok {
		pref = a
	}
	switch strings.ToLower(pref) {
	case "silentlycontinue", "ignore", "0", "4":
		return nil
	}
	status := "Processing"
	if s, ok := p.status.Lookup(c); ok {
		status = s
	}
	rt := c.Runtime()
	rt.SyncProgressStyle()
	rt.WriteProgressRecord(engine.ProgressRecord{
		ActivityID: p.id.Or(c, 0), ParentActivityID: p.parentID.Or(c, -1),
		Activity: activity, StatusDescription: status, CurrentOperation: p.currentOperation.Get(c),
		PercentComplete: p.percentComplete.Or(c, -1), SecondsRemaining: p.secondsRemaining.Or(c, -1),
		Completed: completed,
	})
	return nil
}
