package syntax

import "testing"

type errorCase struct {
	in         string
	msg        string
	line, col  int
	id         string
	incomplete bool
}

var errorCases = []errorCase{
	{"{", "Missing closing '}' in statement block or type definition.", 1, 1, "MissingEndCurlyBrace", true},
}

func TestErrors(t *testing.T) {
	for _, c := range errorCases {
		_, err := Parse(&Source{Text: c.in})
		if err == nil {
			t.Errorf("%q: no error", c.in)
			continue
		}
		e := err.(ErrorList)[0]
		line, col := e.LineCol()
		if e.Msg != c.msg || line != c.line || col != c.col || e.ID != c.id || e.Incomplete != c.incomplete {
			t.Errorf("%q:\n got %d:%d %s %q incomplete=%v\nwant %d:%d %s %q incomplete=%v",
				c.in, line, col, e.ID, e.Msg, e.Incomplete, c.line, c.col, c.id, c.msg, c.incomplete)
		}
	}
}
