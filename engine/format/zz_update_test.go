package format

import (
	"encoding/json"
	"os"
	"testing"
)

func TestZZDumpGoldens(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	var outs []string
	for _, g := range goldens() {
		r := g.reg
		if r == nil {
			r = NewRegistry()
		}
		var got string
		switch g.mode {
		case "table":
			opt := g.table
			opt.Width = g.width
			got, _ = FormatTable(r, g.items, opt)
		case "list":
			opt := g.list
			opt.Width = g.width
			got, _ = FormatList(r, g.items, opt)
		case "wide":
			got, _ = FormatWide(r, g.items, g.prop, g.cols, g.width)
		default:
			got = writeAll(t, r, g.width, g.items...)
		}
		outs = append(outs, got)
	}
	b, _ := json.Marshal(outs)
	os.WriteFile("/tmp/goldens.json", b, 0o644)
}
