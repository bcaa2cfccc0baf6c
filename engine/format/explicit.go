package format

// TableOptions are the parameters of Format-Table.
type TableOptions struct {
	// Columns to show; nil means the registered table view or the first
	// object's properties (at most 10).
	Columns []Column
	// AutoSize measures the columns over all items, even for views with
	// fixed widths.
	AutoSize bool
	// HideTableHeaders drops the header and separator lines.
	HideTableHeaders bool
	// Wrap wraps long cells onto more lines instead of truncating them.
	Wrap bool
	// Width is the line width; 0 means 120.
	Width int
	// Style decorates the headers.
	Style Style
}

// FormatTable renders items as Format-Table | Out-String would. Values
// pwsh prints out of band (strings, numbers, dates) stay plain lines. The
// text is complete even when err, the first error of a computed column, is
// not nil: such cells are empty, as in pwsh.
func FormatTable(r *Registry, items []any, opt TableOptions) (string, error) {
	return run(r, items, config{forced: true, kind: TableView, cols: opt.Columns,
		autosize: opt.AutoSize, hide: opt.HideTableHeaders, wrap: opt.Wrap, width: opt.Width, style: opt.Style})
}

// ListOptions are the parameters of Format-List.
type ListOptions struct {
	// Columns to show; nil means the registered list view or all the
	// properties of each object.
	Columns []Column
	// Width is the line width; 0 means 120.
	Width int
	// Style decorates the labels.
	Style Style
}

// FormatList renders items as Format-List | Out-String would (see
// FormatTable for errors).
func FormatList(r *Registry, items []any, opt ListOptions) (string, error) {
	return run(r, items, config{forced: true, kind: ListView, cols: opt.Columns, width: opt.Width, style: opt.Style})
}

// FormatWide renders items as Format-Wide | Out-String would: the value of
// property (or of the registered wide view, or of a name-like property)
// laid out in columns (0 means 2) across width (0 means 120).
func FormatWide(r *Registry, items []any, property string, columns int, width int) (string, error) {
	return run(r, items, config{forced: true, kind: WideView, wideProp: property, wideCols: columns, width: width})
}

// run formats items in one sequence run.
func run(r *Registry, items []any, cfg config) (string, error) {
	p := newProcessor(r, cfg)
	for _, it := range items {
		p.add(it)
	}
	p.end()
	return p.out.String(), p.err
}
