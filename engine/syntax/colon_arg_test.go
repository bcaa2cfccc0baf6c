package syntax

import (
	"errors"
	"testing"
)

// TestColonThenNothing: after -Name: a comment, a line continuation or a
// trailing backtick leaves the parameter without its value (these used to
// panic), and a continuation followed by a value still gives it.
func TestColonThenNothing(t *testing.T) {
	for _, in := range []string{"gci -Kind:#x", "gci -Kind:`", "gci -Kind:`\n", "gci -Kind:<#c#>"} {
		_, err := Parse(&Source{Text: in})
		var list ErrorList
		if !errors.As(err, &list) || !hasErrorID(list, "ParameterRequiresArgument") {
			t.Errorf("%q: err = %v, want ParameterRequiresArgument", in, err)
		}
	}
	sb, err := Parse(&Source{Text: "gci -Kind:`\n x"})
	if err != nil {
		t.Fatal(err)
	}
	if got := Dump(sb); got != `(sb (pipe (cmd b"gci" (param Kind: b"x"))))` {
		t.Errorf("got %s", got)
	}
}

func hasErrorID(list ErrorList, id string) bool {
	for _, e := range list {
		if e.ID == id {
			return true
		}
	}
	return false
}
