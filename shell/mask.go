package shell

import (
	"strings"

	"github.com/csshell/csshell/engine/syntax"
)

// secretMask replaces a secret value in history; its length is fixed so
// it does not reveal the secret's.
const secretMask = "*****"

// isSecretName reports whether a parameter or variable name holds a
// secret: PINs (-Pin, -LeaderPin, $newPin…) and passwords, secrets,
// tokens and API keys, as PSReadLine's history filter judges them.
func isSecretName(name string) bool {
	n := strings.ToLower(strings.TrimSuffix(name, ":"))
	if strings.HasSuffix(n, "pin") || n == "pi" {
		return true
	}
	for _, w := range []string{"password", "passwd", "secret", "token", "apikey"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// isLiteral reports whether a token is a value typed in clear: a number,
// a bare word or a string. Variables and expressions are not secrets
// themselves.
func isLiteral(k syntax.TokenKind) bool {
	switch k {
	case syntax.TokNumber, syntax.TokGeneric, syntax.TokStringLiteral, syntax.TokStringExpandable,
		syntax.TokHereStringLiteral, syntax.TokHereStringExpandable:
		return true
	}
	return false
}

// MaskSecrets returns line with the literal value of every secret
// argument replaced by *****: `-Pin 12345`, `-Pin:'12345'`,
// `-Password "x"`, and assignments such as `$pin = 12345`. It uses the
// engine's tokenizer, so quoting and `-Param:value` are understood.
func MaskSecrets(line string) string {
	toks := syntax.Tokenize(line)
	type span struct{ start, end int }
	var spans []span
	for i, t := range toks {
		secret := false
		next := i + 1
		switch t.Kind {
		case syntax.TokParameter:
			secret = isSecretName(t.Value)
		case syntax.TokVariable:
			if next < len(toks) && toks[next].Kind == syntax.TokOperator && toks[next].Value == "=" {
				secret = isSecretName(t.Value)
				next++
			}
		}
		if !secret || next >= len(toks) || !isLiteral(toks[next].Kind) {
			continue
		}
		v := toks[next]
		if v.Extent.Start < 0 || v.Extent.End > len(line) || v.Extent.Start >= v.Extent.End {
			continue
		}
		spans = append(spans, span{v.Extent.Start, v.Extent.End})
	}
	if len(spans) == 0 {
		return line
	}
	var b strings.Builder
	last := 0
	for _, s := range spans {
		if s.start < last {
			continue
		}
		b.WriteString(line[last:s.start])
		b.WriteString(secretMask)
		last = s.end
	}
	b.WriteString(line[last:])
	return b.String()
}
