package shell

// go-prompt v0.2.6 matches each Read result as a whole against its key
// table and inserts anything it does not know as text: a paste, or text
// and Enter arriving in one read (fast typing, terminal multiplexers),
// would be inserted literally, Enter included, and never run. The
// ConsoleParser therefore hands go-prompt one key per Read: a run of plain
// text (inserted as typed), one control character, or one escape
// sequence.

// nextKeyLen returns the length of the first key in b (len(b) > 0).
func nextKeyLen(b []byte) int {
	switch c := b[0]; {
	case c == 0x1b:
		return escapeLen(b)
	case c < 0x20 || c == 0x7f:
		return 1
	}
	n := 1
	for n < len(b) && b[n] >= 0x20 && b[n] != 0x7f {
		n++
	}
	return n
}

// escapeLen returns the length of the escape sequence at the start of b:
// CSI sequences (ESC [ … final byte), SS3 sequences (ESC O x), or ESC and
// one character (Alt-key); a lone ESC is one key.
func escapeLen(b []byte) int {
	if len(b) < 2 {
		return 1
	}
	switch b[1] {
	case '[':
		for i := 2; i < len(b); i++ {
			if b[i] >= 0x40 && b[i] <= 0x7e {
				return i + 1
			}
		}
		return len(b)
	case 'O':
		if len(b) >= 3 {
			return 3
		}
		return len(b)
	case 0x1b:
		return 1
	}
	return 2
}
