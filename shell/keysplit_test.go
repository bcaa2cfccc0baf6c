package shell

import (
	"reflect"
	"testing"
)

func TestNextKeyLenSplitsKeys(t *testing.T) {
	split := func(s string) []string {
		var out []string
		b := []byte(s)
		for len(b) > 0 {
			n := nextKeyLen(b)
			out = append(out, string(b[:n]))
			b = b[n:]
		}
		return out
	}
	cases := []struct {
		in   string
		want []string
	}{
		{"1+1\r", []string{"1+1", "\r"}},
		{"abc", []string{"abc"}},
		{"\x03", []string{"\x03"}},
		{"line1\nline2\r", []string{"line1", "\n", "line2", "\r"}},
		{"\x1b[A\x1b[B", []string{"\x1b[A", "\x1b[B"}},
		{"\x1b[1;5Cx", []string{"\x1b[1;5C", "x"}},
		{"\x1bb\x1bf", []string{"\x1bb", "\x1bf"}},
		{"\x1bOHé\t", []string{"\x1bOH", "é", "\t"}},
		{"\x1b", []string{"\x1b"}},
		{"\x1b\x1b[C", []string{"\x1b", "\x1b[C"}},
		{"x\x7fy", []string{"x", "\x7f", "y"}},
		{"\x1b[", []string{"\x1b["}},
	}
	for _, c := range cases {
		if got := split(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("split(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
