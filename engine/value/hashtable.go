package value

import "strings"

// Hashtable is a PowerShell [hashtable] (or [ordered] dictionary): keys are
// compared case-insensitively when they are strings, as in pwsh. Entries keep
// insertion order, which is what [ordered] promises and what makes output
// deterministic for plain hashtables too.
type Hashtable struct {
	Ordered bool
	keys    []any
	values  []any
	index   map[any]int // normalised key -> position
}

// NewHashtable makes an empty hashtable.
func NewHashtable() *Hashtable { return &Hashtable{index: map[any]int{}} }

// norm makes the lookup key: strings fold to lower case, chars to strings,
// numbers of different widths meet on the same key.
func norm(k any) any {
	switch v := k.(type) {
	case string:
		return "s:" + strings.ToLower(v)
	case Char:
		return "s:" + strings.ToLower(string(rune(v)))
	case int32:
		return int64(v)
	case uint8:
		return int64(v)
	case []any, *Hashtable, *Object:
		return k // compared by identity, as reference types in .NET
	}
	return k
}

// Set adds or replaces an entry.
func (h *Hashtable) Set(k, v any) {
	n := norm(k)
	if i, ok := h.index[n]; ok {
		h.values[i] = v
		return
	}
	h.index[n] = len(h.keys)
	h.keys = append(h.keys, k)
	h.values = append(h.values, v)
}

// Get returns the value for k and whether it is present.
func (h *Hashtable) Get(k any) (any, bool) {
	i, ok := h.index[norm(k)]
	if !ok {
		return nil, false
	}
	return h.values[i], true
}

// Has reports whether k is a key.
func (h *Hashtable) Has(k any) bool {
	_, ok := h.index[norm(k)]
	return ok
}

// Remove deletes k if present.
func (h *Hashtable) Remove(k any) {
	n := norm(k)
	i, ok := h.index[n]
	if !ok {
		return
	}
	h.keys = append(h.keys[:i], h.keys[i+1:]...)
	h.values = append(h.values[:i], h.values[i+1:]...)
	delete(h.index, n)
	for j := i; j < len(h.keys); j++ {
		h.index[norm(h.keys[j])] = j
	}
}

// Len returns the number of entries.
func (h *Hashtable) Len() int { return len(h.keys) }

// Keys returns the keys in order (the hashtable's own slice: do not change).
func (h *Hashtable) Keys() []any { return h.keys }

// Values returns the values in key order (the hashtable's own slice).
func (h *Hashtable) Values() []any { return h.values }

// Clear removes every entry.
func (h *Hashtable) Clear() {
	h.keys, h.values, h.index = nil, nil, map[any]int{}
}

// Copy returns a shallow copy.
func (h *Hashtable) Copy() *Hashtable {
	c := NewHashtable()
	c.Ordered = h.Ordered
	for i, k := range h.keys {
		c.Set(k, h.values[i])
	}
	return c
}
