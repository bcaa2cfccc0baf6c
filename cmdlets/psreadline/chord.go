package psreadline

import (
	"fmt"
	"strconv"
	"strings"
)

// A chord is one key or two keys pressed in turn ("Ctrl+x,Ctrl+u"). Users
// write them as PSReadLine's ConsoleKeyChordConverter reads them:
// modifiers (Shift, Ctrl or Control, Alt) joined to the key by '+' or
// '-', a key that is one character or a ConsoleKey name, and a ',' between
// the two keys. PSReadLine then names the key as PSKeyInfo.KeyStr does,
// and that name is what Get-PSReadLineKeyHandler shows and what equal
// chords share: "ctrl+R" is "Ctrl+R" (a capital letter is Shift+r),
// "Control-a" is "Ctrl+a", "enter" is "Enter".

// Modifier flags of one key.
const (
	modShift = 1 << iota
	modAlt
	modCtrl
)

// modifierNames are the names ConsoleModifiers prints in PSReadLine's
// "Duplicate or invalid modifier" error.
var modifierNames = map[int]string{modShift: "Shift", modAlt: "Alt", modCtrl: "Control"}

// argumentError is PSReadLine's ArgumentException for a chord or a colour
// it cannot read (PSReadLineResources: InvalidSequence, UnrecognizedKey,
// InvalidModifier; the -Colors value message).
type argumentError struct{ msg string }

func (e *argumentError) Error() string { return e.msg }

func invalidSequence(chord string) error {
	return &argumentError{fmt.Sprintf("Invalid sequence '%s'.", chord)}
}

func unrecognizedKey(key string) error {
	return &argumentError{fmt.Sprintf("Unrecognized key '%s'. Please use a character literal or a well-known key name from the System.ConsoleKey enumeration.", key)}
}

// namedKeys are the key names PSReadLine maps itself, case-insensitively,
// to their ConsoleKey spelling.
var namedKeys = func() map[string]string {
	m := map[string]string{}
	for _, k := range []string{"Backspace", "Delete", "DownArrow", "End", "Enter", "Escape", "Home", "Insert",
		"LeftArrow", "PageDown", "PageUp", "RightArrow", "Spacebar", "Tab", "UpArrow"} {
		m[strings.ToLower(k)] = k
	}
	for i := 1; i <= 24; i++ {
		k := "F" + strconv.Itoa(i)
		m[strings.ToLower(k)] = k
	}
	return m
}()

// consoleKeys are the other System.ConsoleKey names, which .NET's
// Enum.TryParse reads with their exact case. The first group keeps its
// name in KeyStr; a key of the second has no character and PSReadLine
// names it "@".
var consoleKeys = map[string]bool{
	"Clear": true, "Pause": true, "Select": true, "Print": true, "Execute": true, "PrintScreen": true, "Help": true,
	"LeftWindows": true, "RightWindows": true, "Applications": true, "Sleep": true,
	"BrowserBack": true, "BrowserForward": true, "BrowserRefresh": true, "BrowserStop": true, "BrowserSearch": true,
	"BrowserFavorites": true, "BrowserHome": true, "VolumeMute": true, "VolumeDown": true, "VolumeUp": true,
	"MediaNext": true, "MediaPrevious": true, "MediaStop": true, "MediaPlay": true, "LaunchMail": true,
	"LaunchMediaSelect": true, "LaunchApp1": true, "LaunchApp2": true, "Process": true, "Attention": true,
	"CrSel": true, "ExSel": true, "EraseEndOfFile": true, "Play": true, "Zoom": true, "NoName": true, "Pa1": true,

	"D0": false, "D1": false, "D2": false, "D3": false, "D4": false, "D5": false, "D6": false, "D7": false, "D8": false, "D9": false,
	"NumPad0": false, "NumPad1": false, "NumPad2": false, "NumPad3": false, "NumPad4": false, "NumPad5": false,
	"NumPad6": false, "NumPad7": false, "NumPad8": false, "NumPad9": false, "Multiply": false, "Add": false,
	"Separator": false, "Subtract": false, "Decimal": false, "Divide": false, "Oem1": false, "OemPlus": false,
	"OemComma": false, "OemMinus": false, "OemPeriod": false, "Oem2": false, "Oem3": false, "Oem4": false,
	"Oem5": false, "Oem6": false, "Oem7": false, "Oem8": false, "Oem102": false, "OemClear": false, "Packet": false,
	"ProcessKey": false,
}

