package value

import (
	"unicode"
)

// Like reports whether s matches the PowerShell wildcard pattern: '*' any
// run, '?' one character, [abc] and [a-z] sets, and backtick escapes.
// The whole string must match.
func Like(s, pattern string, caseSensitive bool) bool {
	str := []rune(s)
	pat := []rune(pattern)
	if !caseSensitive {
		str = foldRunes(str)
		pat = foldRunes(pat)
	}
	return likeMatch(str, pat)
}

func foldRunes(r []rune) []rune {
	out := make([]rune, len(r))
	for i, c := range r {
		out[i] = unicode.ToLower(c)
	}
	return out
}

// likeMatch is an iterative matcher with single-star backtracking, so it
// runs in O(len(s)*len(p)) at worst.
func likeMatch(s, p []rune) bool {
	si, pi := 0, 0
	starP, starS := -1, 0
	for si < len(s) {
		if pi < len(p) {
			switch p[pi] {
			case '*':
				for pi < len(p) && p[pi] == '*' {
					pi++
				}
				starP, starS = pi, si
				continue
			case '?':
				si++
				pi++
				continue
			case '[':
				if ok, next, valid := matchSet(s[si], p, pi); valid {
					if ok {
						si++
						pi = next
						continue
					}
				} else if s[si] == '[' {
					si++
					pi++
					continue
				}
			case '`':
				if pi+1 < len(p) {
					if s[si] == p[pi+1] {
						si++
						pi += 2
						continue
					}
				} else if s[si] == '`' {
					si++
					pi++
					continue
				}
			default:
				if s[si] == p[pi] {
					si++
					pi++
					continue
				}
			}
		}
		if starP < 0 {
			return false
		}
		starS++
		si, pi = starS, starP
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// matchSet tests c against the bracket set starting at p[i] == '['. valid
// is false when the set has no closing ']'.
func matchSet(c rune, p []rune, i int) (ok bool, next int, valid bool) {
	j := i + 1
	var items []rune
	for j < len(p) && p[j] != ']' {
		if p[j] == '`' && j+1 < len(p) {
			j++
		}
		items = append(items, p[j])
		j++
	}
	if j >= len(p) {
		return false, 0, false
	}
	for k := 0; k < len(items); k++ {
		if k+2 < len(items) && items[k+1] == '-' {
			if c >= items[k] && c <= items[k+2] {
				return true, j + 1, true
			}
			k += 2
			continue
		}
		if c == items[k] {
			return true, j + 1, true
		}
	}
	return false, j + 1, true
}

// HasWildcard reports whether s contains wildcard characters (* ? [).
func HasWildcard(s string) bool {
	esc := false
	for _, c := range s {
		if esc {
			esc = false
			continue
		}
		switch c {
		case '`':
			esc = true
		case '*', '?', '[':
			return true
		}
	}
	return false
}

// LikeAny reports whether s matches one of the wildcard patterns,
// case-insensitively.
func LikeAny(s string, patterns []string) bool {
	for _, p := range patterns {
		if Like(s, p, false) {
			return true
		}
	}
	return false
}
