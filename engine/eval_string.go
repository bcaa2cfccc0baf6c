package engine

import (
	"strings"

	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// expandString evaluates a double-quoted string: literal parts as they are,
// embedded expressions converted with PowerShell's string rules (arrays
// joined with $OFS, a single space by default).
func (f *frame) expandString(x *syntax.ExpandableString) (any, error) {
	var b strings.Builder
	sep := " "
	if v := f.scope.Lookup("OFS"); v != nil && v.Value != nil {
		sep = value.ToString(v.Value)
	}
	for _, part := range x.Parts {
		if s, ok := part.(*syntax.StringConstant); ok {
			b.WriteString(s.Value)
			continue
		}
		var v any
		var err error
		if ve, ok := part.(*syntax.VariableExpr); ok {
			v, err = f.readVar(ve, true)
		} else {
			v, err = f.evalValue(part)
		}
		if err != nil {
			return nil, err
		}
		text, err := toText(v, sep)
		if err == nil {
			err = value.CheckStringSize(b.Len() + len(text))
		}
		if err != nil {
			return nil, f.wrapErr(x, err)
		}
		b.WriteString(text)
	}
	return b.String(), nil
}

// toText converts a value to a string the way PowerShell does in string
// expansion, knowing the engine's own types.
// An array whose text would be over the growth cap is an error.
func toText(v any, sep string) (string, error) {
	switch t := v.(type) {
	case *ErrorRecord:
		return t.Message, nil
	case *ScriptBlock:
		return t.ScriptText(), nil
	case *WarningRecord:
		return t.Message, nil
	case *StreamRecord:
		return t.String(), nil
	case *value.List:
		// An -ErrorVariable's ArrayList holds records.
		return toText(t.Snapshot(), sep)
	case []any:
		parts := make([]string, len(t))
		size := 0
		for i, it := range t {
			var err error
			if parts[i], err = toText(it, sep); err != nil {
				return "", err
			}
			if size += len(parts[i]) + len(sep); size > value.MaxGrowth {
				return "", value.CheckStringSize(size)
			}
		}
		return strings.Join(parts, sep), nil
	}
	return value.ToStringSep(v, sep), nil
}
