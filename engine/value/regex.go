package value

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"
)

// Regex is a compiled .NET-compatible regular expression ([regex]).
type Regex struct {
	re         *regexp2.Regexp
	pattern    string
	ignoreCase bool
	rtl        bool
	opts       regexp2.RegexOptions
	// netOpts, when set, are the .NET RegexOptions it was made with
	// (including flags regexp2 does not take, such as Compiled).
	netOpts int64
}

// Options is the regex's .NET RegexOptions.
func (r *Regex) Options() EnumValue {
	if r.netOpts != 0 {
		return EnumValue{TRegexOptions, r.netOpts}
	}
	return EnumValue{TRegexOptions, int64(r.opts & 0x1ff)}
}

// Pattern returns the source pattern.
func (r *Regex) Pattern() string { return r.pattern }

// IgnoreCase reports whether the regex was compiled case-insensitively.
func (r *Regex) IgnoreCase() bool { return r.ignoreCase }

// Engine returns the underlying regexp2 expression.
func (r *Regex) Engine() *regexp2.Regexp { return r.re }

type regexKey struct {
	pattern string
	opts    regexp2.RegexOptions
}

const regexCacheMax = 512

var (
	regexMu    sync.Mutex
	regexCache = map[regexKey]*Regex{}
)

// NewRegex compiles pattern with .NET semantics, case-insensitively when
// ignoreCase is set. Compiled patterns are cached.
func NewRegex(pattern string, ignoreCase bool) (*Regex, error) {
	opts := regexp2.None
	if ignoreCase {
		opts = regexp2.IgnoreCase
	}
	return newRegexOpt(pattern, opts)
}

// newRegexOpt compiles pattern with .NET regex options (cached).
func newRegexOpt(pattern string, opts regexp2.RegexOptions) (*Regex, error) {
	k := regexKey{pattern, opts}
	regexMu.Lock()
	r, ok := regexCache[k]
	regexMu.Unlock()
	if ok {
		return r, nil
	}
	re, err := compileSafe(pattern, opts)
	if err != nil {
		return nil, regexError(pattern, err)
	}
	r = &Regex{re: re, pattern: pattern, ignoreCase: opts&regexp2.IgnoreCase != 0, rtl: opts&regexp2.RightToLeft != 0, opts: opts}
	regexMu.Lock()
	if len(regexCache) >= regexCacheMax {
		for key := range regexCache {
			delete(regexCache, key)
			if len(regexCache) < regexCacheMax/2 {
				break
			}
		}
	}
	regexCache[k] = r
	regexMu.Unlock()
	return r, nil
}

func compileSafe(pattern string, opts regexp2.RegexOptions) (re *regexp2.Regexp, err error) {
	defer func() {
		if p := recover(); p != nil {
			re, err = nil, fmt.Errorf("%v", p)
		}
	}()
	return regexp2.Compile(pattern, opts)
}

var regexMessages = map[syntax.ErrorCode]string{
	syntax.ErrMissingParen:          "Not enough )'s.",
	syntax.ErrUnexpectedParen:       "Too many )'s.",
	syntax.ErrUnterminatedBracket:   "Unterminated [] set.",
	syntax.ErrIllegalEndEscape:      "Illegal \\ at end of pattern.",
	syntax.ErrMissingRepeatArgument: "Quantifier '*' following nothing.",
	syntax.ErrInvalidRepeatOp:       "Nested quantifier.",
	syntax.ErrInvalidGroupName:      "Invalid group name: Group names must begin with a word character.",
	syntax.ErrUnterminatedComment:   "Unterminated (?#...) comment.",
}

