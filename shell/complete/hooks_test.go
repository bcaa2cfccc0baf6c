package complete

import (
	"testing"
	"time"

	"github.com/csshell/csshell/engine/binding"
)

func TestHookAnswerReused(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	calls := 0
	f.addCmdlet("Get-Counted", "", &binding.Meta{Params: []*binding.ParamInfo{{Name: "Identity", Type: "String", Sets: pos(0),
		Complete: func(p string) []string { calls++; return []string{p + "1", p + "2"} }}}})
	c := New(f)
	clock := time.Unix(1000, 0)
	c.now = func() time.Time { return clock }
	in := "Get-Counted ab"
	first := c.Complete(in, len(in))
	for i := 0; i < 3; i++ { // go-prompt asks again at each Tab
		if r := c.Complete(in, len(in)); len(r.Items) != len(first.Items) {
			t.Fatalf("list changed: %v then %v", first.Items, r.Items)
		}
	}
	if calls != 1 {
		t.Fatalf("hook called %d times within the TTL, want 1", calls)
	}
	c.Complete("Get-Counted abc", 15)
	if calls != 2 {
		t.Fatalf("a new prefix must call the hook (calls %d)", calls)
	}
	clock = clock.Add(hookTTL)
	c.Complete("Get-Counted abc", 15)
	if calls != 3 {
		t.Fatalf("after the TTL the hook must run again (calls %d)", calls)
	}
}
