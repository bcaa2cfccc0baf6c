package powershell

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// typeHistoryInfo is the type of Get-History's output.
const typeHistoryInfo = "Microsoft.PowerShell.Commands.HistoryInfo"

// historyInfo is a HistoryInfo: its text is the command line, which the
// history keeps with secrets masked.
func historyInfo(e engine.HistoryEntry) *value.Object {
	o := value.NewObject(typeHistoryInfo, "System.Object")
	o.Set("Id", e.ID)
	o.Set("CommandLine", e.CommandLine)
	o.Set("ExecutionStatus", e.Status)
	o.Set("StartExecutionTime", e.Start)
	o.Set("EndExecutionTime", e.End)
	o.Set("Duration", e.End.Sub(e.Start))
	o.Stringer = func(o *value.Object) string { v, _ := o.Get("CommandLine"); return value.ToString(v) }
	return o
}

// historyDuration is the Duration column of pwsh's HistoryInfo view.
func historyDuration(item any) (any, error) {
	v, _ := value.GetMember(item, "Duration")
	d, ok := v.(time.Duration)
	if !ok {
		return "", nil
	}
	switch {
	case d.Hours() >= 1:
		return fmt.Sprintf("%d:%02d:%02d", int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60), nil
	case d.Minutes() >= 1:
		return fmt.Sprintf("%d:%02d.%03d", int(d.Minutes()), int(d.Seconds())%60, d.Milliseconds()%1000), nil
	}
	return fmt.Sprintf("%d.%03d", int(d.Seconds()), d.Milliseconds()%1000), nil
}

// historyError is one of pwsh's history errors (HistoryStrings).
func historyError(id, category string, target any, msg string, args ...any) *engine.ErrorRecord {
	return engine.NewError(category, id, target, msg, args...).WithException("System.ArgumentException")
}

// registerHistoryCmdlets adds Get-History, Invoke-History, Clear-History
// and the HistoryInfo view.
func registerHistoryCmdlets(rt *engine.Runtime) {
	rt.Formats.Register(format.View{TypeName: typeHistoryInfo, Kind: format.TableView, Columns: []format.Column{
		{Label: "Id", Property: "Id", Width: 4, Align: format.AlignRight},
		{Label: "Duration", Value: historyDuration, Width: 12, Align: format.AlignRight},
		{Label: "CommandLine", Property: "CommandLine", Align: format.AlignLeft},
	}})
	id := engine.Declare[[]string](&engine.ParamInfo{Name: "Id", Type: "Int64[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipeline: true}},
		Help: "Specifies an array of the IDs of entries in the session history. Get-History gets only specified entries."})
	count := engine.Declare[int](&engine.ParamInfo{Name: "Count", Type: "Int32", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1}},
		ValidateRange: &[2]float64{0, 32767}, Help: "Specifies the number of the most recent history entries that this cmdlet gets."})
	rt.Register(&engine.Cmdlet{
		Name: "Get-History", Module: "Microsoft.PowerShell.Core",
		Synopsis: "Gets a list of the commands entered during the current session.",
		Description: "The Get-History cmdlet gets the session history, the list of commands entered at the prompt during the " +
			"current session (not those of scripts or -Command). Secrets typed in clear are masked in it as in the history file.",
		Params: []*engine.ParamInfo{id.Info(), count.Info()},
		Examples: []engine.Example{
			{Title: "Get the session history", Code: "Get-History"},
			{Title: "Get the five most recent commands", Code: "Get-History -Count 5"},
		},
		Outputs:    []string{typeHistoryInfo},
		OutputType: historyInfoOutput,
		New:        engine.ProcessOnly(func(c *engine.Call) error { return getHistory(c, id, count) }),
	})
	rt.SetAliases("Get-History", "h", "history", "ghy")

	invokeID := engine.Declare[string](&engine.ParamInfo{Name: "Id", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipelineByName: true}},
		Help: "Specifies the ID of a command in the history, or the first characters of a command line (the most recent match is run). By default the most recent command is run."})
	rt.Register(&engine.Cmdlet{
		Name: "Invoke-History", Module: "Microsoft.PowerShell.Core",
		Synopsis:              "Runs commands from the session history.",
		Description:           "The Invoke-History cmdlet runs commands from the session history: it shows the command line, then runs it in the current scope.",
		SupportsShouldProcess: true,
		Params:                []*engine.ParamInfo{invokeID.Info()},
		Examples:              []engine.Example{{Title: "Run the most recent command", Code: "r"}, {Title: "Run command 7", Code: "Invoke-History -Id 7"}},
		New:                   engine.ProcessOnly(func(c *engine.Call) error { return invokeHistory(c, invokeID) }),
	})
	rt.SetAliases("Invoke-History", "r", "ihy")

	rt.Register(&engine.Cmdlet{
		Name: "Clear-History", Module: "Microsoft.PowerShell.Core",
		Synopsis:              "Deletes entries from the session history.",
		Description:           "The Clear-History cmdlet deletes every command from the session history; the ids of later commands go on from where they were.",
		SupportsShouldProcess: true,
		Examples:              []engine.Example{{Title: "Delete the session history", Code: "Clear-History"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			if ok, err := c.ShouldProcess("This command will clear all the entries from the session history.", "Clear-History"); err != nil || !ok {
				return err
			}
			c.Runtime().ClearHistory()
			return nil
		}),
	})
	rt.SetAliases("Clear-History", "clhy")
}

