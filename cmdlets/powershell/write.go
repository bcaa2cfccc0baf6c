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
	params := []*engine.ParamInfo{
		{Name: "InputObject", Type: "PSObject[]", AllowNull: true, AllowEmptyCollection: true,
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipeline: true, FromRemainingArgs: true}},
			Help: "Specifies the objects to send down the pipeline."},
		engine.NamedParam("NoEnumerate", "SwitchParameter", "By default, Write-Output enumerates collections; this switch writes a collection as one object."),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Write-Output", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Writes the specified objects to the pipeline.",
		Description: "Writes the specified objects to the pipeline. If Write-Output is the last command in the pipeline, the " +
			"objects are displayed in the console. Several arguments are written one by one; collections are enumerated unless " +
			"-NoEnumerate is given.",
		Params: params,
		Examples: []engine.Example{
			{Title: "Write objects", Code: "Write-Output 'a' 'b' 'c'"},
			{Title: "Write a collection as one object", Code: "Write-Output 1, 2, 3 -NoEnumerate | Measure-Object"},
		},
		Outputs: []string{"System.Management.Automation.PSObject"},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			if c.HasInput {
				return c.WriteObject(c.Input)
			}
			v := c.Get("InputObject")
			if c.Switch("NoEnumerate") {
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
	params := []*engine.ParamInfo{
		{Name: "Object", Type: "Object", Aliases: []string{"Msg", "Message"}, AllowNull: true, AllowEmptyString: true,
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipeline: true, FromRemainingArgs: true}},
			Help: "Objects to display in the host."},
		engine.NamedParam("NoNewline", "SwitchParameter", "The string representations of the input objects are concatenated to form the output; no newline is added after the last one."),
		engine.NamedParam("Separator", "Object", "Specifies a separator string to insert between objects displayed by the host."),
		{Name: "ForegroundColor", Type: "String", ValidateSet: consoleColors, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies the text color."},
		{Name: "BackgroundColor", Type: "String", ValidateSet: consoleColors, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies the background color."},
	}
	rt.Register(&engine.Cmdlet{
		Name: "Write-Host", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Writes customized output to a host.",
		Description: "The Write-Host cmdlet customizes output: the color of text with -ForegroundColor and -BackgroundColor, " +
			"the separator between objects (a space by default) and whether a newline follows (-NoNewline). It writes to the " +
			"information stream, which the host always shows.",
		Params: params,
		Examples: []engine.Example{
			{Title: "Write in color", Code: "Write-Host 'Done' -ForegroundColor Green"},
			{Title: "Join with a separator", Code: "Write-Host (1, 2, 3) -Separator ', '"},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			sep := " "
			if c.Has("Separator") {
				sep = hostText(c.Get("Separator"), " ")
			}
			var v any
			if c.HasInput {
				v = c.Input
			} else {
				v = c.Get("Object")
			}
			c.WriteInformation(&engine.HostMessage{Text: hostText(v, sep), Foreground: c.String("ForegroundColor"),
				Background: c.String("BackgroundColor"), NoNewline: c.Switch("NoNewline")})
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
	ne, we, er := "NoException", "WithException", "ErrorRecord"
	rt.Register(&engine.Cmdlet{
		Name: "Write-Error", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Writes an object to the error stream.",
		Description: "The Write-Error cmdlet declares a non-terminating error. By default, errors are sent in the error stream " +
			"to the host program to be displayed, along with output. The error is reported under the name Write-Error.",
		DefaultSet: ne,
		Params: []*engine.ParamInfo{
			{Name: "Exception", Type: "Object", Sets: []engine.ParamSet{{Name: we, Position: -1, Mandatory: true}}, Help: "Specifies an exception object (or its message) that represents the error."},
			{Name: "Message", Type: "String", Aliases: []string{"Msg"}, AllowNull: true, AllowEmptyString: true,
				Sets: []engine.ParamSet{{Name: ne, Position: 0, Mandatory: true, FromPipeline: true}, {Name: we, Position: -1}},
				Help: "Specifies the message text of the error."},
			{Name: "ErrorRecord", Type: "Object", Sets: []engine.ParamSet{{Name: er, Position: -1, Mandatory: true}}, Help: "Specifies an error record object that represents the error."},
			{Name: "Category", Type: "String", ValidateSet: errorCategories, Sets: []engine.ParamSet{{Name: ne, Position: -1}, {Name: we, Position: -1}}, Help: "Specifies the category of the error."},
			engine.NamedParamInSets("ErrorId", "String", "Specifies an ID string to identify the error.", ne, we),
			engine.NamedParamInSets("TargetObject", "Object", "Specifies the object that was being processed when the error occurred.", ne, we),
			engine.NamedParam("RecommendedAction", "String", "Specifies the action that the user should take to resolve or prevent the error."),
			{Name: "CategoryActivity", Type: "String", Aliases: []string{"Activity"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies the action that caused the error."},
			{Name: "CategoryReason", Type: "String", Aliases: []string{"Reason"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies how or why the activity caused the error."},
			{Name: "CategoryTargetName", Type: "String", Aliases: []string{"TargetName"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies the name of the object that was being processed when the error occurred."},
			{Name: "CategoryTargetType", Type: "String", Aliases: []string{"TargetType"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies the type of the object that was being processed when the error occurred."},
		},
		Examples: []engine.Example{
			{Title: "Write an error", Code: "Write-Error 'Something went wrong.'"},
			{Title: "Write an error with a category and id", Code: "Write-Error -Message 'Not found.' -Category ObjectNotFound -ErrorId NotFound"},
		},
		New: engine.ProcessOnly(writeError),
	})
}

// writeError runs Write-Error.
func writeError(c *engine.Call) error {
	var rec *engine.ErrorRecord
	switch c.Set {
	case "ErrorRecord":
		if r, ok := c.Get("ErrorRecord").(*engine.ErrorRecord); ok {
			cp := *r
			rec = &cp
			rec.CommandName = "Write-Error"
		} else {
			rec = engine.NewError("NotSpecified", "Microsoft.PowerShell.Commands.WriteErrorException", nil, "%s", value.ToString(c.Get("ErrorRecord")))
		}
	case "WithException":
		ex := c.Get("Exception")
		msg := value.ToString(ex)
		if r, ok := ex.(*engine.ErrorRecord); ok {
			msg = r.Message
		} else if m, ok := propOf(ex, "Message"); ok && m != nil {
			if _, isStr := ex.(string); !isStr {
				msg = value.ToString(m)
			}
		}
		if c.Has("Message") {
			msg = c.String("Message")
		}
		rec = engine.NewError("NotSpecified", "", c.Get("TargetObject"), "%s", msg)
		rec.ExceptionType = "System.Exception"
	default:
		msg := c.String("Message")
		if c.HasInput && !c.Has("Message") {
			msg = value.ToString(c.Input)
		}
		rec = engine.NewError("NotSpecified", "Microsoft.PowerShell.Commands.WriteErrorException", c.Get("TargetObject"), "%s", msg).
			WithException("Microsoft.PowerShell.Commands.WriteErrorException")
	}
	if c.Has("Category") {
		rec.Category = c.String("Category")
	}
	if c.Has("ErrorId") {
		rec.ErrorID = c.String("ErrorId")
	}
	if rec.ErrorID == "" {
		rec.ErrorID = rec.ExceptionType
	}
	return c.WriteError(rec)
}

// registerWriteStreams adds Write-Warning, Write-Verbose, Write-Debug and
// Write-Information.
func registerWriteStreams(rt *engine.Runtime) {
	msg := func(help string) []*engine.ParamInfo {
		return []*engine.ParamInfo{{Name: "Message", Type: "String", Aliases: []string{"Msg"}, AllowEmptyString: true,
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipeline: true, FromRemainingArgs: true}}, Help: help}}
	}
	text := func(c *engine.Call) string {
		if c.HasInput && !c.Has("Message") {
			return value.ToString(c.Input)
		}
		return c.String("Message")
	}
	rt.Register(&engine.Cmdlet{
		Name: "Write-Warning", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Writes a warning message.",
		Description: "The Write-Warning cmdlet writes a warning message to the PowerShell host (\"WARNING: …\"). Whether it is shown depends on $WarningPreference and -WarningAction.",
		Params:      msg("Specifies the warning message."),
		Examples:    []engine.Example{{Title: "Write a warning", Code: "Write-Warning 'This is only a test warning.'"}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { c.WriteWarning(text(c)); return nil }),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Write-Verbose", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Writes text to the verbose message stream.",
		Description: "The Write-Verbose cmdlet writes text to the verbose message stream. It is shown (\"VERBOSE: …\") only when $VerbosePreference is Continue or -Verbose is given.",
		Params:      msg("Specifies the message to send to the verbose message stream."),
		Examples:    []engine.Example{{Title: "Write a verbose message", Code: "Write-Verbose 'Working…' -Verbose"}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { c.WriteVerbose(text(c)); return nil }),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Write-Debug", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Writes a debug message to the console.",
		Description: "The Write-Debug cmdlet writes debug messages to the console. They are shown (\"DEBUG: …\") only when $DebugPreference is Continue or -Debug is given.",
		Params:      msg("Specifies the debug message to send to the console."),
		Examples:    []engine.Example{{Title: "Write a debug message", Code: "Write-Debug 'x = 1' -Debug"}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { c.WriteDebug(text(c)); return nil }),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Write-Information", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Specifies how PowerShell handles information stream data for a command.",
		Description: "The Write-Information cmdlet writes to the information stream. It is shown only when $InformationPreference " +
			"(default SilentlyContinue) or -InformationAction is Continue.",
		Params: []*engine.ParamInfo{
			{Name: "MessageData", Type: "Object", Aliases: []string{"Msg", "Message"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true}},
				Help: "Specifies an informational message that you want to display."},
			{Name: "Tags", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1}}, Help: "One or more strings to associate with the message."},
		},
		Examples: []engine.Example{{Title: "Write an information message", Code: "Write-Information 'Hello' -InformationAction Continue"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			pref := "SilentlyContinue"
			if v := c.Scope().Lookup("InformationPreference"); v != nil && v.Value != nil {
				pref = value.ToString(v.Value)
			}
			if c.Has("InformationAction") {
				pref = c.String("InformationAction")
			}
			switch strings.ToLower(pref) {
			case "silentlycontinue", "ignore", "0", "4":
				return nil
			}
			c.WriteInformation(engine.ToDisplay(c.Get("MessageData")))
			return nil
		}),
	})
}

// registerWriteProgress adds Write-Progress.
func registerWriteProgress(rt *engine.Runtime) {
	rt.Register(&engine.Cmdlet{
		Name: "Write-Progress", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Displays a progress bar within a PowerShell command window.",
		Description: "The Write-Progress cmdlet displays a progress bar that depicts the status of a running command or script: " +
			"the activity, the status, the percentage and the current operation, on the terminal. Nothing is drawn when no " +
			"terminal is attached (output redirected, scripts run from a pipe, tests) or when $ProgressPreference is " +
			"SilentlyContinue.",
		Params: []*engine.ParamInfo{
			{Name: "Activity", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}}, Help: "Specifies the first line of text in the heading above the status bar."},
			{Name: "Status", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1}}, Help: "Specifies the second line of text in the heading above the status bar."},
			{Name: "Id", Type: "Int32", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 2}}, Help: "Specifies an ID that distinguishes each progress bar from the others."},
			{Name: "PercentComplete", Type: "Int32", ValidateRange: &[2]float64{-1, 100}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies the percentage of the activity that is completed."},
			engine.NamedParam("SecondsRemaining", "Int32", "Specifies the projected number of seconds remaining until the activity is completed."),
			engine.NamedParam("CurrentOperation", "String", "Specifies the line of text below the progress bar."),
			engine.NamedParam("ParentId", "Int32", "Specifies the parent activity of the current activity."),
			engine.NamedParam("Completed", "SwitchParameter", "Indicates whether the progress bar is visible."),
			engine.NamedParam("SourceId", "Int32", "Specifies the source of the record."),
		},
		Examples: []engine.Example{{Title: "Show progress", Code: "1..100 | ForEach-Object { Write-Progress -Activity 'Working' -PercentComplete $_ }"}},
		New:      engine.ProcessOnly(writeProgress),
	})
}

// writeProgress hands a progress record to the host's progress renderer,
// unless $ProgressPreference (or -ProgressAction) silences it.
func writeProgress(c *engine.Call) error {
	h := c.Host()
	if h.Progress == nil {
		return nil
	}
	pref := "Continue"
	if v := c.Scope().Lookup("ProgressPreference"); v != nil && v.Value != nil {
		pref = value.ToString(v.Value)
	}
	if c.Has("ProgressAction") {
		pref = c.String("ProgressAction")
	}
	switch strings.ToLower(pref) {
	case "silentlycontinue", "ignore", "0", "4":
		return nil
	}
	percent := -1
	if c.Has("PercentComplete") {
		percent = c.Int("PercentComplete", -1)
	}
	status := c.String("Status")
	if op := c.String("CurrentOperation"); op != "" {
		if status != "" {
			status += " — "
		}
		status += op
	}
	h.Progress(c.String("Activity"), status, percent, 0, 0, c.Switch("Completed"))
	return nil
}
