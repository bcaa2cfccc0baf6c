package admincenter

import (
	"strings"
	"sync"
	"time"
)

// Sign-in throttling: after throttleFailures wrong sign-ins within
// throttleWindow, for one account or from one client address, sign-in is
// refused (without checking the password) until the window has passed
// since the last of them.
const (
	throttleFailures = 5
	throttleWindow   = 15 * time.Minute
	// throttleKeys caps the keys remembered (oldest dropped first).
	throttleKeys = 50000
)

// throttle counts recent sign-in failures per key ("acct:<upn>",
// "addr:<ip>").
type throttle struct {
	mu   sync.Mutex
	fail map[string][]time.Time
	now  func() time.Time
}

func newThrottle(now func() time.Time) *throttle {
	return &throttle{fail: map[string][]time.Time{}, now: now}
}

// throttleKeysFor are the keys of a sign-in attempt.
func throttleKeysFor(account, addr string) []string {
	return []string{"acct:" + strings.ToLower(strings.TrimSpace(account)), "addr:" + addr}
}

// recent returns a key's failures still inside the window.
func (t *throttle) recentLocked(key string, now time.Time) []time.Time {
	list := t.fail[key]
	i := 0
	for i < len(list) && now.Sub(list[i]) >= throttleWindow {
		i++
	}
	list = list[i:]
	if len(list) == 0 {
		delete(t.fail, key)
		return nil
	}
	t.fail[key] = list
	return list
}

// blocked reports whether any key is throttled, and until when.
func (t *throttle) blocked(keys []string) (bool, time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	var until time.Time
	for _, k := range keys {
		if list := t.recentLocked(k, now); len(list) >= throttleFailures {
			if u := list[len(list)-1].Add(throttleWindow); u.After(until) {
				until = u
			}
		}
	}
	return !until.IsZero(), until
}

// failed records a failure for every key and reports whether it was the
// one that reached the limit.
func (t *throttle) failed(keys []string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	if len(t.fail) > throttleKeys {
		for k := range t.fail {
			t.recentLocked(k, now) // drops the keys whose failures expired
		}
		if len(t.fail) > throttleKeys {
			clear(t.fail)
		}
	}
	reached := false
	for _, k := range keys {
		list := append(t.recentLocked(k, now), now)
		t.fail[k] = list
		if len(list) == throttleFailures {
			reached = true
		}
	}
	return reached
}

// succeeded forgets the account's failures (not the address's).
func (t *throttle) succeeded(accountKey string) {
	t.mu.Lock()
	delete(t.fail, accountKey)
	t.mu.Unlock()
}
