package format

import (
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// maxBuffer is how many rows a table buffers to measure its columns before
// it streams with the widths fixed (pwsh waits 300 ms instead).
const maxBuffer = 1000

// maxTableColumns is pwsh's cap on columns of a table built from properties.
const maxTableColumns = 10

// config is what a formatting run was asked for.
type config struct {
	forced   bool // the shape is forced (Format-Table, -List, -Wide)
	kind     Kind // the forced shape
	cols     []Column
	autosize bool
	hide     bool
	wrap     bool
	wideProp string
	wideCols int
	width    int
	style    Style
}

// entry is a buffered table row, or out-of-band text when cells is nil.
type entry struct {
	raw   string
	cells []string
}

// sequence is pwsh's "format sequence": the objects sharing one shape.
type sequence struct {
	kind   Kind
	view   *View    // nil: built from properties, applies to every object
	cols   []Column // nil for a list built from each object's properties
	labels []string
	aligns []Align
	custom []bool // a view's label that is no property of the first object
	// tables
	measure bool // widths come from the data
	layout  *tableLayout
	pending []entry
	nrows   int
	// groups
	grouped  bool
	groupKey string
	// wide
	wide *wideLayout
}

// processor turns objects into text, following pwsh's formatter.
type processor struct {
	reg *Registry
	cfg config
	out strings.Builder
	seq *sequence
	err error // first error of a computed column
}

func newProcessor(r *Registry, cfg config) *processor {
	if cfg.width <= 0 {
		cfg.width = 120
	}
	if r == nil {
		r = defaultRegistry()
	}
	if len(cfg.cols) == 0 {
		cfg.cols = nil
	}
	return &processor{reg: r, cfg: cfg}
}

// add formats one pipeline object.
func (p *processor) add(item any) {
	switch x := item.(type) {
	case nil:
		return
	case []any:
		for _, e := range x {
			p.add(e)
		}
		return
	case *value.List:
		for _, e := range x.Snapshot() {
			p.add(e)
		}
		return
	case *value.Hashtable:
		keys, vals := x.Keys(), x.Values()
		for i := range keys {
			p.add(dictEntry{keys[i], vals[i]})
		}
		return
	case Rendered:
		p.end()
		p.out.WriteString(x.Text)
		return
	case *Rendered:
		if x != nil {
			p.end()
			p.out.WriteString(x.Text)
		}
		return
	case Deferred:
		p.end()
		p.out.WriteString(x.at(p.cfg.width, p.cfg.style))
		return
	}
	if text, ok := outOfBand(item); ok && !p.hasView(item) {
		p.outOfBand(text)
		return
	}
	if p.seq == nil {
		p.start(item)
	}
	if !p.seq.applies(item) {
		p.outOfBand(p.listText(item))
		return
	}
	p.payload(item)
}

// applies reports whether item belongs to the sequence.
func (s *sequence) applies(item any) bool {
	if s.view == nil {
		return true
	}
	for _, n := range typeNamesOf(item) {
		if strings.EqualFold(n, s.view.TypeName) {
			return true
		}
	}
	return false
}

// outOfBand prints text in place, after any buffered rows.
func (p *processor) outOfBand(text string) {
	if s := p.seq; s != nil && s.kind == TableView && len(s.pending) > 0 {
		s.pending = append(s.pending, entry{raw: text})
		return
	}
	p.out.WriteString(text)
}

// listText is an object printed out of band in a sequence whose view does
// not apply to it: a list of its properties between blank lines.
func (p *processor) listText(item any) string {
	names := propertyNames(item)
	if len(names) == 0 {
		return displayString(item, p.reg.enumerationLimit()) + "\n"
	}
	var b strings.Builder
	b.WriteByte('\n')
	labels, values := p.entryFor(propColumns(names...), item)
	writeListEntry(&b, labels, values, p.cfg.width, p.cfg.style)
	b.WriteByte('\n')
	return b.String()
}

// start opens a sequence shaped by its first object.
func (p *processor) start(item any) {
	s := &sequence{}
	names := typeNamesOf(item)
	var view View
	var ok bool
	switch {
	case p.cfg.cols != nil:
	case p.cfg.wideProp != "":
	case p.cfg.forced:
		view, ok = p.reg.lookupKind(names, p.cfg.kind)
	default:
		view, ok = p.reg.Lookup(names)
	}
	switch {
	case p.cfg.cols != nil:
		s.kind, s.cols = p.cfg.kind, p.cfg.cols
	case ok:
		s.view, s.kind, s.cols = &view, view.Kind, view.Columns
	default:
		props := propertyNames(item)
		s.kind = p.cfg.kind
		if !p.cfg.forced {
			s.kind = ListView
			if len(props) <= 4 {
				s.kind = TableView
			}
		}
		if s.kind == TableView {
			s.cols = propColumns(props[:min(len(props), maxTableColumns)]...)
		}
	}
	switch s.kind {
	case TableView:
		s.labels = make([]string, len(s.cols))
		s.aligns = make([]Align, len(s.cols))
		s.custom = make([]bool, len(s.cols))
		for k, c := range s.cols {
			s.labels[k] = c.label()
			if s.view != nil && c.Label != "" {
				_, has := member(item, c.Label)
				s.custom[k] = !has
			}
			s.aligns[k] = c.Align
			if c.Align == AlignDefault {
				s.aligns[k] = AlignLeft
				if v, err := columnValue(c, item); err == nil && isNumberLike(v) {
					s.aligns[k] = AlignRight
				}
			}
		}
		s.measure = p.cfg.autosize || len(s.cols) == 0 || s.cols[0].Width == 0
	case WideView:
		s.wide = newWideLayout(p.cfg.wideCols, p.cfg.width)
		s.wide.style = p.cfg.style
	}
	p.seq = s
	p.out.WriteByte('\n')
}

// payload adds an object of the sequence.
func (p *processor) payload(item any) {
	s := p.seq
	switch s.kind {
	case TableView:
		p.group(item)
		cells := make([]string, len(s.cols))
		for k, c := range s.cols {
			cells[k] = p.text(c, item)
		}
		s.pending = append(s.pending, entry{cells: cells})
		s.nrows++
		if !s.measure || s.layout != nil || (!p.cfg.autosize && s.nrows >= maxBuffer) {
			p.flushTable()
		}
	case ListView:
		p.group(item)
		cols := s.cols
		if cols == nil {
			cols = propColumns(propertyNames(item)...)
		}
		labels, values := p.entryFor(cols, item)
		writeListEntry(&p.out, labels, values, p.cfg.width, p.cfg.style)
		p.out.WriteByte('\n')
	case WideView:
		v, err := wideValue(item, p.cfg.wideProp, s.cols, p.reg.enumerationLimit())
		p.note(err)
		s.wide.add(&p.out, v)
	case CustomView:
		p.out.WriteString(s.view.Custom(item) + "\n")
	}
}

// entryFor computes list labels and values.
func (p *processor) entryFor(cols []Column, item any) (labels, values []string) {
	labels = make([]string, len(cols))
	values = make([]string, len(cols))
	for k, c := range cols {
		labels[k] = c.label()
		values[k] = p.text(c, item)
	}
	return labels, values
}

// text is a cell's text, remembering the first error.
func (p *processor) text(c Column, item any) string {
	s, err := columnText(c, item, p.reg.enumerationLimit())
	p.note(err)
	return s
}

func (p *processor) note(err error) {
	if err != nil && p.err == nil {
		p.err = err
	}
}

// group starts a new group when the view's GroupBy value changes.
func (p *processor) group(item any) {
	s := p.seq
	if s.view == nil || s.view.GroupBy == "" {
		return
	}
	v, _ := member(item, s.view.GroupBy)
	key := displayString(v, p.reg.enumerationLimit())
	if s.grouped && key == s.groupKey {
		return
	}
	if s.grouped && s.kind == TableView {
		p.flushTable()
		s.layout = nil
		p.out.WriteByte('\n')
	}
	s.grouped, s.groupKey = true, key
	label := s.view.GroupLabel
	if label == "" {
		label = s.view.GroupBy
	}
	p.out.WriteString("   " + label + ": " + key + "\n\n")
}

// flushTable fixes the column widths if needed and writes what is buffered.
func (p *processor) flushTable() {
	s := p.seq
	if s == nil || s.kind != TableView {
		return
	}
	if s.layout == nil {
		var widths []int
		if s.measure {
			rows := make([][]string, 0, s.nrows)
			for _, e := range s.pending {
				if e.cells != nil {
					rows = append(rows, e.cells)
				}
			}
			widths = measureWidths(s.labels, rows)
		} else {
			widths = make([]int, len(s.cols))
			for k, c := range s.cols {
				widths[k] = c.Width
			}
		}
		s.layout = newTableLayout(s.labels, widths, s.aligns, p.cfg.width, p.cfg.hide)
		s.layout.style, s.layout.custom = p.cfg.style, s.custom
		s.layout.writeHeader(&p.out)
	}
	for _, e := range s.pending {
		switch {
		case e.cells == nil:
			p.out.WriteString(e.raw)
		case p.cfg.wrap:
			s.layout.writeWrapped(&p.out, e.cells)
		default:
			s.layout.writeRow(&p.out, e.cells)
		}
	}
	s.pending = s.pending[:0]
	s.nrows = 0
}

// end closes the sequence (pwsh's format end: a blank line, which a list
// already wrote after its last entry).
func (p *processor) end() {
	s := p.seq
	if s == nil {
		return
	}
	switch s.kind {
	case TableView:
		p.flushTable()
		p.out.WriteByte('\n')
	case WideView:
		s.wide.flush(&p.out)
		p.out.WriteByte('\n')
	case CustomView:
		p.out.WriteByte('\n')
	}
	p.seq = nil
}

// hasView reports whether an object has a registered view, which wins
// over printing it as its base value (a SemanticVersion prints as its
// table, while "$v" gives its text).
func (p *processor) hasView(item any) bool {
	o, ok := item.(*value.Object)
	if !ok {
		return false
	}
	_, found := p.reg.Lookup(o.TypeNames)
	return found
}
