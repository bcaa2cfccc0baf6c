package powershell

import (
	"strings"
	"testing"
)

// FuzzConvertFromJson reads arbitrary text as JSON, as ConvertFrom-Json
// does (the lenient reader, objects as PSCustomObjects and as hashtables,
// a depth limit): it never panics nor hangs; what it accepts, ConvertTo-Json
// writes as text it accepts again, and a second round gives the same text
// (what was read is written stably).
func FuzzConvertFromJson(f *testing.F) {
	for _, s := range []string{
		`{"Identity":"ken.myer@contoso.com","ResetLeaderPin":true}`,
		`[1, 2.5, -0, 1e400, 9223372036854775808, "2024-01-31T10:00:00Z", null, true]`,
		`{'single': 'quotes', unquoted: NaN, /* comment */ "x": Infinity} // trailing`,
		`{"a":{"b":{"c":{"d":[[[[]]]]}}}}`,
		`{"A":1,"a":2}`,
		`{"":1}`,
		`"\ud800"`,
		`[1,]`,
		`{"a" 1}`,
		"\ufeff{}",
		strings.Repeat("[", 2000),
	} {
		f.Add(s, false, uint8(0))
		f.Add(s, true, uint8(3))
	}
	f.Fuzz(func(t *testing.T, text string, asHashtable bool, depth uint8) {
		if len(text) > 16<<10 {
			return
		}
		// The cmdlet itself, through the engine (its binding, the output
		// of many objects, its errors).
		s := sharedFuzzShell(t)
		s.mu.Lock()
		s.rt.SetVariable("text", text)
		s.run(t, `$null = $text | ConvertFrom-Json -ErrorAction SilentlyContinue; $null = ConvertFrom-Json $text -AsHashtable -NoEnumerate -ErrorAction SilentlyContinue`)
		s.mu.Unlock()

		opt := jsonParseOptions{asHashtable: asHashtable, maxDepth: int(depth)}
		v, err := jsonParse(text, opt)
		if err != nil {
			return
		}
		opt.maxDepth = 0 // what ConvertTo-Json wrote is read back whatever its depth
		once, _ := jsonSerialize(v, jsonOptions{depth: 100, compress: true})
		v2, err := jsonParse(once, opt)
		if err != nil {
			t.Fatalf("ConvertFrom-Json reads %q, ConvertTo-Json writes %q, which it refuses: %v", text, once, err)
		}
		twice, _ := jsonSerialize(v2, jsonOptions{depth: 100, compress: true})
		if twice != once {
			t.Fatalf("JSON round trip of %q is not stable:\n%s\n%s", text, once, twice)
		}
	})
}
