package complete

import (
	"slices"
	"strings"
	"testing"
)

// cursorMark marks the cursor in test inputs; without it the cursor is at
// the end.
const cursorMark = "‸"

// tcase is one completion case: the replaced span's text and what the
// list must hold.
type tcase struct {
	name  string
	in    string
	span  string   // input[Start:End]
	want  []string // the whole list, in order (nil: not checked)
	first []string // the list starts with these
	has   []string // the list contains these
	not   []string // the list lacks these
	none  bool     // no items at all
}

// split removes the cursor mark and returns the input and the cursor.
func split(in string) (string, int) {
	if i := strings.Index(in, cursorMark); i >= 0 {
		return in[:i] + in[i+len(cursorMark):], i
	}
	return in, len(in)
}

func texts(items []Suggestion) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Text
	}
	return out
}

func runCases(t *testing.T, c *Completer, cases []tcase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in, cursor := split(tc.in)
			r := c.Complete(in, cursor)
			got := texts(r.Items)
			if r.End != cursor || r.Start < 0 || r.Start > r.End {
				t.Fatalf("span [%d,%d) for cursor %d", r.Start, r.End, cursor)
			}
			if tc.none {
				if len(got) != 0 {
					t.Fatalf("%q: want nothing, got %q", tc.in, got)
				}
				return
			}
			if len(got) == 0 {
				t.Fatalf("%q: no items", tc.in)
			}
			if span := in[r.Start:r.End]; span != tc.span {
				t.Errorf("%q: span %q, want %q", tc.in, span, tc.span)
			}
			if tc.want != nil && !slices.Equal(got, tc.want) {
				t.Errorf("%q:\n got %q\nwant %q", tc.in, got, tc.want)
			}
			if len(tc.first) > 0 && (len(got) < len(tc.first) || !slices.Equal(got[:len(tc.first)], tc.first)) {
				t.Errorf("%q:\n got %q\nwant first %q", tc.in, got, tc.first)
			}
			for _, h := range tc.has {
				if !slices.Contains(got, h) {
					t.Errorf("%q: %q missing from %q", tc.in, h, got)
				}
			}
			for _, n := range tc.not {
				if slices.Contains(got, n) {
					t.Errorf("%q: %q should not be in %q", tc.in, n, got)
				}
			}
		})
	}
}
