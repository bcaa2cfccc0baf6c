package psreadline

import "testing"

// Chords are named as PSReadLine's PSKeyInfo.KeyStr names what
// ConsoleKeyChordConverter makes of them (PSReadLine's OptionsTest.cs
// GetKeyHandlers: "home" is Home, "ctrl+x,ctrl+e" is Ctrl+x,Ctrl+e; the
// Keys table for the rest).
func TestNormalizeChord(t *testing.T) {
	cases := []struct{ in, want string }{
		{"home", "Home"},
		{"ctrl+x", "Ctrl+x"},
		{"ctrl+x,ctrl+e", "Ctrl+x,Ctrl+e"},
		{"Ctrl+r", "Ctrl+r"},
		{"Ctrl+R", "Ctrl+R"},
		{"Ctrl+Shift+r", "Ctrl+R"},
		{"Control-a", "Ctrl+a"},
		{"alt+b", "Alt+b"},
		{"Alt+B", "Alt+B"},
		{"Shift+Enter", "Shift+Enter"},
		{"Ctrl+Shift+Enter", "Shift+Ctrl+Enter"},
		{"Shift+Ctrl+LeftArrow", "Shift+Ctrl+LeftArrow"},
		{"enter", "Enter"},
		{"uparrow", "UpArrow"},
		{"F8", "F8"},
		{"Shift+F8", "Shift+F8"},
		{"Escape,b", "Escape,b"},
		{"Escape,Ctrl+y", "Escape,Ctrl+y"},
		{"Ctrl+@", "Ctrl+@"},
		{"Ctrl+_", "Ctrl+_"},
		{"Ctrl+]", "Ctrl+]"},
		{"Ctrl+Alt+y", "Ctrl+Alt+y"},
		{"Ctrl+Alt+?", "?"}, // taken for AltGr
		{"Alt+Spacebar", "Alt+Spacebar"},
		{"Spacebar", "Spacebar"},
		{"Alt+.", "Alt+."},
		{"Shift+a", "a"},
		{"A", "A"},
		{",", ","},
		{"Ctrl+x,,", "Ctrl+x,,"},
		{"Ctrl+Backspace", "Ctrl+Backspace"},
		{"Tab", "Tab"},
		{"Shift+Tab", "Shift+Tab"},
	}
	for _, c := range cases {
		got, err := normalizeChord(c.in)
		if err != nil || got != c.want {
			t.Errorf("normalizeChord(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// Chords PSReadLine cannot read fail with its texts (PSReadLineResources).
func TestNormalizeChordErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Ctrl+Foo", "Unrecognized key 'Foo'. Please use a character literal or a well-known key name from the System.ConsoleKey enumeration."},
		{"Ctrl", "Unrecognized key 'Ctrl'. Please use a character literal or a well-known key name from the System.ConsoleKey enumeration."},
		{"Ctrl+", "Invalid sequence 'Ctrl+'."},
		{"Ctrlx", "Invalid sequence 'Ctrlx'."},
		{"Ctrl+Ctrl+a", "Duplicate or invalid modifier token 'Control' for key 'Ctrl+Ctrl+a'."},
		{"a,b,c", "Invalid sequence 'a,b,c'."},
		{"enter2", "Unrecognized key 'enter2'. Please use a character literal or a well-known key name from the System.ConsoleKey enumeration."},
		{"clear", "Unrecognized key 'clear'. Please use a character literal or a well-known key name from the System.ConsoleKey enumeration."},
	}
	for _, c := range cases {
		got, err := normalizeChord(c.in)
		if err == nil || err.Error() != c.want {
			t.Errorf("normalizeChord(%q) = %q, %v; want error %q", c.in, got, err, c.want)
		}
	}
}

// The default tables name only functions PSReadLine has, and the Emacs
// table binds what PSReadLine 2.3 binds on Linux.
func TestDefaultBindings(t *testing.T) {
	for _, table := range [][]binding{emacsBindings, windowsBindings} {
		for _, b := range table {
			if _, ok := lookupFunction(b.function); !ok && b.function != chordFirstKey {
				t.Errorf("%s is bound to unknown function %s", b.chord, b.function)
			}
			if n, err := normalizeChord(b.chord); err != nil || n != b.chord && b.chord != "Ctrl+Alt+?" {
				t.Errorf("default chord %q reads back as %q, %v", b.chord, n, err)
			}
		}
	}
	d := newDispatch(engineDefaults())
	for chord, fn := range map[string]string{"Enter": "AcceptLine", "Tab": "Complete", "Ctrl+r": "ReverseSearchHistory",
		"Ctrl+s": "ForwardSearchHistory", "UpArrow": "PreviousHistory", "DownArrow": "NextHistory", "Ctrl+c": "CopyOrCancelLine",
		"Ctrl+d": "DeleteCharOrExit", "Ctrl+a": "BeginningOfLine", "Home": "BeginningOfLine", "Ctrl+e": "EndOfLine", "End": "EndOfLine",
		"RightArrow": "ForwardChar", "LeftArrow": "BackwardChar", "Alt+b": "BackwardWord", "Alt+f": "ForwardWord", "Ctrl+k": "KillLine",
		"Ctrl+u": "BackwardKillInput", "Ctrl+w": "UnixWordRubout", "Ctrl+l": "ClearScreen", "Alt+r": "RevertLine",
		"Shift+Enter": "AddLine", "Escape": chordFirstKey, "Escape,r": "RevertLine", "Ctrl+x,Ctrl+u": "Undo"} {
		if h, ok := d.lookup(chord); !ok || h.function != fn {
			t.Errorf("Emacs %s = %q, want %s", chord, h.function, fn)
		}
	}
	for _, chord := range []string{"Ctrl+LeftArrow", "Ctrl+RightArrow", "Ctrl+Spacebar", "Ctrl+h"} {
		if h, ok := d.lookup(chord); ok {
			t.Errorf("Emacs on Linux binds %s to %s; PSReadLine does not", chord, h.function)
		}
	}
}
