package powershell

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// csvConvertTo is ConvertTo-Csv: the header row from the first object's
// properties, then one line per object; empty lines are not written.
type csvConvertTo struct {
	p        *csvConvertToParams
	w        *csvWriter
	typeInfo bool
	names    []string
	started  bool
}

// Begin implements engine.Processor.
func (t *csvConvertTo) Begin(c *engine.Call) error {
	w, typeInfo, err := t.p.csvWritingSetup(c)
	if err != nil {
		return err
	}
	t.w, t.typeInfo = w, typeInfo
	return nil
}

// Process implements engine.Processor.
func (t *csvConvertTo) Process(c *engine.Call) error {
	in, ok := csvInput(c, t.p.inputObject)
	if !ok {
		return nil
	}
	if !t.started {
		t.started = true
		t.names = csvPropertyNames(in)
		if !t.p.noHeader.Get(c) {
			if t.typeInfo {
				if err := c.WriteObject(csvTypeLine(in)); err != nil {
					return err
				}
			}
			if h := t.w.headerLine(t.names); h != "" {
				if err := c.WriteObject(h); err != nil {
					return err
				}
			}
		}
	}
	if line := t.w.recordLine(in, t.names); line != "" {
		return c.WriteObject(line)
	}
	return nil
}

// End implements engine.Processor.
func (t *csvConvertTo) End(c *engine.Call) error { return nil }

// csvConvertFrom is ConvertFrom-Csv: each input string is parsed on its own
// (a string may hold several records, and fields with line breaks); the
// header and #TYPE name of the first carry over to the next ones.
type csvConvertFrom struct {
	p        *csvConvertFromParams
	header   []string
	typeName string
	warned   bool
}

// Begin implements engine.Processor.
func (f *csvConvertFrom) Begin(c *engine.Call) error {
	if f.p.header.Given(c) {
		f.header = f.p.header.Get(c)
	}
	return nil
}

// Process implements engine.Processor.
func (f *csvConvertFrom) Process(c *engine.Call) error {
	v := f.p.inputObject.Get(c)
	items, ok := value.Enumerate(v)
	if !ok {
		if v == nil {
			return nil
		}
		items = []any{v}
	}
	for _, it := range items {
		r := &csvReader{text: csvText(it), delim: f.p.csvDelimiter(c), header: f.header, typeName: f.typeName}
		err := r.records(func(row csvRow) error { return csvEmitRow(c, row, r.typeName, &f.warned) })
		if err != nil {
			return csvReadError(err)
		}
		if f.header == nil && r.header != nil {
			f.header = r.header
		}
		if f.typeName == "" {
			f.typeName = r.typeName
		}
	}
	return nil
}

// End implements engine.Processor.
func (f *csvConvertFrom) End(c *engine.Call) error { return nil }

// csvEmitRow writes one row as a PSCustomObject (typed "X" and "CSV:X"
// after a "#TYPE X" line), warning once about defaulted header names.
func csvEmitRow(c *engine.Call, row csvRow, typeName string, warned *bool) error {
	var o *value.Object
	if typeName != "" {
		o = value.NewObject(typeName, "CSV:"+typeName)
	} else {
		o = value.NewObject()
	}
	for i, n := range row.names {
		o.Set(n, row.values[i])
	}
	if row.defaulted && !*warned {
		*warned = true
		c.WriteWarning(`One or more headers were not specified. Default names starting with "H" have been used in place of any missing headers.`)
	}
	return c.WriteObject(o)
}

// csvReadError turns a reader error into pwsh's terminating error record.
func csvReadError(err error) error {
	if d, ok := err.(*csvDuplicateHeaderError); ok {
		return engine.NewError("NotSpecified", "AlreadyPresentPSMemberInfoInternalCollectionAdd", nil, "%s", d.Error()).
			WithException("System.Management.Automation.ExtendedTypeSystemException")
	}
	return err
}