// normalizeChord returns the chord as PSReadLine names it, or its error.
func normalizeChord(chord string) (string, error) {
	if chord == "" {
		return "", &argumentError{"Value cannot be null. (Parameter 'chord')"}
	}
	start := 0
	first, err := oneKey(chord, &start)
	if err != nil {
		return "", err
	}
	if start >= len(chord) {
		return first, nil
	}
	if chord[start] != ',' {
		return "", invalidSequence(chord)
	}
	start++
	second, err := oneKey(chord, &start)
	if err != nil {
		return "", err
	}
	if start < len(chord) {
		return "", invalidSequence(chord)
	}
	return first + "," + second, nil
}

// oneKey reads one key of chord from *start, as GetOneKey does.
func oneKey(chord string, start *int) (string, error) {
	mods := 0
	for *start < len(chord) {
		if m, n := modifierAt(chord[*start:]); m != 0 {
			*start += n
			if mods&m != 0 {
				return "", &argumentError{fmt.Sprintf("Duplicate or invalid modifier token '%s' for key '%s'.", modifierNames[m], chord)}
			}
			mods |= m
			if *start >= len(chord) {
				return "", unrecognizedKey(chord)
			}
			if c := chord[*start]; c != '+' && c != '-' {
				return "", invalidSequence(chord)
			}
			*start++
			continue
		}
		input := chord[*start:]
		if comma := strings.IndexByte(input, ','); comma == 0 {
			input = ","
		} else if comma > 0 {
			input = input[:comma]
		}
		*start += len(input)
		name, ok := keyName(input, mods)
		if !ok {
			return "", unrecognizedKey(input)
		}
		return name, nil
	}
	return "", invalidSequence(chord)
}

// modifierAt reads a modifier name at the start of s (case-insensitive):
// its flag and length, or 0.
func modifierAt(s string) (int, int) {
	for _, m := range []struct {
		word string
		flag int
	}{{"shift", modShift}, {"control", modCtrl}, {"ctrl", modCtrl}, {"alt", modAlt}} {
		if len(s) >= len(m.word) && strings.EqualFold(s[:len(m.word)], m.word) {
			return m.flag, len(m.word)
		}
	}
	return 0, 0
}

// keyName is the KeyStr of the key input pressed with mods.
func keyName(input string, mods int) (string, bool) {
	if r := []rune(input); len(r) == 1 {
		return charKeyName(r[0], mods), true
	}
	name, ok := namedKeys[strings.ToLower(input)]
	if !ok {
		named, known := consoleKeys[input]
		if !known {
			return "", false
		}
		if named {
			name = input
		} else {
			return withMods("@", mods), true
		}
	}
	if name == "Spacebar" {
		// A space is named from its character, as charKeyName does.
		return charKeyName(' ', mods), true
	}
	return withMods(name, mods), true
}

// charKeyName names a key written as one character, as KeyInfoAsString
// names the ConsoleKeyInfo the converter makes of it: a capital letter is
// Shift and the letter; with Ctrl a letter becomes a control character,
// named by the letter again (capital with Shift); Ctrl and Alt together
// on a character that stays printable are taken for AltGr and dropped;
// Shift shows on no other character.
func charKeyName(c rune, mods int) string {
	if c >= 'A' && c <= 'Z' {
		mods |= modShift
	}
	if mods&modCtrl != 0 {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			letter := c | 0x20
			if mods&modShift != 0 {
				letter = letter - 'a' + 'A'
			}
			return withMods(string(letter), mods&^modShift)
		case c == '[':
			return withMods("Escape", mods)
		case c == '\\', c == ']', c == '_':
			return withMods(string(c), mods&^modShift)
		case c == '^':
			return withMods("\x1e", mods&^modShift)
		}
	}
	if mods&modAlt != 0 && mods&modCtrl != 0 {
		mods &^= modAlt | modCtrl
	}
	if c == ' ' {
		return withMods("Spacebar", mods)
	}
	return withMods(string(c), mods&^modShift)
}

// withMods prefixes a key name with its modifiers in PSReadLine's order.
func withMods(name string, mods int) string {
	var b strings.Builder
	if mods&modShift != 0 {
		b.WriteString("Shift+")
	}
	if mods&modCtrl != 0 {
		b.WriteString("Ctrl+")
	}
	if mods&modAlt != 0 {
		b.WriteString("Alt+")
	}
	b.WriteString(name)
	return b.String()
}
