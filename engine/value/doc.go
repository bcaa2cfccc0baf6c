// Package value is csshell's object model: how PowerShell values are held in
// Go, and PowerShell's rules for converting, comparing, combining and
// printing them (the .NET semantics pwsh 7 shows).
//
// Representation:
//
//	$null                 nil
//	[bool]                bool
//	[int] [long]          int32, int64
//	[byte]                uint8
//	[double]              float64
//	[decimal]             decimal.Decimal (github.com/shopspring/decimal)
//	[string]              string
//	[char]                Char
//	[datetime]            time.Time
//	[timespan]            time.Duration
//	[guid]                Guid
//	[regex]               *Regex
//	object[] (arrays)     []any
//	[hashtable]           *Hashtable (also [ordered], which sets Ordered)
//	[pscustomobject]      *Object (PSCustomObject and every cmdlet's output object)
//	type literals         *Type
//	script blocks         any value implementing ScriptBlockValue (defined by the engine)
//	switch parameters     SwitchParameter
//
// It imports nothing else of the project.
package value
