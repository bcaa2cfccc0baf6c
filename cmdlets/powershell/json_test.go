package powershell

import (
	"math"
	"testing"
	"time"

	"github.com/csshell/csshell/engine/value"
)

func TestJSONSerializeScalars(t *testing.T) {
	cases := []struct {
		in   any
		want string
	}{
		{nil, "null"},
		{true, "true"},
		{int32(-5), "-5"},
		{int64(9007199254740993), "9007199254740993"},
		{1.0, "1.0"},
		{0.1, "0.1"},
		{1e20, "1E+20"},
		{1e-7, "1E-07"},
		{123456789012345.0, "123456789012345.0"},
		{math.NaN(), `"NaN"`},
		{math.Inf(-1), `"-Infinity"`},
		{"tab\tquote\"back\\slash", `"tab\tquote\"back\\slash"`},
		{"\x01\u2028<>&'", `"\u0001\u2028<>&'"`},
		{"日本", `"日本"`},
		{value.Char('x'), `"x"`},
		{time.Date(2024, 1, 31, 10, 0, 0, 0, time.Local), `"2024-01-31T10:00:00"`},
		{time.Date(2024, 1, 31, 10, 0, 0, 120000000, time.UTC), `"2024-01-31T10:00:00.12Z"`},
		{[]any{}, "[]"},
		{value.NewHashtable(), "{}"},
	}
	for _, c := range cases {
		got, _ := jsonSerialize(c.in, jsonOptions{depth: 2, compress: true})
		if got != c.want {
			t.Errorf("jsonSerialize(%#v) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestJSONEscapeHandling(t *testing.T) {
	if got := jsonQuote("<é>", "escapehtml"); got != `"\u003cé\u003e"` {
		t.Errorf("EscapeHtml: %s", got)
	}
	if got := jsonQuote("é😀", "escapenonascii"); got != `"\u00e9\ud83d\ude00"` {
		t.Errorf("EscapeNonAscii: %s", got)
	}
}

func TestJSONIndentation(t *testing.T) {
	o := value.NewObject()
	o.Set("a", []any{int32(1), []any{}, value.NewObject()})
	h := value.NewHashtable()
	h.Set("k", "v")
	o.Set("b", h)
	got, truncated := jsonSerialize(o, jsonOptions{depth: 5})
	want := "{\n  \"a\": [\n    1,\n    [],\n    {}\n  ],\n  \"b\": {\n    \"k\": \"v\"\n  }\n}"
	if got != want || truncated {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestJSONDepthTruncation(t *testing.T) {
	inner := value.NewObject()
	inner.Set("x", int32(1))
	mid := value.NewObject()
	mid.Set("in", inner)
	got, truncated := jsonSerialize([]any{mid}, jsonOptions{depth: 1, compress: true})
	if !truncated || got != `[{"in":"@{x=1}"}]` {
		t.Errorf("got %s (truncated=%v)", got, truncated)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	texts := []string{
		`{"a":1,"b":[true,false,null],"c":{"d":"e\n\"f\""},"g":1.5,"h":-0.25}`,
		`[1,[2,[3,[]]],{}]`,
		`"\u00e9\ud83d\ude00"`,
		`{"big":12345678901234567890}`,
		`{"date":"2024-01-31T10:00:00"}`,
	}
	for _, text := range texts {
		v, err := jsonParse(text, jsonParseOptions{})
		if err != nil {
			t.Fatalf("parse %s: %v", text, err)
		}
		out, _ := jsonSerialize(v, jsonOptions{depth: 100, compress: true})
		v2, err := jsonParse(out, jsonParseOptions{})
		if err != nil {
			t.Fatalf("reparse %s: %v", out, err)
		}
		out2, _ := jsonSerialize(v2, jsonOptions{depth: 100, compress: true})
		if out != out2 {
			t.Errorf("round trip of %s not stable: %s vs %s", text, out, out2)
		}
	}
}

func TestJSONParseTypes(t *testing.T) {
	v, err := jsonParse(`{"i":1,"l":9223372036854775807,"d":1.0,"e":1e3,"s":'single', /* c */ "n":null, u: 2}`, jsonParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o := v.(*value.Object)
	check := func(name string, want any) {
		got, _ := o.Get(name)
		if got != want {
			t.Errorf("%s = %#v, want %#v", name, got, want)
		}
	}
	check("i", int64(1))
	check("l", int64(math.MaxInt64))
	check("d", 1.0)
	check("e", 1000.0)
	check("s", "single")
	check("n", nil)
	check("u", int64(2))
}

func TestJSONParseErrors(t *testing.T) {
	for _, text := range []string{`{"a":}`, `[1,2`, `{"a" 1}`, `"unterminated`, `{} x`, `{"":1}`, `nul`} {
		if _, err := jsonParse(text, jsonParseOptions{}); err == nil {
			t.Errorf("jsonParse(%q) succeeded", text)
		}
	}
	if _, err := jsonParse(`[[[1]]]`, jsonParseOptions{maxDepth: 2}); err == nil {
		t.Error("depth limit not enforced")
	}
	if v, err := jsonParse(`{"":1}`, jsonParseOptions{asHashtable: true}); err != nil || v.(*value.Hashtable).Len() != 1 {
		t.Errorf("empty key with -AsHashtable: %v %v", v, err)
	}
}

func TestJSONParseDates(t *testing.T) {
	v, _ := jsonParse(`"2024-01-31T10:00:00Z"`, jsonParseOptions{})
	tm, ok := v.(time.Time)
	if !ok || tm.Location() != time.UTC || tm.Hour() != 10 {
		t.Errorf("UTC date: %#v", v)
	}
	v, _ = jsonParse(`"2024-01-31T10:00:00+02:00"`, jsonParseOptions{})
	if tm, ok := v.(time.Time); !ok || !tm.Equal(time.Date(2024, 1, 31, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("offset date: %#v", v)
	}
	v, _ = jsonParse(`"2024-01-31"`, jsonParseOptions{})
	if _, ok := v.(string); !ok {
		t.Errorf("date-only string converted: %#v", v)
	}
}
