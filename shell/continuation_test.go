package shell

import "testing"

func TestContinuation(t *testing.T) {
	type step struct {
		line string
		run  string // "" = keeps waiting (unless done)
		done bool
	}
	cases := [][]step{
		{{"Get-Date", "Get-Date", true}},
		{{"", "", true}},
		{{"foreach ($i in 1..3) {", "", false}, {"  $i", "", false}, {"}", "foreach ($i in 1..3) {\n  $i\n}", true}},
		{{"Get-Process |", "", false}, {"Sort-Object", "Get-Process |\nSort-Object", true}},
		{{"Get-Date `", "", false}, {"-Format o", "Get-Date `\n-Format o", true}},
		{{"'abc", "", false}, {"", "", false}, {"def'", "'abc\n\ndef'", true}},
		{{"@\"", "", false}, {"x", "", false}, {"\"@", "@\"\nx\n\"@", true}},
		{{"(1 +", "", false}, {"2)", "(1 +\n2)", true}},
		// A real syntax error is not incomplete: it runs (and reports).
		{{"1 +* 2", "1 +* 2", true}},
		{{"}", "}", true}},
	}
	for _, steps := range cases {
		var c continuation
		for i, s := range steps {
			text, done := c.Feed(s.line)
			if done != s.done || text != s.run {
				t.Errorf("%q step %d: Feed(%q) = %q, %v; want %q, %v", steps[0].line, i, s.line, text, done, s.run, s.done)
			}
			if c.Pending() == done {
				t.Errorf("%q step %d: Pending() = %v after done=%v", steps[0].line, i, c.Pending(), done)
			}
		}
	}
}

func TestContinuationResetAndText(t *testing.T) {
	var c continuation
	c.Feed("if ($true) {")
	if c.Text() != "if ($true) {\n" {
		t.Errorf("Text() = %q", c.Text())
	}
	c.Reset()
	if c.Pending() {
		t.Fatal("still pending after Reset")
	}
	if text, ok := c.Feed("Get-Date"); !ok || text != "Get-Date" {
		t.Errorf("after reset: %q %v", text, ok)
	}
}

func TestPromptPrefix(t *testing.T) {
	if got := promptPrefix(false, "/home/ann"); got != "PS /home/ann> " {
		t.Errorf("prompt = %q", got)
	}
	if got := promptPrefix(true, "/home/ann"); got != ">> " {
		t.Errorf("continuation prompt = %q", got)
	}
}
