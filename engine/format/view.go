package format

// Align is the alignment of a table column.
type Align int

const (
	// AlignDefault lets the formatter decide: numbers, booleans and chars
	// are right-aligned, everything else left-aligned (pwsh's rule, decided
	// by the first object of the table).
	AlignDefault Align = iota
	// AlignLeft pads on the right.
	AlignLeft
	// AlignRight pads on the left and truncates at the head ("…f").
	AlignRight
)

// Column is a column of a table view or a row of a list view.
type Column struct {
	// Label is the header (table) or label (list); empty means Property.
	Label string
	// Property is the property to read (via value.GetMember) when Value is nil.
	Property string
	// Value computes the cell value (calculated properties, script blocks).
	Value func(item any) (any, error)
	// Width is a fixed width; 0 lets the formatter compute it.
	Width int
	// Align is the column alignment.
	Align Align
	// FormatString is a .NET format spec applied to the value through
	// FormatValue, optional.
	FormatString string
}

// label returns the text shown for the column.
func (c Column) label() string {
	if c.Label != "" {
		return c.Label
	}
	return c.Property
}

// Kind is the shape of a view.
type Kind int

const (
	// TableView renders objects as rows of a table.
	TableView Kind = iota
	// ListView renders each object as "Label : value" lines.
	ListView
	// WideView renders one value per object in several columns.
	WideView
	// CustomView renders each object as the text its Custom function
	// gives (a format.ps1xml CustomControl, such as MatchInfo's).
	CustomView
)

// View is a default display for objects whose TypeNames include TypeName
// (the equivalent of a format.ps1xml view).
type View struct {
	// TypeName selects the objects the view applies to (case-insensitive).
	TypeName string
	// Kind is the shape.
	Kind Kind
	// Columns are the table columns, list rows, or (first one) the wide value.
	Columns []Column
	// GroupBy, when set, names a property; each run of objects with the same
	// value is a group with its own header, introduced by a
	// "   GroupLabel: value" line.
	GroupBy string
	// GroupLabel is the label of the group line; empty means GroupBy.
	GroupLabel string
	// Custom is the text of one object of a CustomView, without its line
	// ending.
	Custom func(item any) string
}

// Rendered is pre-formatted text travelling in the pipeline (what the
// Format-* cmdlets emit). A Writer prints it verbatim and Out-String returns
// it. Text already includes its leading and trailing blank lines.
type Rendered struct{ Text string }

// String returns the text.
func (r Rendered) String() string { return r.Text }
