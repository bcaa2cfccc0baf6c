package powershell

import (
	"os"

	"github.com/csshell/csshell/engine"
)

// csvImport is Import-Csv: each path is read whole, decoded (a byte-order
// mark wins over -Encoding) and parsed with its own header row.
type csvImport struct {
	p      *csvImportParams
	warned bool
}

// Begin implements engine.Processor.
func (m *csvImport) Begin(c *engine.Call) error {
	_, err := textEncodingFrom(c, m.p.encoding, "utf8NoBOM")
	return err
}

// Process implements engine.Processor.
func (m *csvImport) Process(c *engine.Call) error {
	if m.p.path.Given(c) && m.p.literalPath.Given(c) {
		return csvPathAndLiteralPath()
	}
	enc, err := textEncodingFrom(c, m.p.encoding, "utf8NoBOM")
	if err != nil {
		return err
	}
	raws, literal := m.p.args(c)
	var header []string
	if m.p.header.Given(c) {
		header = m.p.header.Get(c)
	}
	for _, raw := range raws {
		path, err := csvResolveFile(c, raw, literal)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return engine.FileOpenError(path, err)
		}
		r := &csvReader{text: decodeText(data, enc), delim: m.p.csvDelimiter(c), header: header}
		if err := r.records(func(row csvRow) error { return csvEmitRow(c, row, r.typeName, &m.warned) }); err != nil {
			return csvReadError(err)
		}
	}
	return nil
}

// End implements engine.Processor.
func (m *csvImport) End(c *engine.Call) error { return nil }

// csvPathAndLiteralPath is pwsh's CannotSpecifyPathAndLiteralPath error.
func csvPathAndLiteralPath() error {
	return engine.NewError("InvalidData", "CannotSpecifyPathAndLiteralPath", nil,
		"You must specify either the -Path or -LiteralPath parameters, but not both.").
		WithException("System.InvalidOperationException")
}

// csvResolveFile resolves a file path argument as pwsh's
// PathUtils.ResolveFilePath does: a wildcard must match exactly one item;
// a plain path is used as is, existing or not.
func csvResolveFile(c *engine.Call, raw string, literal bool) (string, error) {
	paths, wild, err := fsExpandPath(c, raw, literal)
	if err != nil {
		return "", err
	}
	if !wild {
		return paths[0], nil
	}
	switch len(paths) {
	case 0:
		return "", engine.NewError("OpenError", "FileOpenFailure", raw,
			"Cannot perform operation because the wildcard path %s did not resolve to a file.", raw).
			WithException("System.IO.FileNotFoundException")
	case 1:
		return paths[0], nil
	}
	return "", engine.NewError("InvalidArgument", "ReadWriteMultipleFilesNotSupported", nil,
		"Cannot perform operation because the path resolved to more than one file. This command cannot operate on multiple files.").
		WithException("System.Management.Automation.PSInvalidOperationException")
}
