package value

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestUnixFileMode: [System.IO.File]::SetUnixFileMode takes flag names (as
// PowerShell converts a string to UnixFileMode) or mode bits, and
// GetUnixFileMode prints the flags as .NET does.
func TestUnixFileMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix file modes do not exist on Windows")
	}
	path := filepath.Join(t.TempDir(), "pins.csv")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	get := func() string {
		t.Helper()
		v, err := InvokeStatic(TFile, "GetUnixFileMode", []any{path})
		if err != nil {
			t.Fatal(err)
		}
		return v.(string)
	}
	if got := get(); got != "OtherRead, GroupRead, UserWrite, UserRead" {
		t.Errorf("0644 reads %q", got)
	}
	if _, err := InvokeStatic(TFile, "SetUnixFileMode", []any{path, "UserRead, UserWrite"}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 || get() != "UserWrite, UserRead" {
		t.Errorf("after SetUnixFileMode: %v %q", st.Mode(), get())
	}
	if _, err := InvokeStatic(TFile, "SetUnixFileMode", []any{path, int32(0o640)}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
		t.Errorf("after mode 416: %v", st.Mode())
	}
	for _, tc := range []struct {
		args []any
		want string
	}{
		{[]any{path, "Bogus"}, `Cannot convert argument "mode", with value: "Bogus"`},
		{[]any{filepath.Join(filepath.Dir(path), "missing"), "UserRead"}, "Could not find file '"},
		{[]any{nil, "UserRead"}, "Value cannot be null. (Parameter 'path')"},
		{[]any{path}, `Cannot find an overload for "SetUnixFileMode" and the argument count: "1".`},
	} {
		_, err := InvokeStatic(TFile, "SetUnixFileMode", tc.args)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("SetUnixFileMode%v: %v, want %q", tc.args, err, tc.want)
		}
	}
	// [System.IO.UnixFileMode]'UserRead, UserWrite' is what a script passes.
	m, err := ConvertTo("UserRead, UserWrite", TUnixFileMode)
	if err != nil || m != "UserWrite, UserRead" {
		t.Fatalf("[System.IO.UnixFileMode]'UserRead, UserWrite' = %v, %v", m, err)
	}
	if _, err := InvokeStatic(TFile, "SetUnixFileMode", []any{path, m}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("after the cast mode: %v", st.Mode())
	}
	if _, err := ConvertTo("Everything", TUnixFileMode); err == nil {
		t.Error("[System.IO.UnixFileMode]'Everything' converted")
	}
	if v, _ := InvokeStatic(TFile, "Exists", []any{path}); v != true {
		t.Errorf("Exists = %v", v)
	}
}
