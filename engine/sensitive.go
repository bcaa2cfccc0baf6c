package engine

import (
	"strings"
	"unicode"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
)

// Secret marks a parameter Sensitive and returns it, so a declaration
// carries the fact: Secret(NamedParam("Password", "SecureString", …)).
func Secret(p *ParamInfo) *ParamInfo {
	p.Sensitive = true
	return p
}

// MaskSecrets returns line with every secret typed in clear replaced by
// secret.Mask, the one mask of every secret. The binder decides which
// arguments are secret: the line is parsed, every command on it (nested ones included) is resolved as the
// session would run it, and binding.Partial tells which argument carries
// the value of a Sensitive parameter, whether it is named in full, by a
// prefix or an alias, as -Name:value, by position, splatted from a
// hashtable or array written on the line, or piped in as a literal.
// Besides: a hashtable literal's key naming a Sensitive parameter of a
// command on the line (or spelled like a secret: Pin, Password, Token…)
// has its value masked, as has a secret-named variable's assignment
// ($pin = 12345) and a credential built in clear (ConvertTo-SecureString
// … -AsPlainText, New-Object PSCredential). A variable or a command's
// output is not a secret itself and stays.
//
// Commands the session does not know (and a nil Runtime, which knows
// none) fall back to the spelling of the names on the line: a -Name or
// variable that reads like a secret (…Pin, Password, Secret, Token,
// ApiKey) has its literal value masked. Functions and scripts, which
// cannot declare a parameter Sensitive, have their parameters judged by
// their declared names the same way.
func (rt *Runtime) MaskSecrets(line string) string {
	masked, _ := rt.HistoryLine(line)
	return masked
}

// HistoryLine is what a history file may record of line: the line
// masked as MaskSecrets does, and whether it may be written to the file
// at all. toFile is false when text PSReadLine's default history handler
// deems sensitive (password, asplaintext, token, apikey, secret) is left
// where no masking could pinpoint the secret, e.g. `Write-Host "my
// password is x"` or a line that does not parse: PSReadLine keeps such
// a line in memory only (AddToHistoryOption.MemoryOnly) and so should
// the caller.
func (rt *Runtime) HistoryLine(line string) (masked string, toFile bool) {
	m := newLineMasker(line, rt.maskTarget)
	return m.run()
}

// maskTarget is what masking knows of the command a name invokes; nil
// when the session does not know it (or rt is nil).
func (rt *Runtime) maskTarget(name string) *maskTarget {
	if rt == nil || name == "" {
		return nil
	}
	if strings.HasSuffix(strings.ToLower(name), ".ps1") {
		// As completion does: a script's parameters come from its file.
		if m, _, err := rt.ScriptMeta(name); err == nil && m != nil {
			return &maskTarget{meta: m}
		}
		return nil
	}
	info, ok := rt.LookupCommand(name)
	if !ok || info == nil {
		// A cmdlet of another module version still declares which of
		// its values are secret.
		if c := rt.fullCmdlet(name); c != nil {
			return &maskTarget{meta: c.meta(), cmdlet: c}
		}
		return nil
	}
	if info.Cmdlet != nil {
		if c := rt.fullCmdlet(info.Cmdlet.Name); c != nil {
			return &maskTarget{meta: c.meta(), cmdlet: c}
		}
	}
	m := info.Meta()
	if m == nil {
		return nil
	}
	return &maskTarget{meta: m, cmdlet: info.Cmdlet}
}

// maskTarget is a resolved command: its binder metadata, and the cmdlet
// when it is one.
type maskTarget struct {
	meta   *binding.Meta
	cmdlet *Cmdlet
}

// secret reports whether a parameter's value is a secret: a cmdlet's
// declaration says so (Sensitive); a function or script cannot, so its
// parameter's declared name is judged instead.
func (t *maskTarget) secret(p *binding.ParamInfo) bool {
	if p == nil || isFlagType(p.Type) {
		return false
	}
	if p.Sensitive {
		return true
	}
	return t.cmdlet == nil && isSecretName(p.Name)
}

// isFlagType reports whether a parameter of this type holds only true or
// false — a [switch] or a [bool] — and so never a secret, however it is
// named: a function's [switch]$ResetLeaderPin resets a PIN, it is none.
func isFlagType(typ string) bool {
	switch strings.ToLower(strings.TrimSpace(typ)) {
	case "switchparameter", "switch", "system.management.automation.switchparameter", "boolean", "bool", "system.boolean":
		return true
	}
	return false
}

// flagWord reports whether n, the value written after a -Name: of a
// command whose parameters are not known, is a word a switch is given
// (-ResetLeaderPin:yes, -SendEmail:false) rather than a secret: yes, no,
// true, false, on or off, unquoted. No PIN is one, and masking it would
// hide what the line did.
func flagWord(n syntax.Node) bool {
	s, ok := n.(*syntax.StringConstant)
	if !ok || s.Quote != syntax.Bare {
		return false
	}
	switch strings.ToLower(s.Value) {
	case "yes", "no", "true", "false", "on", "off":
		return true
	}
	return false
}

// secretParams lists the command's secret parameters.
func (t *maskTarget) secretParams() []*binding.ParamInfo {
	var out []*binding.ParamInfo
	for _, p := range t.meta.Params {
		if t.secret(p) {
			out = append(out, p)
		}
	}
	return out
}

// namesParam reports whether typed (a -Name, a splatted or piped key)
// designates p by its name or an alias, in full or by a prefix. A prefix
// that is ambiguous for the binder still counts: the secret was typed.
func namesParam(p *binding.ParamInfo, typed string) bool {
	if typed == "" {
		return false
	}
	if hasPrefixFold(p.Name, typed) {
		return true
	}
	for _, a := range p.Aliases {
		if hasPrefixFold(a, typed) {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// secretWords are the spellings PSReadLine's history filter looks for
// (password|asplaintext|token|apikey|secret), with passwd.
var secretWords = []string{"password", "passwd", "asplaintext", "token", "apikey", "secret"}

// isSecretName reports whether a name reads like a secret's — the
// fallback where no declaration can say: a parameter of an unknown
// command, a variable, a hashtable key, a function's parameter. PINs
// (Pin, LeaderPin, $newpin, PinCode), a prefix of Password of four
// letters or more, and PSReadLine's words (Password, AsPlainText, Token,
// ApiKey, Secret).
func isSecretName(name string) bool {
	n := strings.ToLower(strings.TrimSuffix(name, ":"))
	if n == "" {
		return false
	}
	if strings.HasSuffix(n, "pin") || strings.HasSuffix(n, "pins") || n == "pi" {
		return true
	}
	if len(n) >= 4 && strings.HasPrefix("password", n) {
		return true
	}
	for _, w := range secretWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	for _, w := range nameWords(name) {
		if w == "pin" || w == "pins" {
			return true
		}
	}
	return false
}

// nameWords splits a camel-case or snake-case name into lower-case
// words: "PINCode" → pin, code; "leader_pin" → leader, pin.
func nameWords(name string) []string {
	var words []string
	rs := []rune(name)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			words = append(words, strings.ToLower(string(rs[start:end])))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		lowerToUpper := unicode.IsUpper(r) && !unicode.IsUpper(prev)
		acronymEnd := unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
		if lowerToUpper || acronymEnd {
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return words
}
