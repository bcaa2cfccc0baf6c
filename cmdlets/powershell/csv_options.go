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
func csvDelimiter(c *engine.Call) rune {
	if c.Has("Delimiter") && !c.Switch("UseCulture") {
		if ch, ok := c.Get("Delimiter").(value.Char); ok && ch != 0 {
			return rune(ch)
		}
		if s := c.String("Delimiter"); s != "" && s != "\x00" {
			return []rune(s)[0]
		}
	}
	return ','
}

// csvQuoteKinds are QuoteKind's names in enum-value order.
var csvQuoteKinds = []string{"Never", "Always", "AsNeeded"}

// csvQuoteKindOf converts -UseQuotes as pwsh's binder converts to the
// QuoteKind enum (names case-insensitively, or the numbers 0–2).
func csvQuoteKindOf(c *engine.Call) (csvQuoteKind, error) {
	if !c.Has("UseQuotes") {
		return csvQuoteAlways, nil
	}
	raw := c.Get("UseQuotes")
	s := strings.TrimSpace(value.ToString(raw))
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
func csvWritingSetup(c *engine.Call) (*csvWriter, bool, error) {
	if c.Has("QuoteFields") && c.Has("UseQuotes") {
		return nil, false, engine.NewError("InvalidData", "CannotSpecifyQuoteFieldsAndUseQuotes", nil,
			"You must specify either the -UseQuotes or -QuoteFields parameters, but not both.").
			WithException("System.InvalidOperationException")
	}
	if c.Has("IncludeTypeInformation") && c.Has("NoTypeInformation") {
		return nil, false, engine.NewError("InvalidData", "CannotSpecifyIncludeTypeInformationAndNoTypeInformation", nil,
			"You must specify either the -IncludeTypeInformation or -NoTypeInformation parameters, but not both.").
			WithException("System.InvalidOperationException")
	}
	typeInfo := false
	if c.Has("IncludeTypeInformation") {
		typeInfo = c.Switch("IncludeTypeInformation")
	} else if c.Has("NoTypeInformation") {
		typeInfo = !c.Switch("NoTypeInformation")
	}
	quote, err := csvQuoteKindOf(c)
	if err != nil {
		return nil, false, err
	}
	w := &csvWriter{delim: csvDelimiter(c), quote: quote}
	if c.Has("QuoteFields") {
		w.quoteFields = map[string]bool{}
		for _, f := range c.Strings("QuoteFields") {
			w.quoteFields[strings.ToLower(f)] = true
		}
	}
	return w, typeInfo, nil
}

// csvInput is the object of the current Process call, or false when there
// is none ($null is skipped, as pwsh does).
func csvInput(c *engine.Call) (any, bool) {
	v := c.Get("InputObject")
	if v == nil {
		return nil, false
	}
	return v, true
}
