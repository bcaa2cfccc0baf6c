package powershell

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/csshell/csshell/engine"
)

// csvExport is Export-Csv. Like pwsh it opens (and truncates) the file in
// Begin, writes the rows as they arrive, and closes the file in End, so the
// rows already exported stay in the file when the pipeline is stopped.
// Rows go through a buffer over the runtime's file handler, which runs the
// durability barrier before each write: a batch of rows (holding, say, new
// PINs) reaches the file only after the tenant changes behind them are on
// disk, and one sync covers the whole batch.
type csvExport struct {
	p        *csvExportParams
	w        *csvWriter
	typeInfo bool
	file     io.WriteCloser // from c.OpenFile: barrier per write, synced on close
	path     string
	out      *bufio.Writer // over file
	enc      textEncoding
	raw      string // the path as given, for messages
	// appending is set when -Append found a non-empty file; existing holds
	// its header names.
	appending bool
	existing  []string
	names     []string
	started   bool
}

// Begin implements engine.Processor.
func (e *csvExport) Begin(c *engine.Call) error {
	w, typeInfo, err := e.p.csvWritingSetup(c)
	if err != nil {
		return err
	}
	e.w, e.typeInfo = w, typeInfo
	if e.p.path.Given(c) == e.p.literalPath.Given(c) {
		return csvPathAndLiteralPath()
	}
	enc, err := textEncodingFrom(c, e.p.encoding, "utf8NoBOM")
	if err != nil {
		return err
	}
	e.enc = enc
	literal := e.p.literalPath.Given(c)
	e.raw = e.p.path.Get(c)
	if literal {
		e.raw = e.p.literalPath.Get(c)
	}
	if ok, err := c.ShouldProcess(e.raw, "Export-Csv"); err != nil || !ok {
		return err
	}
	path, err := csvResolveFile(c, e.raw, literal)
	if err != nil {
		return err
	}
	return e.open(c, path)
}

// open opens the output file as pwsh's MasterStreamOpen does, reading the
// existing header first when appending.
func (e *csvExport) open(c *engine.Call, path string) error {
	appendTo := e.p.append.Get(c)
	if appendTo {
		if data, err := os.ReadFile(path); err == nil {
			text := decodeText(data, e.enc)
			if text != "" {
				e.appending = true
				if bom, ok := bomEncoding(data); ok {
					e.enc = bom
				}
				r := &csvReader{text: text, delim: e.w.delim}
				_ = r.readHeader()
				e.existing = r.header
			}
		}
	}
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	switch {
	case appendTo:
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	case e.p.noClobber.Get(c):
		flags = os.O_CREATE | os.O_WRONLY | os.O_EXCL
	}
	st, err := os.Stat(path)
	if err == nil && st.IsDir() {
		return engine.FileOpenError(path, fs.ErrPermission)
	}
	empty := !appendTo || err != nil || st.Size() == 0
	f, err := c.OpenFile(path, flags, 0o644)
	if err != nil {
		if engine.IsBarrierError(err) {
			return err
		}
		if errors.Is(err, fs.ErrExist) {
			return engine.NewError("ResourceExists", "NoClobber", path, "File %s already exists and NoClobber was specified.", e.raw).
				WithException("System.IO.IOException")
		}
		return engine.FileOpenError(path, err)
	}
	e.file, e.path = f, path
	e.out = bufio.NewWriterSize(f, 64<<10)
	if empty {
		if bom := e.enc.encode("", true); len(bom) > 0 {
			return e.write(string(bom), true)
		}
	}
	return nil
}

// bomEncoding returns the encoding a byte-order mark at the start of data
// names.
func bomEncoding(data []byte) (textEncoding, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return encUTF8BOM, true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		return encUTF32, true
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return encBigEndianUTF32, true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return encUnicode, true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return encBigEndianUnicode, true
	}
	return encUTF8, false
}

// write writes raw bytes (already encoded) or one line of text.
func (e *csvExport) write(s string, raw bool) error {
	data := []byte(s)
	if !raw {
		data = e.enc.encode(s+"\n", false)
	}
	if _, err := e.out.Write(data); err != nil {
		return writeFailure(e.path, err)
	}
	return nil
}

// Process implements engine.Processor.
func (e *csvExport) Process(c *engine.Call) error {
	in, ok := csvInput(c, e.p.inputObject)
	if !ok || e.file == nil {
		return nil
	}
	if !e.started {
		e.started = true
		e.names = csvPropertyNames(in)
		if e.appending && e.existing != nil {
			if err := e.reconcile(c); err != nil {
				return err
			}
		}
		if !e.appending && !e.p.noHeader.Get(c) {
			if e.typeInfo {
				if err := e.write(csvTypeLine(in), false); err != nil {
					return err
				}
			}
			if err := e.write(e.w.headerLine(e.names), false); err != nil {
				return err
			}
		}
	}
	return e.write(e.w.recordLine(in, e.names), false)
}

// reconcile makes the appended rows use the file's columns; a column the
// first appended object lacks is an error unless -Force.
func (e *csvExport) reconcile(c *engine.Call) error {
	have := make(map[string]bool, len(e.names))
	for _, n := range e.names {
		have[strings.ToLower(n)] = true
	}
	for _, n := range e.existing {
		if !have[strings.ToLower(n)] && !e.p.force.Get(c) {
			return engine.NewError("InvalidData", "CannotAppendCsvWithMismatchedPropertyNames", n,
				"Cannot append CSV content to the following file: %s. The appended object does not have a property that corresponds to the following column: %s. To continue with mismatched properties, add the -Force parameter, and then retry the command.",
				e.raw, n).WithException("System.InvalidOperationException")
		}
	}
	e.names = e.existing
	return nil
}

// End implements engine.Processor.
func (e *csvExport) End(c *engine.Call) error {
	if e.file == nil {
		return nil
	}
	err := e.out.Flush()
	if cerr := e.file.Close(); err == nil {
		err = cerr
	}
	e.file = nil
	return writeFailure(e.path, err)
}
