// Package format renders pipeline output as text the way PowerShell 7 does:
// Out-Default's streaming console output and the explicit Format-Table,
// Format-List and Format-Wide cmdlets (whose text Out-String returns).
//
// The model follows pwsh's formatter closely. Output is a series of
// "format sequences": the first object that is not printed out of band picks
// a shape (a registered View for one of its type names, else a table for
// objects with at most four properties and a list for more) and every
// following object the shape applies to joins it. Scalars, dates and
// property-less objects are printed "out of band", in place, without ending
// the sequence; an object that a registered view does not apply to is
// printed out of band as a list. Tables are buffered until their column
// widths are known (pwsh waits 300 ms; we wait for up to 1000 rows or
// Flush/Close), then stream with the widths fixed.
//
// Column widths follow pwsh's ColumnWidthManager: widths measured from the
// data, unspecified widths spread over the screen, and columns that do not
// fit shrunk or dropped from the right. Cells wider than their column end
// in "…". Unlike pwsh, trailing spaces are trimmed from every line.
//
// The package imports only engine/value; the engine sets FormatValue to
// apply .NET format strings.
package format
