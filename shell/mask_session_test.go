package shell

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine"
)

// A history given the session masks through its binder: a PIN typed by
// position is no -Pin to a name heuristic, but the binder binds it to the
// Sensitive parameter. A line no masking can pinpoint is kept out.
func TestHistoryMasksThroughTheSession(t *testing.T) {
	rt := engine.New(engine.NewHost(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}))
	rt.Register(&engine.Cmdlet{Name: "Test-Pin", New: engine.ProcessOnly(func(*engine.Call) error { return nil }),
		Params: []*engine.ParamInfo{
			{Name: "Identity", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}}},
			engine.Secret(&engine.ParamInfo{Name: "Code", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1}}}),
		}})
	path := filepath.Join(t.TempDir(), "history")
	h, err := OpenHistory(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	if MaskSecrets("Test-Pin ann 97531") != "Test-Pin ann 97531" {
		t.Fatal("without a session, a positional secret cannot be seen: the test proves nothing")
	}
	h.SetSession(rt)
	for _, e := range []string{"Test-Pin ann 97531", "Test-Pin -C:86420 -I ann", `Write-Host "password: hunter2"`} {
		if err := h.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"Test-Pin ann *****", "Test-Pin -C:***** -I ann"}
	if got := h.Entries(); !reflect.DeepEqual(got, want) {
		t.Errorf("entries = %q, want %q", got, want)
	}
	data, _ := os.ReadFile(path)
	for _, s := range []string{"97531", "86420", "hunter2"} {
		if strings.Contains(string(data), s) {
			t.Errorf("%s reached the history file:\n%s", s, data)
		}
	}
}
