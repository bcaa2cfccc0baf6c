package syntax

import "testing"

type parserCase struct{ in, want string }

var parserCases = []parserCase{
	{"Get-Foo -Name x", `(sb (pipe (cmd b"Get-Foo" (param Name) b"x")))`},
}

func TestParse(t *testing.T) {
	for _, c := range parserCases {
		sb, err := Parse(&Source{Text: c.in})
		if err != nil {
			t.Errorf("%q: unexpected error %v", c.in, err)
			continue
		}
		if got := Dump(sb); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}
