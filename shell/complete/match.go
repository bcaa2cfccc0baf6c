package complete

import (
	"sort"
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// maxItems caps every completion list; the order is stable, so the first
// maxItems are always the same ones.
const maxItems = 200

// matcher tests names against what the user typed: a case-insensitive
// prefix, or, when the text has * or ?, a wildcard pattern with an implied
// trailing * (PowerShell completes Get-*User like Get-*User*). '[' is taken
// literally: it is too common in paths and values to mean a set here.
type matcher struct {
	text    string
	pattern string // "" for a plain prefix
}

func newMatcher(text string) matcher {
	m := matcher{text: text}
	if strings.ContainsAny(text, "*?") {
		p := strings.NewReplacer("[", "`[", "]", "`]").Replace(text)
		if !strings.HasSuffix(p, "*") {
			p += "*"
		}
		m.pattern = p
	}
	return m
}

// match reports whether name matches.
func (m matcher) match(name string) bool {
	if m.pattern != "" {
		return value.Like(name, m.pattern, false)
	}
	return hasPrefixFold(name, m.text)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// lessFold orders case-insensitively, then ordinally, so that the order is
// total and the same on every call.
func lessFold(a, b string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if la != lb {
		return la < lb
	}
	return a < b
}

// sortItems sorts suggestions by Text as PowerShell lists them.
func sortItems(items []Suggestion) {
	sort.SliceStable(items, func(i, j int) bool { return lessFold(items[i].Text, items[j].Text) })
}

// keyed is a suggestion with the name it sorts by (its Text may be
// quoted or decorated: ${my-var}, 'my key').
type keyed struct {
	key string
	s   Suggestion
}

// sortKeyed sorts by key and returns the suggestions.
func sortKeyed(list []keyed) []Suggestion {
	sort.SliceStable(list, func(i, j int) bool { return lessFold(list[i].key, list[j].key) })
	out := make([]Suggestion, len(list))
	for i, k := range list {
		out[i] = k.s
	}
	return out
}

// dedupe drops later suggestions whose Text repeats an earlier one
// (case-insensitively), keeping the order.
func dedupe(items []Suggestion) []Suggestion {
	seen := make(map[string]bool, len(items))
	out := items[:0]
	for _, it := range items {
		k := strings.ToLower(it.Text)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, it)
	}
	return out
}

// capItems keeps the first maxItems suggestions.
func capItems(items []Suggestion) []Suggestion {
	if len(items) > maxItems {
		return items[:maxItems:maxItems]
	}
	return items
}
