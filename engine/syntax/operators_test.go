package syntax

import "testing"

func TestDashOperatorsAreLexed(t *testing.T) {
	ops := DashOperators()
	if len(ops) < 50 || ops[0] != "-and" {
		t.Fatalf("DashOperators() = %q", ops)
	}
	for _, op := range ops {
		sb, err := Parse(&Source{Text: "$a " + op + " $b"})
		if op == "-not" || op == "-bnot" {
			sb, err = Parse(&Source{Text: op + " $b"})
		}
		if err != nil {
			t.Errorf("%s: %v (%s)", op, err, Dump(sb))
		}
	}
}
