package powershell

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// registerOutCmdlets adds Out-String, Out-Null, Out-Default, Out-Host and
// Out-File.
func registerOutCmdlets(rt *engine.Runtime) {
	str := newOutStringParams()
	rt.Register(&engine.Cmdlet{
		Name: "Out-String", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Outputs input objects as a string.",
		Description: "The Out-String cmdlet converts input objects into strings. By default, Out-String accumulates the strings and returns them as a single string, but you can use the Stream parameter to direct Out-String to return one line at a time.",
		DefaultSet:  "NoNewLineFormatting",
		Params:      str.infos(),
		Outputs:     []string{"System.String"},
		Examples:    []engine.Example{{Title: "Get a table as text", Code: "Get-Alias | Out-String", Remarks: "Returns the table as one string."}},
		New:         func() engine.Processor { return &outString{p: str} },
	})
	rt.Register(&engine.Cmdlet{
		Name: "Out-Null", Module: "Microsoft.PowerShell.Core",
		Synopsis:    "Hides the output instead of sending it down the pipeline or displaying it.",
		Description: "The Out-Null cmdlet sends its output to NULL, in effect, removing it from the pipeline and preventing the output from being displayed at the screen.",
		Params:      []*engine.ParamInfo{outInput().Info()},
		New:         engine.ProcessOnly(func(c *engine.Call) error { return nil }),
	})
	for _, name := range []string{"Out-Default", "Out-Host"} {
		p := newOutHostParams(name == "Out-Host")
		rt.Register(&engine.Cmdlet{
			Name: name, Module: "Microsoft.PowerShell.Core",
			Synopsis:    map[bool]string{true: "Sends the output to the command line.", false: "Sends the output to the default formatter and to the default output cmdlet."}[name == "Out-Host"],
			Description: "Formats the input objects as the console shows them and writes the text to the host.",
			Params:      p.infos,
			New:         func() engine.Processor { return &outHost{p: p} },
		})
	}
	file := newOutFileParams()
	rt.Register(&engine.Cmdlet{
		Name: "Out-File", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Sends output to a file.",
		Description: "The Out-File cmdlet sends output to a file. It implicitly uses PowerShell's formatting system to write to the file. The file receives the same display representation as the terminal.",
		DefaultSet:  "ByPath", SupportsShouldProcess: true,
		Params:   file.infos(),
		Examples: []engine.Example{{Title: "Save a listing", Code: "Get-ChildItem | Out-File -FilePath ./list.txt", Remarks: "Writes the table the console would show to list.txt."}},
		New:      func() engine.Processor { return &outFile{p: file} },
	})
}

// outCollect appends the current input (pipeline or -InputObject).
func outCollect(c *engine.Call, input engine.Param[any], items []any) []any {
	if in, ok := input.Lookup(c); ok {
		return append(items, in)
	}
	if c.HasInput {
		return append(items, c.Input)
	}
	return items
}

// outRender renders items exactly as Out-Default would at the given width;
// text over the growth cap (value.MaxGrowth) is an error, not the end of
// the process.
func outRender(c *engine.Call, items []any, width int) (string, error) {
	buf := &cappedBuffer{}
	w := format.NewWriter(c.Runtime().Formats, buf, format.Options{Width: width, Style: c.Runtime().OutputStyle(false)})
	for _, it := range items {
		if buf.over {
			break
		}
		_ = w.Write(outDisplay(it))
	}
	_ = w.Close()
	if buf.over {
		return "", value.CheckStringSize(value.MaxGrowth + 1)
	}
	return buf.String(), nil
}

// cappedBuffer is a bytes.Buffer that takes no more than value.MaxGrowth
// bytes: past that it drops what it is given and remembers it was over.
// (Only Write: an embedded bytes.Buffer would let io.WriteString past.)
type cappedBuffer struct {
	buf  bytes.Buffer
	over bool
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if b.over || b.buf.Len()+len(p) > value.MaxGrowth {
		b.over = true
		return len(p), nil
	}
	return b.buf.Write(p)
}

func (b *cappedBuffer) String() string { return b.buf.String() }

// outString is Out-String.
type outString struct {
	p     *outStringParams
	items []any
}

func (o *outString) Begin(c *engine.Call) error { return nil }

