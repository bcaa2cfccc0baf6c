package engine_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/internal/transcript"
)

// growthCases are scripts that grow a string or an array without bound (or
// past the growth cap, value.MaxGrowth): each must stop with pwsh's
// OutOfMemoryException text, caught by try/catch, instead of the Go
// runtime dying. $m is a 1 MB string and $big 300 references to it, so
// most cases fail on the cap's check before they allocate anything large.
var growthCases = []struct{ name, script, want string }{
	{"string +=", `$s = 'x'; $n = 0; try { while ($true) { $s += $s; $n++ } } catch { "$n $($_.Exception.Message)" }`,
		"28 Exception of type 'System.OutOfMemoryException' was thrown."},
	{"array +=", `$a = @(1); $n = 0; try { while ($true) { $a += $a; $n++ } } catch { "$n $($_.Exception.Message)" }`,
		"24 Array dimensions exceeded supported range."},
	{"string *", `try { 'x' * 300000000 } catch { $_.Exception.Message }`, "Exception of type 'System.OutOfMemoryException' was thrown."},
	{"array *", `try { @(1, 2) * 10000000 } catch { $_.Exception.Message }`, "Array dimensions exceeded supported range."},
	{"-join", `try { $big -join '' } catch { $_.Exception.Message }`, "Exception of type 'System.OutOfMemoryException' was thrown."},
	{"unary -join", `try { -join $big } catch { $_.Exception.Message }`, "Exception of type 'System.OutOfMemoryException' was thrown."},
	{"expansion", `try { "$big" } catch { $_.Exception.Message }`, "Exception of type 'System.OutOfMemoryException' was thrown."},
	{"-replace", `try { $m -replace 'x', ('y' * 300) } catch { $_.Exception.Message }`, "Exception of type 'System.OutOfMemoryException' was thrown."},
	{"-replace substitution", `try { $m -replace '(x)', '$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1' } catch { $_.Exception.Message }`,
		"Exception of type 'System.OutOfMemoryException' was thrown."},
	{".Replace", `try { $m.Replace('x', ('y' * 300)) } catch { $_.Exception.Message }`,
		`Exception calling "Replace" with "2" argument(s): "Exception of type 'System.OutOfMemoryException' was thrown."`},
	{".Replace char", `try { $m.Replace([char]'x', ('y' * 300)) } catch { $_.Exception.Message }`,
		`Exception calling "Replace" with "2" argument(s): "Exception of type 'System.OutOfMemoryException' was thrown."`},
	{".PadLeft", `try { 'abc'.PadLeft(300000000) } catch { $_.Exception.Message }`,
		`Exception calling "PadLeft" with "1" argument(s): "Exception of type 'System.OutOfMemoryException' was thrown."`},
	{".PadRight", `try { 'abc'.PadRight(300000000, '-') } catch { $_.Exception.Message }`,
		`Exception calling "PadRight" with "2" argument(s): "Exception of type 'System.OutOfMemoryException' was thrown."`},
	{"[string]::new", `try { [string]::new('x', 300000000) } catch { $_.Exception.Message }`,
		`Exception calling "new" with "2" argument(s): "Exception of type 'System.OutOfMemoryException' was thrown."`},
	{"[string]::Join", `try { [string]::Join(',', $big) } catch { $_.Exception.Message }`,
		`Exception calling "Join" with "2" argument(s): "Exception of type 'System.OutOfMemoryException' was thrown."`},
	{"[string]::Concat", `try { [string]::Concat($big) } catch { $_.Exception.Message }`,
		`Exception calling "Concat" with "1" argument(s): "Exception of type 'System.OutOfMemoryException' was thrown."`},
	{"List.AddRange", `$l = [System.Collections.Generic.List[object]]::new(); try { $l.AddRange((@(1) * 16000000)); $l.AddRange((@(1) * 1000000)) } catch { "$($l.Count) $($_.Exception.Message)" }`,
		`16000000 Exception calling "AddRange" with "1" argument(s): "Array dimensions exceeded supported range."`},
	{"@( ; )", `$a = @(1) * 10000000; try { $b = @($a; $a) } catch { $_.Exception.Message }`,
		"Array dimensions exceeded supported range."},
	{"uncaught", `$s = 'x'; while ($true) { $s += $s }; 'not reached'`,
		"OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown."},
}

// heavyGrowth are the cases that really build a quarter of a gigabyte
// before the cap stops them (the others fail on the check before they
// allocate): skipped under the race detector, whose shadow memory would
// multiply it.
var heavyGrowth = map[string]bool{"string +=": true, "array +=": true, "-replace": true, "List.AddRange": true, "@( ; )": true}

// TestGrowthCapped runs each growth case in a fresh runtime. Two slow
// cases (Out-String and a script-block -replace render a quarter of a
// gigabyte before the cap stops them) run only with CSSHELL_LONG_TESTS=1.
func TestGrowthCapped(t *testing.T) {
	if os.Getenv("CSSHELL_LONG_TESTS") != "" {
		growthCases = append(growthCases, struct{ name, script, want string }{"Out-String",
			`try { $big | Out-String } catch { $_.Exception.Message }`, "Exception of type 'System.OutOfMemoryException' was thrown."},
			struct{ name, script, want string }{"-replace scriptblock",
				`try { ('x' * 100) -replace 'x', { 'y' * 10000000 } } catch { $_.Exception.Message }`, "Exception of type 'System.OutOfMemoryException' was thrown."})
	}
	for _, tc := range growthCases {
		t.Run(tc.name, func(t *testing.T) {
			if raceDetector && heavyGrowth[tc.name] {
				t.Skip("allocates hundreds of megabytes: too heavy under the race detector (run without -race)")
			}
			var buf bytes.Buffer
			rt := transcript.NewRuntime(&buf, cmdlets.Register)
			rt.Execute(context.Background(), "<test>", `$m = 'x' * 1000000; $big = @($m) * 300`)
			buf.Reset()
			rt.Execute(context.Background(), "<test>", tc.script)
			if got := strings.TrimSpace(buf.String()); got != tc.want {
				t.Errorf("%s\n got: %.300s\nwant: %s", tc.script, got, tc.want)
			}
		})
	}
}
