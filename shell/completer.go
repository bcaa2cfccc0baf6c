package shell

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/shell/complete"
)

// newCompleter connects the tab completer (shell/complete) to the
// session. Offsets are bytes on both sides.
func newCompleter(rt *engine.Runtime) completeFunc {
	c := complete.New(complete.FromRuntime(rt))
	return func(input string, cursor int) completion {
		r := c.Complete(input, cursor)
		out := completion{Start: r.Start, End: r.End, Items: make([]completionItem, len(r.Items))}
		for i, it := range r.Items {
			out.Items[i] = completionItem{Text: it.Text, Description: it.Description}
		}
		return out
	}
}
