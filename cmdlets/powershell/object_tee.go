package powershell

import (
	"bytes"
	"os"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
)

// registerTeeObject adds Tee-Object (alias tee).
func registerTeeObject(rt *engine.Runtime) {
	p := newTeeParams()
	rt.Register(&engine.Cmdlet{
		Name: "Tee-Object", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Saves command output in a file or variable and also sends it down the pipeline.",
		Description: "The Tee-Object cmdlet redirects output, that is, it sends the output of a command in two directions: it " +
			"stores the output in a file (formatted as the console shows it) or a variable and also sends it down the pipeline.",
		DefaultSet: "File",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Save output in a variable", Code: "1..3 | Tee-Object -Variable nums | Measure-Object"},
			{Title: "Save output in a file", Code: "Get-Variable | Tee-Object -FilePath vars.txt"},
		},
		Outputs: []string{"System.Management.Automation.PSObject"},
		New:     func() engine.Processor { return &teeObject{p: p} },
	})
	rt.SetAliases("Tee-Object", "tee")
}

// teeParams are Tee-Object's parameters.
type teeParams struct {
	inputObject           engine.Param[any]
	filePath, literalPath engine.Param[string]
	append                engine.Param[bool]
	encoding, variable    engine.Param[string]
}

func newTeeParams() *teeParams {
	return &teeParams{
		inputObject: pipelineInput("Specifies the object to be saved and displayed."),
		filePath: engine.Declare[string](&engine.ParamInfo{Name: "FilePath", Type: "String", Aliases: []string{"Path"}, Sets: []engine.ParamSet{{Name: "File", Position: 0, Mandatory: true}},
			Help: "Specifies a file that this cmdlet saves the object to."}),
		literalPath: engine.Declare[string](&engine.ParamInfo{Name: "LiteralPath", Type: "String", Aliases: []string{"PSPath", "LP"}, Sets: []engine.ParamSet{{Name: "LiteralFile", Position: -1, Mandatory: true}},
			Help: "Specifies a file that this cmdlet saves the object to, used exactly as typed."}),
		append:   engine.Declare[bool](engine.NamedParamInSets("Append", "SwitchParameter", "Indicates that the cmdlet appends the output to the specified file.", "File", "LiteralFile")),
		encoding: engine.Declare[string](engine.NamedParamInSets("Encoding", "String", "Specifies the type of encoding for the target file (utf8NoBOM is used).", "File", "LiteralFile")),
		variable: engine.Declare[string](&engine.ParamInfo{Name: "Variable", Type: "String", Sets: []engine.ParamSet{{Name: "Variable", Position: -1, Mandatory: true}},
			Help: "Specifies a variable that this cmdlet saves the object to."}),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *teeParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.inputObject.Info(), p.filePath.Info(), p.literalPath.Info(), p.append.Info(), p.encoding.Info(), p.variable.Info()}
}

// teeObject is one Tee-Object invocation.
type teeObject struct {
	p     *teeParams
	items []any
}

// Begin resolves the file path first, as pwsh opens the file before any
// object passes: a drive that does not exist fails before any output.
func (t *teeObject) Begin(c *engine.Call) error {
	if c.Set == "Variable" {
		return nil
	}
	raw := t.p.filePath.Get(c)
	if t.p.literalPath.Given(c) {
		raw = t.p.literalPath.Get(c)
	}
	_, err := fsResolve(c, raw)
	return err
}

func (t *teeObject) Process(c *engine.Call) error {
	in, ok := processInput(c, t.p.inputObject)
	if !ok {
		return nil
	}
	t.items = append(t.items, in)
	return c.WriteObject(in)
}

func (t *teeObject) End(c *engine.Call) error {
	if c.Set == "Variable" {
		name := strings.TrimPrefix(t.p.variable.Get(c), "$")
		items := t.items
		if items == nil {
			items = []any{}
		}
		c.Scope().SetLocal(name, items)
		return nil
	}
	path := t.p.filePath.Get(c)
	if c.Set == "LiteralFile" {
		path = t.p.literalPath.Get(c)
	}
	var buf bytes.Buffer
	w := format.NewWriter(c.Runtime().Formats, &buf, format.Options{Width: c.Host().ConsoleWidth(), Style: c.Runtime().OutputStyle(false)})
	for _, it := range t.items {
		if err := w.Write(engine.ToDisplay(it)); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if t.p.append.Get(c) {
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	abs, err := fsResolve(c, path)
	if err != nil {
		return err
	}
	f, err := c.OpenFile(abs, flags, 0o644)
	if engine.IsBarrierError(err) {
		return err
	}
	if err != nil {
		return engine.NewError("OpenError", "FileOpenFailure", path, "Could not find a part of the path '%s'.", abs).
			WithException("System.IO.DirectoryNotFoundException")
	}
	_, err = f.Write(buf.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if engine.IsBarrierError(err) {
		return err
	}
	if err != nil {
		return engine.NewError("WriteError", "FileWriteFailure", path, "%s", err.Error())
	}
	return nil
}
