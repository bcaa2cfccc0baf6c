package engine

import (
	"errors"
	"strconv"
	"strings"

	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// InvokeExpression runs text as PowerShell code in the scope of the code
// that invoked the cmdlet (Invoke-Expression), writing its output to emit.
// A text that does not parse is a statement-terminating ParseException
// located in the text itself, as pwsh reports it.
func (c *Call) InvokeExpression(text string, emit func(any) error) error {
	ast, err := syntax.Parse(&syntax.Source{Name: "", Text: text})
	if err != nil {
		rec := AsRecord(err)
		rec.HasPosition = rec.Source != nil
		return rec
	}
	f := c.frame
	if f == nil {
		f = c.rt.newFrame(c.ctx)
		f.io = &stageIO{out: emit}
	}
	inner := *f
	inner.io = f.io.withOut(emit)
	inner.source = ast.Source
	inner.depth = f.depth + 1
	if inner.depth > maxDepth {
		return f.errAt(nil, "System.Management.Automation.ScriptCallDepthException", "CallDepthOverflow", "The script failed due to call depth overflow.")
	}
	err = inner.execTopBlock(ast)
	if _, ok := err.(*returnSignal); ok {
		return nil
	}
	return err
}

// createScriptBlock is [scriptblock]::Create(text): the text parsed into
// a block that belongs to no file.
func createScriptBlock(args []any) (any, error) {
	if len(args) != 1 {
		return nil, &value.Error{ExceptionType: "System.Management.Automation.MethodException", ErrorID: "MethodCountCouldNotFindBest", Category: "NotSpecified",
			Msg: "Cannot find an overload for \"Create\" and the argument count: \"" + strconv.Itoa(len(args)) + "\"."}
	}
	text := value.ToString(args[0])
	ast, err := syntax.Parse(&syntax.Source{Name: "", Text: text})
	if err != nil {
		var list syntax.ErrorList
		msg := err.Error()
		if errors.As(err, &list) && len(list) > 0 {
			var b strings.Builder
			for i, e := range list {
				if i > 0 {
					b.WriteString("\n\n")
				}
				line, col := lineCol(text, e.Extent.Start)
				src, _ := syntax.LineAt(text, e.Extent.Start)
				n := e.Extent.End - e.Extent.Start
				if n < 1 || col-1+n > len(src) {
					n = 1
				}
				b.WriteString("At line:" + strconv.Itoa(line) + " char:" + strconv.Itoa(col) + "\n+ " + src +
					"\n+ " + strings.Repeat(" ", col-1) + strings.Repeat("~", n) + "\n" + e.Msg)
			}
			msg = b.String()
		}
		return nil, &value.Error{ExceptionType: "System.Management.Automation.MethodInvocationException", ErrorID: "ParseException", Category: "NotSpecified",
			Msg: "Exception calling \"Create\" with \"1\" argument(s): \"" + msg + "\"", Inner: "System.Management.Automation.ParseException"}
	}
	return newScriptBlock(ast, nil), nil
}

// lineCol is the 1-based line and column of a byte offset.
func lineCol(text string, off int) (int, int) {
	if off > len(text) {
		off = len(text)
	}
	line := 1 + strings.Count(text[:off], "\n")
	col := off - strings.LastIndex(text[:off], "\n")
	return line, col
}
