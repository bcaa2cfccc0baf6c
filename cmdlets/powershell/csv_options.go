package powershell

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// csvDelimiter is the delimiter of a CSV cmdlet call: -Delimiter, the
// culture's list separator for -UseCulture (',' in the invariant culture
// csshell uses), else ','.
func (d csvDelim) csvDelimiter(c *engine.Call) rune {
	if v, ok := d.delimiter.Lookup(c); ok && !d.useCulture.Get(c) {
		if ch, ok := v.(value.Char); ok && ch != 0 {
			return rune(ch)
		}
		if s := value.ToString(v); s != "" && s != "\x00" {
			return []rune(s)[0]
		}
	}
	return ','
}

// csvQuoteKinds are QuoteKind's names in enum-value order.
var csvQuoteKinds = []string{"Never", "Always", "AsNeeded"}

// csvQuoteKindOf converts -UseQuotes as pwsh's binder converts to the
// QuoteKind enum (names case-insensitively, or the numbers 0–2).
func (w csvWriting) csvQuoteKindOf(c *engine.Call) (csvQuoteKind, error) {
	raw, ok := w.useQuotes.Lookup(c)
	if !ok {
		return csvQuoteAlways, nil
	}
	s := strings.TrimSpace(raw)
	for i, n := range csvQuoteKinds {
		if strings.EqualFold(s, n) || s == itoa(i) {
			return [...]csvQuoteKind{csvQuoteNever, csvQuoteAlways, csvQuoteAsNeeded}[i], nil
		}
	}
	msg := fmt.Sprintf("Cannot bind parameter 'UseQuotes'. Cannot convert value \"%s\" to type \"Microsoft.PowerShell.Commands.BaseCsvWritingCommand+QuoteKind\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\n%s\"",
		s, s, strings.Join(csvQuoteKinds, ", "))
	return 0, engine.NewError("InvalidArgument", "CannotConvertArgumentNoMessage", nil, "%s", msg).
		WithException("System.Management.Automation.ParameterBindingException")
}

// csvWritingSetup checks the shared parameters of Export-Csv and
// ConvertTo-Csv as pwsh's BaseCsvWritingCommand.BeginProcessing does, and
// returns the writer and whether a #TYPE line is wanted.
func (w csvWriting) csvWritingSetup(c *engine.Call) (*csvWriter, bool, error) {
	if w.quoteFields.Given(c) && w.useQuotes.Given(c) {
		return nil, false, engine.NewError("InvalidData", "CannotSpecifyQuoteFieldsAndUseQuotes", nil,
			"You must specify either the -UseQuotes or -QuoteFields parameters, but not both.").
			WithException("System.InvalidOperationException")
	}
	if w.includeTypeInformation.Given(c) && w.noTypeInformation.Given(c) {
		return nil, false, engine.NewError("InvalidData", "CannotSpecifyIncludeTypeInformationAndNoTypeInformation", nil,
			"You must specify either the -IncludeTypeInformation or -NoTypeInformation parameters, but not both.").
			WithException("System.InvalidOperationException")
	}
	typeInfo := false
	if w.includeTypeInformation.Given(c) {
		typeInfo = w.includeTypeInformation.Get(c)
	} else if w.noTypeInformation.Given(c) {
		typeInfo = !w.noTypeInformation.Get(c)
	}
	quote, err := w.csvQuoteKindOf(c)
	if err != nil {
		return nil, false, err
	}
	out := &csvWriter{delim: w.csvDelimiter(c), quote: quote}
	if w.quoteFields.Given(c) {
		out.quoteFields = map[string]bool{}
		for _, f := range w.quoteFields.Get(c) {
			out.quoteFields[strings.ToLower(f)] = true
		}
	}
	return out, typeInfo, nil
}

// csvInput is the object of the current Process call (bound to
// inputObject), or false when there is none ($null is skipped, as pwsh
// does).
func csvInput(c *engine.Call, inputObject engine.Param[any]) (any, bool) {
	v := inputObject.Get(c)
	if v == nil {
		return nil, false
	}
	return v, true
}
