package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
)

// NormalizeNumber accepts a service number in the documented forms —
// E.164 digits, +E.164, tel:+E.164 (spaces, dashes, dots and parentheses
// ignored) — and returns its digits.
func NormalizeNumber(s string) (string, error) {
	t := strings.TrimSpace(s)
	if len(t) >= 4 && strings.EqualFold(t[:4], "tel:") {
		t = t[4:]
	}
	t = strings.TrimPrefix(t, "+")
	var b strings.Builder
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return "", badNumber(s)
		}
	}
	d := b.String()
	if len(d) < 7 || len(d) > 15 {
		return "", badNumber(s)
	}
	return d, nil
}

// badNumber is the error for a malformed service number.
func badNumber(s string) *engine.ErrorRecord {
	return engine.NewError("InvalidArgument", "InvalidServiceNumber", s,
		"The service number \"%s\" is not valid. Use the E.164 format, for example 14255550100, +14255550100 or tel:+14255550100.", s)
}