func (o *outString) Process(c *engine.Call) error {
	o.items = outCollect(c, o.p.inputObject, o.items)
	return nil
}

func (o *outString) End(c *engine.Call) error {
	width := o.p.width.Or(c, c.Host().ConsoleWidth())
	text, err := outRender(c, o.items, width)
	if err != nil {
		return err
	}
	if o.p.stream.Get(c) {
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
	if o.p.noNewline.Get(c) {
		text = strings.ReplaceAll(text, "\n", "")
	}
	return c.WriteObject(text)
}

// outHost is Out-Default and Out-Host: it formats to the host as it goes;
// with -Paging, on an interactive terminal, it collects the text and hands
// it to the host's pager.
type outHost struct {
	p      *outHostParams
	w      *format.Writer
	paging *bytes.Buffer
}

func (o *outHost) Begin(c *engine.Call) error {
	out := c.Host().Out
	if o.p.paging != nil && o.p.paging.Get(c) && c.Host().Page != nil {
		o.paging = &bytes.Buffer{}
		out = o.paging
	}
	o.w = format.NewWriter(c.Runtime().Formats, out, format.Options{Width: c.Host().ConsoleWidth(), Style: c.Runtime().OutputStyle(true)})
	return nil
}

func (o *outHost) Process(c *engine.Call) error {
	var v any
	in, given := o.p.inputObject.Lookup(c)
	switch {
	case given:
		v = in
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
type outFile struct {
	p     *outFileParams
	items []any
	// skip is set when ShouldProcess declined (-WhatIf, a No at -Confirm).
	skip bool
}

// Begin asks ShouldProcess and fails as pwsh's Out-File fails when it
// opens the file in BeginProcessing: a bad path, a missing folder, a folder
// or -NoClobber on an existing file stop the pipeline before any command's
// input is processed (the file itself is written in End). Under -WhatIf
// nothing is opened, so nothing fails.
func (o *outFile) Begin(c *engine.Call) error {
	if _, err := textEncodingFrom(c, o.p.encoding, "utf8NoBOM"); err != nil {
		return err
	}
	path, raw, err := o.target(c)
	if err != nil {
		return err
	}
	ok, err := c.ShouldProcess(path, "Output to File")
	if err != nil || !ok {
		o.skip = true
		return err
	}
	if err := o.checkTarget(c, path, raw); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Dir(path)); errors.Is(err, fs.ErrNotExist) {
		return fileOpenError(path, err)
	}
	return nil
}

// target resolves -FilePath or -LiteralPath.
func (o *outFile) target(c *engine.Call) (path, raw string, err error) {
	raw = o.p.filePath.Get(c)
	if lit, ok := o.p.literalPath.Lookup(c); ok {
		raw = lit
	}
	path, err = fsResolve(c, raw)
	return path, raw, err
}

// checkTarget refuses a folder, and an existing file under -NoClobber.
func (o *outFile) checkTarget(c *engine.Call, path, raw string) error {
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return engine.NewError("OpenError", "FileOpenFailure", path, "Access to the path '%s' is denied.", path).WithException("System.UnauthorizedAccessException")
		}
		if o.p.noClobber.Get(c) && !o.p.append.Get(c) {
			return engine.NewError("ResourceExists", "NoClobber", path, "File %s already exists and NoClobber was specified.", raw).WithException("System.IO.IOException")
		}
	}
	return nil
}

func (o *outFile) Process(c *engine.Call) error {
	if o.skip {
		return nil
	}
	o.items = outCollect(c, o.p.inputObject, o.items)
	return nil
}

func (o *outFile) End(c *engine.Call) error {
	if o.skip {
		return nil
	}
	p := o.p
	enc, err := textEncodingFrom(c, p.encoding, "utf8NoBOM")
	if err != nil {
		return err
	}
	path, raw, err := o.target(c)
	if err != nil {
		return err
	}
	if err := o.checkTarget(c, path, raw); err != nil {
		return err
	}
	width := p.width.Or(c, c.Host().ConsoleWidth())
	text, err := outRender(c, o.items, width)
	if err != nil {
		return err
	}
	if p.noNewline.Get(c) {
		text = strings.ReplaceAll(text, "\n", "")
	}
	return writeTextFile(c, path, text, enc, p.append.Get(c))
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
