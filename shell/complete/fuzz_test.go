package complete

import (
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are inputs that reach every completion path.
var fuzzSeeds = []string{
	"", "Get-C", "*-CsOnlineDialIn*", "gci | % { Get-Ch", "Write-Host $( Get-Ch", "Get-Thing -", "Get-Thing -Kind:",
	"Get-Thing -Kind 'g", "Set-CsOnlineDialInConferencingUser -Identity \"Amos M", "$env:HO", "${us", "@h", "$user.Conferencing.",
	"\"x $($us", "@\"\n$na", "gci <# c #> -", "./scripts/R", "gc ~/", "Get-Thing -Tag x -Serial 1 -", "$a[0].", "@{ a = Get-",
	"gci --% x", "`", "'", "\"", "$(", "@(", "{", "}", ")", "-", "--", "-:", "$:", "${", "$x.$", "\"$(\"$(", "<#", "#", "&&", "||", ";;",
	"Get-Thing -Kind:`\n", "\xff\xfe", "é$é.é", "Get-Thing -‸",
	"Get-CsOnlineDialInConferencingUser | Sort-Object Dis", "Get-CsOnlineDialInConferencingUser | % { $_.Bri",
	"Get-CsOnlineDialInConferencingUser | sort a, ‸b, c", "$users | % { $_.Conferencing | % { $_.", "#Get-Cs", "#12",
	"(Get-CsOnlineDialInConferencingUser | sort) | % -MemberName ", "$user | Sort-Object @{ e = { $_.",
	"Get-CsOnlineDialInConferencingUser | Sort-Object -Property:'Dis",
}

// FuzzComplete checks that no input or cursor makes the completer panic
// (the internal entry point, which has no recover) and that the span is
// always inside the input and ends at the cursor.
func FuzzComplete(f *testing.F) {
	for _, s := range fuzzSeeds {
		in, cursor := split(s)
		f.Add(in, cursor)
		f.Add(in, 0)
		f.Add(in, len(in)/2)
	}
	src := newFake(f)
	src.outputs, src.history = fakeOutputs(), fakeHistory
	c := New(src)
	f.Fuzz(func(t *testing.T, in string, cursor int) {
		if len(in) > 4096 {
			return
		}
		cur := clampCursor(in, cursor)
		r := c.complete(in, cur, 0) // panics surface here
		if r.start < 0 || r.start > cur {
			t.Fatalf("%q@%d: start %d", in, cur, r.start)
		}
		res := c.Complete(in, cursor)
		if res.End != cur || res.Start < 0 || res.Start > res.End || res.End > len(in) {
			t.Fatalf("%q@%d: span [%d,%d)", in, cursor, res.Start, res.End)
		}
		if len(res.Items) > maxItems {
			t.Fatalf("%q: %d items", in, len(res.Items))
		}
		if utf8.ValidString(in) && !utf8.ValidString(in[res.Start:res.End]) {
			t.Fatalf("%q: span splits a character", in)
		}
	})
}

// TestEveryCursorPosition runs every seed at every cursor position through
// the internal entry point, so a panic fails the ordinary test run.
func TestEveryCursorPosition(t *testing.T) {
	t.Parallel()
	src := newFake(t)
	src.outputs, src.history = fakeOutputs(), fakeHistory
	c := New(src)
	for _, s := range fuzzSeeds {
		in, _ := split(s)
		for cur := 0; cur <= len(in); cur++ {
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Fatalf("%q@%d: panic %v", in, cur, p)
					}
				}()
				c.complete(in, clampCursor(in, cur), 0)
			}()
		}
	}
}