func regexError(pattern string, err error) *Error {
	msg := err.Error()
	var se *syntax.Error
	if errors.As(err, &se) {
		if m, ok := regexMessages[se.Code]; ok {
			msg = m
		} else if len(se.Args) > 0 {
			msg = fmt.Sprintf(se.Code.String(), se.Args...)
		} else {
			msg = se.Code.String()
		}
		if msg != "" {
			msg = strings.ToUpper(msg[:1]) + msg[1:]
		}
		if !strings.HasSuffix(msg, ".") {
			msg += "."
		}
	}
	return newErr(ExArgument, "InvalidRegularExpression", "InvalidArgument",
		"Invalid pattern '%s' at offset %d. %s", pattern, utf8.RuneCountInString(pattern), msg)
}

func regexRunErr(err error) *Error {
	return newErr(ExRuntime, "RegexMatchTimeoutException", "NotSpecified", "%s", err.Error())
}

// patternRegex turns a -match/-replace/-split right operand into a Regex.
func patternRegex(p any, caseSensitive bool) (*Regex, error) {
	if r, ok := p.(*Regex); ok && r != nil {
		return r, nil
	}
	return NewRegex(ToString(p), !caseSensitive)
}

// Match implements -match on a scalar: whether input matches pattern, and
// the $Matches hashtable (group 0, numbered groups keyed by int, named
// groups by name; only groups that took part in the match).
func Match(input any, pattern string, caseSensitive bool) (bool, *Hashtable, error) {
	r, err := NewRegex(pattern, !caseSensitive)
	if err != nil {
		return false, nil, err
	}
	return r.MatchString(ToString(input))
}

// MatchString matches s and builds the $Matches hashtable.
func (r *Regex) MatchString(s string) (bool, *Hashtable, error) {
	m, err := r.re.FindStringMatch(s)
	if err != nil {
		return false, nil, regexRunErr(err)
	}
	if m == nil {
		return false, nil, nil
	}
	h := NewHashtable()
	for _, name := range r.re.GetGroupNames() {
		g := m.GroupByName(name)
		if g == nil || len(g.Captures) == 0 {
			continue
		}
		if n, err := strconv.Atoi(name); err == nil {
			h.Set(int32(n), g.String())
		} else {
			h.Set(name, g.String())
		}
	}
	return true, h, nil
}

// IsMatch reports whether s contains a match.
func (r *Regex) IsMatch(s string) (bool, error) {
	ok, err := r.re.MatchString(s)
	if err != nil {
		return false, regexRunErr(err)
	}
	return ok, nil
}

// Replace implements -replace: every match of pattern in input (each
// element when input is an array) is replaced using .NET substitutions
// ($1, ${name}, $0, $$). A ScriptBlockValue replacement is the engine's to
// handle and is an error here.
func Replace(input any, pattern any, replacement any, caseSensitive bool) (any, error) {
	if _, ok := replacement.(ScriptBlockValue); ok {
		return nil, newErr(ExRuntime, "ScriptBlockReplacement", "InvalidOperation",
			"A script block replacement must be handled by the engine.")
	}
	r, err := patternRegex(pattern, caseSensitive)
	if err != nil {
		return nil, err
	}
	rep := ToString(replacement)
	one := func(v any) (any, error) {
		in := ToString(v)
		if err := r.replaceSize(in, rep); err != nil {
			return nil, err
		}
		out, err := r.re.Replace(in, rep, -1, -1)
		if err != nil {
			return nil, regexRunErr(err)
		}
		return out, nil
	}
	if a, ok := asItems(input); ok {
		res := make([]any, len(a))
		for i, e := range a {
			s, err := one(e)
			if err != nil {
				return nil, err
			}
			res[i] = s
		}
		return res, nil
	}
	return one(input)
}

