package complete

import (
	"reflect"
	"testing"
)

func TestContext(t *testing.T) {
	t.Parallel()
	c := New(newFake(t))
	runCases(t, c, []tcase{
		{name: "line comment", in: "gci # Get-Ch", none: true},
		{name: "comment line then command", in: "# note\nGet-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "block comment open", in: "gci <# Get-Ch", none: true},
		{name: "after block comment", in: "<# c #> Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "block comment between args", in: "Get-Thing <# c #> -Ki", span: "-Ki", want: []string{"-Kind"}},
		{name: "single-quoted string", in: "'Get-Ch", span: "'Get-Ch", none: true},
		{name: "string in expression", in: "$x = 'abc", none: true},
		{name: "double-quoted text", in: "Write-Host \"Get-Ch", none: true},
		{name: "here-string", in: "@'\nGet-Ch", none: true},
		{name: "expandable here-string variable", in: "@\"\n$na", span: "$na", want: []string{"$name"}},
		{name: "inside call operator multi-char", in: "gci &‸& gc", none: true},
		{name: "multi-line script block param", in: "gci | % {\n  Set-CsOnlineDialInConferencingUser `\n    -Identity amos `\n    -Br", span: "-Br", want: []string{"-BridgeName"}},
		{name: "multi-line second statement", in: "$a = 1\n$b = 2\nGet-Thing -Kind b", span: "b", want: []string{"Beta"}},
		{name: "middle line of multi-line", in: "Get-Thing -Kind b‸\nGet-Ch", span: "b", want: []string{"Beta"}},
		{name: "after closed script block", in: "gci | % { $_ } | So", span: "So", want: []string{"sort", "Sort-Object"}},
		{name: "foreach statement body", in: "foreach ($u in $users) { $u.", none: true},
		{name: "foreach statement body var", in: "foreach ($u in $users) { Write-Host $us", span: "$us", want: []string{"$user", "$users"}},
		{name: "return pipeline", in: "return Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "keyword statement no commands", in: "function Get-Ch", none: true},
		{name: "type literal", in: "[Sys", none: true},
		{name: "number in expression", in: "1 + 2", none: true},
		{name: "stop parsing", in: "gci --% no", none: true},
		{name: "before stop parsing", in: "gci no‸ --% x", span: "no", want: []string{"notes.txt"}},
	})
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	c := New(newFake(t))
	for _, in := range []string{"", "g", "Get-Thing -", "$", "$user.", "gc ", "Set-CsOnlineDialInConferencingUser -Identity a"} {
		a := c.Complete(in, len(in))
		for i := 0; i < 5; i++ {
			if b := c.Complete(in, len(in)); !reflect.DeepEqual(a, b) {
				t.Fatalf("%q: %v then %v", in, a, b)
			}
		}
	}
}

func TestCapAndBounds(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	for i := 0; i < 500; i++ {
		f.list = append(f.list, Command{Name: "Zed-" + string(rune('A'+i%26)) + string(rune('a'+i/26)), Kind: KindFunction})
	}
	c := New(f)
	r := c.Complete("Zed-", 4)
	if len(r.Items) != maxItems {
		t.Fatalf("%d items, want the cap %d", len(r.Items), maxItems)
	}
	for _, cur := range []int{-5, 0, 2, 100} {
		r := c.Complete("gci", cur)
		if r.Start < 0 || r.End > 3 || r.Start > r.End {
			t.Fatalf("cursor %d: span [%d,%d)", cur, r.Start, r.End)
		}
	}
	if r := New(nil).Complete("gci", 3); len(r.Items) != 0 {
		t.Fatalf("nil source: %v", r)
	}
}

func TestEmptyInputListsCommands(t *testing.T) {
	t.Parallel()
	c := New(newFake(t))
	r := c.Complete("", 0)
	if len(r.Items) == 0 || r.Items[0].Text != "%" {
		t.Fatalf("got %v", texts(r.Items))
	}
}
