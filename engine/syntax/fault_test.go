package syntax

import (
	"errors"
	"testing"
)

// TestParseRecoversFaults: a panic inside the parser comes back as one
// ParserFault error and an empty tree, not a crash.
func TestParseRecoversFaults(t *testing.T) {
	faultHook = func(text string) {
		if text == "boom" {
			panic("index out of range [3] with length 2")
		}
	}
	defer func() { faultHook = nil }()
	sb, err := Parse(&Source{Name: "x.ps1", Text: "boom"})
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 || list[0].ID != "ParserFault" || sb == nil {
		t.Fatalf("Parse after a fault = %v, %v", sb, err)
	}
	if _, err := Parse(&Source{Text: "1 + 1"}); err != nil {
		t.Errorf("the next parse fails: %v", err)
	}
}
