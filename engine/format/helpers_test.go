package format

import (
	"errors"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine/value"
)

// obj makes a PSCustomObject from name/value pairs.
func obj(kv ...any) *value.Object {
	return typed(nil, kv...)
}

// typed makes an object with the given type names.
func typed(names []string, kv ...any) *value.Object {
	o := value.NewObject(names...)
	for i := 0; i < len(kv); i += 2 {
		o.Set(kv[i].(string), kv[i+1])
	}
	return o
}

// ht makes an ordered hashtable from key/value pairs.
func ht(kv ...any) *value.Hashtable {
	h := value.NewHashtable()
	for i := 0; i < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

// i32 is shorthand for an [int].
func i32(n int) int32 { return int32(n) }

// writeAll runs items through a Writer.
func writeAll(t *testing.T, r *Registry, width int, items ...any) string {
	t.Helper()
	var b strings.Builder
	w := NewWriter(r, &b, Options{Width: width})
	for _, it := range items {
		if err := w.Write(it); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// errColumn is a computed column that fails.
var errColumn = Column{Label: "Bad", Value: func(any) (any, error) { return nil, errors.New("boom") }}

// testRegistry has a few views like the engine registers.
func testRegistry() *Registry {
	r := NewRegistry()
	r.Register(View{TypeName: "Test.Proc", Kind: TableView, Columns: []Column{
		{Label: "Id", Property: "Id", Width: 6, Align: AlignRight},
		{Label: "ProcessName", Property: "Name", Width: 12},
		{Label: "CPU(s)", Property: "CPU", Width: 8, Align: AlignRight},
	}})
	r.Register(View{TypeName: "Test.Item", Kind: TableView, Columns: []Column{
		{Property: "Mode"},
		{Property: "Length", Align: AlignRight},
		{Property: "Name"},
	}, GroupBy: "Dir", GroupLabel: "Directory"})
	r.Register(View{TypeName: "Test.Svc", Kind: ListView, Columns: []Column{
		{Property: "Name"},
		{Label: "DisplayName", Property: "Display"},
		{Property: "Status"},
	}})
	r.Register(View{TypeName: "Test.Word", Kind: WideView, Columns: []Column{{Property: "Word"}}})
	return r
}
