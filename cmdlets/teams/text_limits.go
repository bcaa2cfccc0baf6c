package teams

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/csshell/csshell/engine"
)

// Limits on the text the tenant cmdlets accept for addresses and names:
// RFC 5321 §4.5.3.1 (a path of 256 octets, so an address of at most 254;
// a local part of at most 64) and the directory's 256-character display
// name.
const (
	MaxAddressLength     = 254
	MaxLocalPartLength   = 64
	MaxDisplayNameLength = 256
)

// CheckAddress checks an email-style address (a UPN, a SIP address
// without "sip:", a mail address) given to the parameter param: no control
// characters (NUL included), no invalid UTF-8, at most MaxAddressLength
// characters with a local part of at most MaxLocalPartLength, and the
// alias@domain form. The error never echoes a value it refuses for its
// characters or length.
func CheckAddress(param, addr string) *engine.ErrorRecord {
	if err := checkText(param, addr, MaxAddressLength); err != nil {
		return err
	}
	s := strings.TrimSpace(addr)
	if i := strings.LastIndexByte(s, '@'); i >= 0 && utf8.RuneCountInString(s[:i]) > MaxLocalPartLength {
		return validationError(param, "The part before the @ of the address is %d characters long: it can be at most %d characters (RFC 5321).",
			utf8.RuneCountInString(s[:i]), MaxLocalPartLength)
	}
	return nil
}

// CheckDisplayName checks a display name (or another short free text,
// such as a city) given to the parameter param: no control characters, at
// most MaxDisplayNameLength characters.
func CheckDisplayName(param, name string) *engine.ErrorRecord {
	return checkText(param, name, MaxDisplayNameLength)
}

// checkText refuses control characters, invalid UTF-8 and more than max
// characters, with the binder's validation wording.
func checkText(param, s string, max int) *engine.ErrorRecord {
	if !utf8.ValidString(s) {
		return validationError(param, "The argument is not valid text (it holds bytes that are not UTF-8).")
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return validationError(param, "The argument contains the control character U+%04X, which is not allowed.", r)
		}
	}
	if n := utf8.RuneCountInString(s); n > max {
		return validationError(param, "The character length (%d) of the argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"%d\" characters, and then try the command again.", n, max)
	}
	return nil
}

// validationError is a parameter validation error, worded as the
// binder's: "Cannot validate argument on parameter 'X'. …".
func validationError(param, format string, args ...any) *engine.ErrorRecord {
	return engine.NewError("InvalidData", "ParameterArgumentValidationError", nil,
		"Cannot validate argument on parameter '%s'. %s", param, fmt.Sprintf(format, args...)).
		WithException("System.Management.Automation.ParameterBindingValidationException")
}
