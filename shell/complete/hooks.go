package complete

import (
	"sync"
	"time"

	"github.com/csshell/csshell/engine/binding"
)

// hookTTL is how long a Complete hook's answer is reused for the same
// parameter and prefix.
const hookTTL = 2 * time.Second

// hookMemo remembers the last answer of a parameter's Complete hook.
// go-prompt asks twice per keystroke and again on each Tab while the user
// cycles through the menu: the tenant lookup need not run again, and the
// list must not change under a selection (go-prompt indexes into it). A
// changed prefix, another parameter or the TTL ends the reuse, so a
// tenant change shows at the latest hookTTL later.
type hookMemo struct {
	mu     sync.Mutex
	param  *binding.ParamInfo
	prefix string
	at     time.Time
	vals   []string
}

// callHook runs p.Complete(prefix), or reuses its recent answer.
func (c *Completer) callHook(p *binding.ParamInfo, prefix string) []string {
	now := time.Now()
	if c.now != nil {
		now = c.now()
	}
	m := &c.memo
	m.mu.Lock()
	if m.param == p && m.prefix == prefix && now.Sub(m.at) < hookTTL && now.Sub(m.at) >= 0 {
		vals := m.vals
		m.mu.Unlock()
		return vals
	}
	m.mu.Unlock()
	vals := p.Complete(prefix)
	m.mu.Lock()
	m.param, m.prefix, m.at, m.vals = p, prefix, now, vals
	m.mu.Unlock()
	return vals
}
