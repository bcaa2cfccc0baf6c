package pester

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// assertionID is the FullyQualifiedErrorId of a failed Should.
const assertionID = "PesterAssertionFailed"

// assertionError is a failed assertion as Pester's CreateShouldErrorRecord
// makes it: a System.Exception with the failure message, category
// InvalidResult, its target a dictionary of the Should's place.
func assertionError(c *engine.Call, msg string) *engine.ErrorRecord {
	rec := engine.NewError("InvalidResult", assertionID, nil, "%s", msg).WithException("System.Exception")
	rec.OwnID = true
	file, line, text := where(c)
	t := value.NewHashtable()
	t.Set("Message", msg)
	t.Set("File", file)
	t.Set("Line", int32(line))
	t.Set("LineText", text)
	t.Set("Terminating", true)
	rec.TargetObject = t
	return rec
}

// where returns the file, line and line text of a command's invocation.
func where(c *engine.Call) (file string, line int, text string) {
	src, ext := c.Position()
	return place(src, ext)
}

// place returns the file, line number and line text of an extent.
func place(src *syntax.Source, ext syntax.Extent) (file string, line int, text string) {
	if src == nil {
		return "", 0, ""
	}
	line = lineAt(src.Text, ext.Start)
	lines := strings.Split(src.Text, "\n")
	if line-1 < len(lines) {
		text = strings.TrimSpace(strings.TrimRight(lines[line-1], "\r"))
	}
	return src.Name, line, text
}

// displayError is an error as Pester prints it and writes it to result
// files (DisplayErrorMessage, DisplayStackTrace): an assertion's bare
// message and its place, other errors prefixed by their exception's short
// type name.
func displayError(e *engine.ErrorRecord) (msg string, stack []string) {
	if e.ErrorID == assertionID {
		if t, ok := e.TargetObject.(*value.Hashtable); ok {
			file, _ := t.Get("File")
			line, _ := t.Get("Line")
			text, _ := t.Get("LineText")
			if f := value.ToString(file); f != "" {
				loc := fmt.Sprintf("%s:%v", f, line)
				stack = append(stack, "at "+value.ToString(text)+", "+loc, "at <ScriptBlock>, "+loc)
			}
		}
		return e.Message, stack
	}
	typ := e.ExceptionType
	if typ == "" {
		typ = "System.Management.Automation.RuntimeException"
	}
	if i := strings.LastIndexByte(typ, '.'); i >= 0 {
		typ = typ[i+1:]
	}
	msg = typ + ": " + e.Message
	if e.HasPosition && e.Source != nil {
		file, line, _ := place(e.Source, e.Extent)
		stack = append(stack, fmt.Sprintf("at <ScriptBlock>, %s:%d", file, line))
	}
	return msg, stack
}

// asRecord turns an error a block returned into a record.
func asRecord(err error) *engine.ErrorRecord {
	if code, ok := engine.IsExit(err); ok {
		return engine.NewError("InvalidOperation", "PesterExit", nil, "The test called exit %d.", code)
	}
	return engine.AsRecord(err)
}
