package syntax

import "testing"

// TestKeywordOutsideASCIIIsACommand: PowerShell compares keywords
// ordinally ignoring case, by upper-case mappings; the Kelvin sign (U+212A)
// is its own upper case, so "brea\u212a" is a command name, not break —
// and the whole word is the command's, none of its bytes left behind.
func TestKeywordOutsideASCIIIsACommand(t *testing.T) {
	word := "brea\u212a"
	sb, err := Parse(&Source{Name: "t", Text: word + "; 'after'"})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(sb.End.Statements) != 2 {
		t.Fatalf("statements = %d, want 2", len(sb.End.Statements))
	}
	pl, ok := sb.End.Statements[0].(*Pipeline)
	if !ok {
		t.Fatalf("first statement is %T, want a pipeline (a command)", sb.End.Statements[0])
	}
	cmd, ok := pl.Elements[0].(*Command)
	if !ok {
		t.Fatalf("pipeline element is %T, want *Command", pl.Elements[0])
	}
	if cmd.Start != 0 || cmd.End != len(word) {
		t.Errorf("command extent = [%d,%d), want [0,%d)", cmd.Start, cmd.End, len(word))
	}
	// The ASCII spellings in any case stay keywords.
	sb, err = Parse(&Source{Name: "t", Text: "while ($true) { BrEaK }"})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if _, ok := sb.End.Statements[0].(*WhileStmt); !ok {
		t.Fatalf("statement is %T, want *WhileStmt", sb.End.Statements[0])
	}
}