// replaceSize fails when replacing every match of r in s by rep (with its
// substitutions) could make a string over the growth cap. It bounds each
// substitution ($1, ${name}, $0, $&) by the match and $_, $`, $' by the
// input, and counts matches only when that bound could be crossed.
func (r *Regex) replaceSize(s, rep string) error {
	subs := strings.Count(rep, "$")
	whole := strings.Contains(rep, "$_") || strings.Contains(rep, "$`") || strings.Contains(rep, "$'")
	perMatch := func(match int) int {
		if whole {
			return concatSize(len(rep), subs*len(s))
		}
		return concatSize(len(rep), subs*match)
	}
	// At most len(s)+1 matches, each at most as long as s.
	if worst := perMatch(len(s)); worst == 0 || len(s)+1 <= (MaxGrowth-len(s))/max(worst, 1) {
		return nil
	}
	size := len(s)
	m, err := r.re.FindStringMatch(s)
	for err == nil && m != nil {
		match := len(m.String())
		size = concatSize(size, perMatch(match)-match)
		if err := CheckStringSize(size); err != nil {
			return err
		}
		m, err = r.re.FindNextMatch(m)
	}
	if err != nil {
		return regexRunErr(err)
	}
	return nil
}

// ReplaceFunc replaces each match of pattern in input by fn's result; fn
// gets the Match object ([regex]::Match's: Value, Index, Groups, ...).
func ReplaceFunc(input string, pattern string, caseSensitive bool, fn func(m *Object) (string, error)) (string, error) {
	r, err := NewRegex(pattern, !caseSensitive)
	if err != nil {
		return "", err
	}
	var ferr error
	size := len(input)
	out, err := r.re.ReplaceFunc(input, func(m regexp2.Match) string {
		if ferr != nil {
			return ""
		}
		s, e := fn(matchToObject(r, &m))
		if e == nil {
			// The growth cap: stop before the result passes it.
			size = concatSize(size, len(s)) - len(m.String())
			e = CheckStringSize(size)
		}
		if e != nil {
			ferr = e
			return ""
		}
		return s
	}, -1, -1)
	if ferr != nil {
		return "", ferr
	}
	if err != nil {
		return "", regexRunErr(err)
	}
	return out, nil
}

// Join implements -join: each element converted to a string, separated by
// sep; a result over the growth cap is an error.
func Join(items any, sep string) (string, error) {
	a, ok := asItems(items)
	if !ok {
		return ToString(items), nil
	}
	return joinCapped(a, sep)
}

// joinCapped joins the string forms of items with sep, failing before it
// builds a string over the growth cap.
func joinCapped(items []any, sep string) (string, error) {
	parts := make([]string, len(items))
	size := 0
	for i, e := range items {
		parts[i] = ToString(e)
		if i > 0 {
			size = concatSize(size, len(sep))
		}
		size = concatSize(size, len(parts[i]))
		if err := CheckStringSize(size); err != nil {
			return "", err
		}
	}
	return strings.Join(parts, sep), nil
}

// split is .NET Regex.Split: at most count matches (all when count < 0);
// the text of each participating capture group is included.
func (r *Regex) split(s string, count int) ([]string, error) {
	var pieces []string
	m, err := r.re.FindStringMatch(s)
	prior := 0
	if r.rtl {
		prior = len(s)
	}
	for n := 0; m != nil && err == nil && (count < 0 || n < count); n++ {
		start, length := m.ByteRange()
		end := start + length
		var groups []string
		gs := m.Groups()
		for i := 1; i < len(gs); i++ {
			if len(gs[i].Captures) > 0 {
				groups = append(groups, gs[i].String())
			}
		}
		if r.rtl {
			pieces = append(pieces, s[end:prior])
			for i := len(groups) - 1; i >= 0; i-- {
				pieces = append(pieces, groups[i])
			}
			prior = start
		} else {
			pieces = append(pieces, s[prior:start])
			pieces = append(pieces, groups...)
			prior = end
		}
		m, err = r.re.FindNextMatch(m)
	}
	if err != nil {
		return nil, regexRunErr(err)
	}
	if r.rtl {
		pieces = append(pieces, s[:prior])
		for i, j := 0, len(pieces)-1; i < j; i, j = i+1, j-1 {
			pieces[i], pieces[j] = pieces[j], pieces[i]
		}
		return pieces, nil
	}
	return append(pieces, s[prior:]), nil
}
