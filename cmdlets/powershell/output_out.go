package powershell

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
)

// registerOutCmdlets adds Out-String, Out-Null, Out-Default, Out-Host and
// Out-File.
func registerOutCmdlets(rt *engine.Runtime) {
	input := func() *engine.ParamInfo {
		return &engine.ParamInfo{Name: "InputObject", Type: "PSObject", Sets: outSetsPipe(), Help: "Specifies the objects to be sent."}
	}
	rt.Register(&engine.Cmdlet{
		Name: "Out-String", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Outputs input objects as a string.",
		Description: "The Out-String cmdlet converts input objects into strings. By default, Out-String accumulates the strings and returns them as a single string, but you can use the Stream parameter to direct Out-String to return one line at a time.",
		DefaultSet:  "NoNewLineFormatting",
		Params: []*engine.ParamInfo{
			{Name: "Width", Type: "Int32", Sets: outSetsAll(), ValidateRange: &[2]float64{2, 2147483647}, Help: "Specifies the number of characters in each line of output."},
			{Name: "NoNewline", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "NoNewLineFormatting", Position: -1}}, Help: "Removes all newlines from formatted output."},
			{Name: "Stream", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "StreamFormatting", Position: -1}}, Help: "Sends the strings for each object separately."},
			input(),
		},
		Outputs:  []string{"System.String"},
		Examples: []engine.Example{{Title: "Get a table as text", Code: "Get-Alias | Out-String", Remarks: "Returns the table as one string."}},
		New:      func() engine.Processor { return &outString{} },
	})
	rt.Register(&engine.Cmdlet{
		Name: "Out-Null", Module: "Microsoft.PowerShell.Core",
		Synopsis:    "Hides the output instead of sending it down the pipeline or displaying it.",
		Description: "The Out-Null cmdlet sends its output to NULL, in effect, removing it from the pipeline and preventing the output from being displayed at the screen.",
		Params:      []*engine.ParamInfo{input()},
		New:         engine.ProcessOnly(func(c *engine.Call) error { return nil }),
	})
	for _, name := range []string{"Out-Default", "Out-Host"} {
		params := []*engine.ParamInfo{input()}
		if name == "Out-Host" {
			params = append(params, &engine.ParamInfo{Name: "Paging", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Displays one page of output at a time."})
		} else {
			params = append(params, &engine.ParamInfo{Name: "Transcript", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Determines whether the output should be sent to the transcript only."})
		}
		rt.Register(&engine.Cmdlet{
			Name: name, Module: "Microsoft.PowerShell.Core",
			Synopsis:    map[bool]string{true: "Sends the output to the command line.", false: "Sends the output to the default formatter and to the default output cmdlet."}[name == "Out-Host"],
			Description: "Formats the input objects as the console shows them and writes the text to the host.",
			Params:      params,
			New:         func() engine.Processor { return &outHost{} },
		})
	}
	rt.Register(&engine.Cmdlet{
		Name: "Out-File", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Sends output to a file.",
		Description: "The Out-File cmdlet sends output to a file. It implicitly uses PowerShell's formatting system to write to the file. The file receives the same display representation as the terminal.",
		DefaultSet:  "ByPath", SupportsShouldProcess: true,
		Params: []*engine.ParamInfo{
			{Name: "FilePath", Type: "String", Aliases: []string{"Path"}, Sets: []engine.ParamSet{{Name: "ByPath", Position: 0, Mandatory: true}}, Help: "Specifies the path to the output file."},
			{Name: "LiteralPath", Type: "String", Aliases: []string{"PSPath", "LP"}, Sets: []engine.ParamSet{{Name: "ByLiteralPath", Position: -1, Mandatory: true}}, Help: "Specifies the path to the output file, used exactly as typed."},
			{Name: "Encoding", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1}}, Default: "utf8NoBOM", Help: "Specifies the type of encoding for the target file."},
			{Name: "Append", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Adds the output to the end of an existing file."},
			{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Overrides the read-only attribute and overwrites an existing read-only file."},
			{Name: "NoClobber", Type: "SwitchParameter", Aliases: []string{"NoOverwrite"}, Sets: outSetsAll(), Help: "Prevents an existing file from being overwritten."},
			{Name: "Width", Type: "Int32", Sets: outSetsAll(), ValidateRange: &[2]float64{2, 2147483647}, Help: "Specifies the maximum number of characters in each line of output."},
			{Name: "NoNewline", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Specifies that the content written to the file does not end with a newline character."},
			input(),
		},
		Examples: []engine.Example{{Title: "Save a listing", Code: "Get-ChildItem | Out-File -FilePath ./list.txt", Remarks: "Writes the table the console would show to list.txt."}},
		New:      func() engine.Processor { return &outFile{} },
	})
}

// outCollect appends the current input (pipeline or -InputObject).
func outCollect(c *engine.Call, items []any) []any {
	if c.Has("InputObject") {
		return append(items, c.Get("InputObject"))
	}
	if c.HasInput {
		return append(items, c.Input)
	}
	return items
}

// outRender renders items exactly as Out-Default would at the given width.
func outRender(c *engine.Call, items []any, width int) string {
	var buf bytes.Buffer
	w := format.NewWriter(c.Runtime().Formats, &buf, format.Options{Width: width})
	for _, it := range items {
		_ = w.Write(outDisplay(it))
	}
	_ = w.Close()
	return buf.String()
}

// outString is Out-String.
type outString struct{ items []any }

func (o *outString) Begin(c *engine.Call) error { return nil }

func (o *outString) Process(c *engine.Call) error {
	o.items = outCollect(c, o.items)
	return nil
}

func (o *outString) End(c *engine.Call) error {
	width := c.Int("Width", c.Host().ConsoleWidth())
	text := outRender(c, o.items, width)
	if c.Switch("Stream") {
		if text == "" {
			return nil
		}
		lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
		for _, l := range lines {
			if err := c.WriteObject(l); err != nil {
				return err
			}
		}
		return nil
	}
	if c.Switch("NoNewline") {
		text = strings.ReplaceAll(text, "\n", "")
	}
	return c.WriteObject(text)
}

// outHost is Out-Default and Out-Host: it formats to the host as it goes;
// with -Paging, on an interactive terminal, it collects the text and hands
// it to the host's pager.
type outHost struct {
	w      *format.Writer
	paging *bytes.Buffer
}

func (o *outHost) Begin(c *engine.Call) error {
	out := c.Host().Out
	if c.Switch("Paging") && c.Host().Page != nil {
		o.paging = &bytes.Buffer{}
		out = o.paging
	}
	o.w = format.NewWriter(c.Runtime().Formats, out, format.Options{Width: c.Host().ConsoleWidth()})
	return nil
}

func (o *outHost) Process(c *engine.Call) error {
	var v any
	switch {
	case c.Has("InputObject"):
		v = c.Get("InputObject")
	case c.HasInput:
		v = c.Input
	default:
		return nil
	}
	return o.w.Write(outDisplay(v))
}

func (o *outHost) End(c *engine.Call) error {
	if err := o.w.Close(); err != nil {
		return err
	}
	if o.paging == nil {
		return nil
	}
	return c.Page(o.paging.String())
}

// outFile is Out-File.
type outFile struct{ items []any }

func (o *outFile) Begin(c *engine.Call) error {
	if _, err := textEncodingOf(c, "utf8NoBOM"); err != nil {
		return err
	}
	return nil
}

func (o *outFile) Process(c *engine.Call) error {
	o.items = outCollect(c, o.items)
	return nil
}

func (o *outFile) End(c *engine.Call) error {
	enc, err := textEncodingOf(c, "utf8NoBOM")
	if err != nil {
		return err
	}
	raw := c.String("FilePath")
	if c.Has("LiteralPath") {
		raw = c.String("LiteralPath")
	}
	path := c.ResolvePath(raw)
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return engine.NewError("OpenError", "FileOpenFailure", path, "Access to the path '%s' is denied.", path).WithException("System.UnauthorizedAccessException")
		}
		if c.Switch("NoClobber") && !c.Switch("Append") {
			return engine.NewError("ResourceExists", "NoClobber", path, "File %s already exists and NoClobber was specified.", raw).WithException("System.IO.IOException")
		}
	}
	if ok, err := c.ShouldProcess(path, "Output to File"); err != nil || !ok {
		return err
	}
	width := c.Int("Width", c.Host().ConsoleWidth())
	text := outRender(c, o.items, width)
	if c.Switch("NoNewline") {
		text = strings.ReplaceAll(text, "\n", "")
	}
	return writeTextFile(c, path, text, enc, c.Switch("Append"))
}

// writeTextFile writes (or appends) text in an encoding, with the BOM only
// at the start of a file, through the runtime's file handler (barrier
// first, synced on close).
func writeTextFile(c *engine.Call, path, text string, enc textEncoding, appendTo bool) error {
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	withBOM := true
	if appendTo {
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
		if st, err := os.Stat(path); err == nil && st.Size() > 0 {
			withBOM = false
		}
	}
	return writeFile(c, path, flags, enc.encode(text, withBOM))
}

// writeFile opens path with flags through the runtime's file handler and
// writes data. A failed durability barrier is returned as it is; other
// errors become pwsh's error records.
func writeFile(c *engine.Call, path string, flags int, data []byte) error {
	fh, err := c.OpenFile(path, flags, 0o644)
	if err == nil {
		_, err = fh.Write(data)
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
	}
	return writeFailure(path, err)
}

// writeFailure converts a file write's error: a failed durability barrier
// as it is, an OS error to pwsh's error record.
func writeFailure(path string, err error) error {
	if err == nil {
		return nil
	}
	if engine.IsBarrierError(err) {
		return err
	}
	return fileOpenError(path, err)
}

// fileOpenError turns an OS error on path into pwsh's error record.
func fileOpenError(path string, err error) *engine.ErrorRecord {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return engine.NewError("ObjectNotFound", "DirectoryNotFoundException", path, "Could not find a part of the path '%s'.", path).WithException("System.IO.DirectoryNotFoundException")
	case errors.Is(err, fs.ErrPermission):
		return engine.NewError("PermissionDenied", "UnauthorizedAccessException", path, "Access to the path '%s' is denied.", path).WithException("System.UnauthorizedAccessException")
	}
	return engine.NewError("WriteError", "IOException", path, "%s", err.Error()).WithException("System.IO.IOException")
}
