package pester

import (
	"time"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// container is one test file: its root block holds the file's top-level
// setups and its Describe blocks.
type container struct {
	path string
	// data is New-PesterContainer -Data: bound to the file's parameters
	// during discovery, variables during the run.
	data *value.Hashtable
	// sb is a -ScriptBlock container's code (path is "<ScriptBlock>").
	sb *engine.ScriptBlock
	// paramNames are the file\'s parameters; params their values as the
	// file\'s top level saw them (defaults included), for the run.
	paramNames []string
	params     *value.Hashtable
	root       *block
	// errs are the errors of the file itself (discovery failed).
	errs      []*engine.ErrorRecord
	discovery time.Duration
	user      time.Duration
	framework time.Duration
	executed  bool
	// out collects the result-file and output bookkeeping of the run.
}

// block is a Describe or Context (or a container's root).
type block struct {
	name       string
	expanded   string
	isRoot     bool
	isDescribe bool
	tags       []string
	skip       bool
	data       any
	hasData    bool
	parent     *block
	items      []any // *test and *block in the order they were defined
	line       int

	beforeAll, afterAll, beforeEach, afterEach []*engine.ScriptBlock

	errs     []*engine.ErrorRecord
	duration time.Duration
	executed bool
	// shown is set once the block's line was printed (Detailed).
	shown bool
}

// test is one It (one per -ForEach item).
type test struct {
	name     string
	expanded string
	sb       *engine.ScriptBlock
	tags     []string
	skip     bool
	data     any
	hasData  bool
	groupID  int
	block    *block
	line     int

	result    string // Passed, Failed, Skipped, Inconclusive, NotRun
	errs      []*engine.ErrorRecord
	reason    string // Set-ItResult message
	duration  time.Duration
	executed  bool
	shouldRun bool
}

// path returns the names of the blocks above b (the root excluded) and b.
func (b *block) path(expanded bool) []string {
	if b == nil || b.isRoot {
		return nil
	}
	name := b.name
	if expanded && b.expanded != "" {
		name = b.expanded
	}
	return append(b.parent.path(expanded), name)
}

// tests returns every test in b and below, in order.
func (b *block) tests() []*test {
	var out []*test
	for _, it := range b.items {
		switch x := it.(type) {
		case *test:
			out = append(out, x)
		case *block:
			out = append(out, x.tests()...)
		}
	}
	return out
}

// blocks returns b's descendant blocks, in order.
func (b *block) blocks() []*block {
	var out []*block
	for _, it := range b.items {
		if x, ok := it.(*block); ok {
			out = append(out, x)
			out = append(out, x.blocks()...)
		}
	}
	return out
}

// describeOrContext is "Describe" or "Context".
func (b *block) describeOrContext() string {
	if b.isDescribe {
		return "Describe"
	}
	return "Context"
}

// depth is the number of blocks from the root to b (a top Describe is 1).
func (b *block) depth() int {
	n := 0
	for x := b; x != nil && !x.isRoot; x = x.parent {
		n++
	}
	return n
}

// fullName is the test's block path and name joined by dots.
func (t *test) fullName(expanded bool) string {
	name := t.name
	if expanded && t.expanded != "" {
		name = t.expanded
	}
	return joinDots(append(t.block.path(expanded), name))
}

// joinDots joins names with '.'.
func joinDots(parts []string) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += "."
		}
		s += p
	}
	return s
}
