package format

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// After maxBuffer rows the widths are fixed: a longer later value is cut.
func TestWriterStreamsAfterBuffer(t *testing.T) {
	items := make([]any, 0, maxBuffer+1)
	for i := 0; i < maxBuffer; i++ {
		items = append(items, obj("Name", "ab", "N", i32(1)))
	}
	items = append(items, obj("Name", "abcdef", "N", i32(2)))
	got := writeAll(t, NewRegistry(), 0, items...)
	ls := strings.Split(got, "\n")
	if ls[1] != "Name N" || ls[2] != "---- -" {
		t.Fatalf("header: %q %q", ls[1], ls[2])
	}
	if last := ls[len(ls)-3]; last != "abc… 2" {
		t.Fatalf("last row %q", last)
	}
}

// Flush prints the buffered rows with widths measured so far.
func TestWriterFlush(t *testing.T) {
	var b strings.Builder
	w := NewWriter(NewRegistry(), &b, Options{})
	_ = w.Write(obj("a", "x"))
	if b.Len() != 1 { // only the blank line that opens the table
		t.Fatalf("before flush: %q", b.String())
	}
	_ = w.Flush()
	if got := b.String(); got != "\na\n-\nx\n" {
		t.Fatalf("after flush: %q", got)
	}
	_ = w.Write(obj("a", "yyyy"))
	_ = w.Close()
	if got := b.String(); got != "\na\n-\nx\ny\n\n" {
		t.Fatalf("after close: %q", got)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriterError(t *testing.T) {
	w := NewWriter(nil, failWriter{}, Options{})
	if err := w.Write("x"); err == nil {
		t.Fatal("want error")
	}
}

// A failing computed column leaves its cell empty and reports the error.
func TestColumnError(t *testing.T) {
	got, err := FormatTable(NewRegistry(), []any{obj("a", i32(1))}, TableOptions{Columns: []Column{{Property: "a"}, errColumn}})
	if err == nil || err.Error() != "boom" {
		t.Fatalf("err = %v", err)
	}
	if want := "\na Bad\n- ---\n1\n\n"; got != want {
		t.Fatalf("got %q want %q", got, want)
	}
}

// FormatString goes through the FormatValue hook.
func TestFormatValueHook(t *testing.T) {
	old := FormatValue
	defer func() { FormatValue = old }()
	FormatValue = func(v any, spec string) (string, error) { return fmt.Sprintf("<%v|%s>", v, spec), nil }
	got, _ := FormatList(nil, []any{obj("n", 1.5)}, ListOptions{Columns: []Column{{Property: "n", FormatString: "N2"}}})
	if want := "\nn : <1.5|N2>\n\n"; got != want {
		t.Fatalf("got %q want %q", got, want)
	}
}

func TestFitWidths(t *testing.T) {
	cases := []struct {
		in    []int
		width int
		want  []int
	}{
		{[]int{30, 0}, 120, []int{30, 89}},
		{[]int{0, 0}, 40, []int{20, 19}},
		{[]int{5, 5}, 20, []int{5, 5}},
		{[]int{10, 10}, 15, []int{10, 4}},
		{[]int{10, 3, 10}, 12, []int{10, 1, -1}},
		{[]int{10, 3, 10}, 10, []int{10, -1, -1}},
	}
	for _, c := range cases {
		got := append([]int(nil), c.in...)
		fitWidths(got, c.width)
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("fitWidths(%v, %d) = %v, want %v", c.in, c.width, got, c.want)
		}
	}
}

func TestWrapLines(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"hello world foo", 8, "hello |world |foo"},
		{"abcdefghij", 4, "abcd|efgh|ij"},
		{"a\nbb", 5, "a|bb"},
	}
	for _, c := range cases {
		if got := strings.Join(wrapLines(c.in, c.width, resetSeq), "|"); got != c.want {
			t.Errorf("wrapLines(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

func TestRegistryLookup(t *testing.T) {
	r := testRegistry()
	if v, ok := r.Lookup([]string{"Nope", "test.proc"}); !ok || v.TypeName != "Test.Proc" {
		t.Fatalf("lookup: %v %v", v, ok)
	}
	if _, ok := r.Lookup([]string{"Nope"}); ok {
		t.Fatal("unexpected view")
	}
}

func BenchmarkWriterTable(b *testing.B) {
	items := make([]any, 100000)
	for i := range items {
		items[i] = obj("Id", i32(i), "Name", "item", "Ok", i%2 == 0)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		w := NewWriter(NewRegistry(), io.Discard, Options{})
		for _, it := range items {
			if err := w.Write(it); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