// parseHistoryID reads one -Id value: a positive number.
func parseHistoryID(s string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n <= 0 {
		return 0, historyError("InvalidIdGetHistory", "InvalidArgument", s,
			"The identifier %s is not a valid value for a History identifier. Specify a positive number, and then try again.", s)
	}
	return n, nil
}

// getHistory is Get-History.
func getHistory(c *engine.Call, id engine.Param[[]string], count engine.Param[int]) error {
	entries := c.Runtime().History()
	ids, haveIDs := id.Lookup(c)
	n, haveCount := count.Lookup(c)
	if haveIDs && len(ids) > 1 && haveCount {
		return historyError("NoCountWithMultipleIds", "InvalidArgument", n, "The count cannot be combined with multiple Ids.")
	}
	if !haveIDs {
		if haveCount && n < len(entries) {
			entries = entries[len(entries)-n:]
		}
		for _, e := range entries {
			if err := c.WriteObject(historyInfo(e)); err != nil {
				return err
			}
		}
		return nil
	}
	for _, raw := range ids {
		want, err := parseHistoryID(raw)
		if err != nil {
			if err := c.WriteError(err.(*engine.ErrorRecord)); err != nil {
				return err
			}
			continue
		}
		at := -1
		for i, e := range entries {
			if e.ID == want {
				at = i
			}
		}
		if at < 0 {
			rec := engine.NewError("ObjectNotFound", "GetHistoryNoHistoryForId", want, "Cannot locate the history for Id %d.", want).
				WithException("System.ArgumentException")
			if err := c.WriteError(rec); err != nil {
				return err
			}
			continue
		}
		from := at
		if haveCount {
			from = max(0, at-n+1)
		}
		for _, e := range entries[from : at+1] {
			if err := c.WriteObject(historyInfo(e)); err != nil {
				return err
			}
		}
	}
	return nil
}

// invokeHistory is Invoke-History: it finds the entry, shows its command
// line and runs it in the caller's scope.
func invokeHistory(c *engine.Call, id engine.Param[string]) error {
	entries := c.Runtime().History()
	var found *engine.HistoryEntry
	if raw, ok := id.Lookup(c); ok && raw != "" {
		if n, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 64); err == nil {
			for i := range entries {
				if entries[i].ID == n {
					found = &entries[i]
				}
			}
			if found == nil {
				return engine.NewError("ObjectNotFound", "InvokeHistoryNoHistoryForId", n, "Cannot locate the history for Id %d.", n).
					WithException("System.ArgumentException")
			}
		} else {
			for i := len(entries) - 1; i >= 0 && found == nil; i-- {
				if strings.HasPrefix(strings.ToLower(entries[i].CommandLine), strings.ToLower(raw)) {
					found = &entries[i]
				}
			}
			if found == nil {
				return engine.NewError("ObjectNotFound", "InvokeHistoryNoHistoryForCommandline", raw, "Cannot locate the history for command line %s.", raw).
					WithException("System.ArgumentException")
			}
		}
	} else {
		if len(entries) == 0 {
			return engine.NewError("ObjectNotFound", "InvokeHistoryNoLastHistoryEntryFound", nil, "Cannot locate most recent history.").
				WithException("System.InvalidOperationException")
		}
		found = &entries[len(entries)-1]
	}
	if isInvokeHistory(c.Runtime(), found.Text()) {
		return engine.NewError("InvalidOperation", "InvokeHistoryLoopDetected", nil, "The Invoke-History cmdlet is called repeatedly, in a loop.").
			WithException("System.InvalidOperationException")
	}
	if ok, err := c.ShouldProcess(found.CommandLine, "Invoke-History"); err != nil || !ok {
		return err
	}
	c.Host().WriteLine(found.CommandLine)
	c.Runtime().InvokedHistory(*found)
	return c.InvokeExpression(found.Text(), c.WriteObject)
}

// isInvokeHistory reports whether a command line calls Invoke-History
// (its name or an alias of it) as its first command.
func isInvokeHistory(rt *engine.Runtime, line string) bool {
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return false
	}
	name := fields[0]
	if target, ok := rt.ResolveAlias(name); ok {
		name = target
	}
	return strings.EqualFold(name, "Invoke-History")
}
