package pester

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// discard drops the output of setups and tests (Pester keeps it as
// StandardOutput and does not print it).
func discard(any) error { return nil }

// runContainer runs the tests of one discovered container, in a new
// script scope below parent.
func (m *module) runContainer(c *engine.Call, ct *container, parent *engine.Scope) {
	r := m.run
	r.phase = phaseRun
	r.container = ct
	r.out.containerStart(ct)
	start := m.now()
	sc := engine.NewScope(parent, true)
	if ct.sb == nil {
		sc.SetLocal("PSScriptRoot", filepath.Dir(ct.path))
		sc.SetLocal("PSCommandPath", ct.path)
	}
	setContainerData(sc, ct)
	cleanup := m.newTestDrive(c, sc)
	ct.executed = true
	m.runBlock(c, ct.root, sc)
	cleanup()
	ct.user = m.now().Sub(start)
}

// anyToRun reports whether a test of b or below is to run (not skipped,
// selected by the filters).
func (b *block) anyToRun() bool {
	for _, t := range b.tests() {
		if t.shouldRun && !t.skip {
			return true
		}
	}
	return false
}

// dataInput is the -ForEach item of b or of its nearest block that has
// one: $_ in its setups and tests.
func (b *block) dataInput() any {
	for x := b; x != nil; x = x.parent {
		if x.hasData {
			return x.data
		}
	}
	return nil
}

// input is the test's $_: its own -ForEach item, else its block's.
func (t *test) input() any {
	if t.hasData {
		return t.data
	}
	return t.block.dataInput()
}

// runBlock runs a block: its BeforeAll in its own scope, then its tests
// and child blocks in the order defined, then its AfterAll.
func (m *module) runBlock(c *engine.Call, b *block, parent *engine.Scope) {
	r := m.run
	if !b.anyToRun() {
		// Skipped tests are reported; setups do not run for them.
		for _, t := range b.tests() {
			if t.shouldRun {
				t.result = "Skipped"
				t.expanded = t.name
				r.out.testDone(t)
			}
		}
		return
	}
	start := m.now()
	sc := engine.NewScope(parent, false)
	if b.hasData {
		setData(sc, b.data)
	}
	b.executed = true
	outer := r.cur
	r.cur = b
	mark := len(r.mocks)
	snap := m.testDriveSnapshot()
	ok := true
	for _, sb := range b.beforeAll {
		if err := c.InvokeBlockInScope(sc, sb, b.dataInput(), discard); err != nil {
			b.errs = append(b.errs, asRecord(err))
			ok = false
			break
		}
	}
	if !b.isRoot {
		b.expanded = m.expand(c, sc, b.name, b.dataInput())
	}
	if ok {
		for _, it := range b.items {
			switch x := it.(type) {
			case *test:
				m.runTest(c, x, sc)
			case *block:
				m.runBlock(c, x, sc)
			}
		}
	} else {
		for _, t := range b.tests() {
			if t.shouldRun {
				t.result = "Failed"
				t.expanded = t.name
			}
		}
	}
	for i := len(b.afterAll) - 1; i >= 0; i-- {
		if err := c.InvokeBlockInScope(sc, b.afterAll[i], b.dataInput(), discard); err != nil {
			b.errs = append(b.errs, asRecord(err))
		}
	}
	m.testDriveRestore(snap)
	m.dropMocks(mark)
	r.cur = outer
	b.duration = m.now().Sub(start)
	if len(b.errs) > 0 {
		r.out.blockFailed(b)
	}
}

// eachChain returns the BeforeEach (outermost first) or AfterEach
// (innermost first) blocks that wrap a test of b.
func eachChain(b *block, before bool) []*engine.ScriptBlock {
	var chain []*block
	for x := b; x != nil; x = x.parent {
		chain = append([]*block{x}, chain...)
	}
	var out []*engine.ScriptBlock
	if before {
		for _, x := range chain {
			out = append(out, x.beforeEach...)
		}
		return out
	}
	for i := len(chain) - 1; i >= 0; i-- {
		out = append(out, chain[i].afterEach...)
	}
	return out
}

// runTest runs one test in a new scope below its block's: the BeforeEach
// blocks, the body and the AfterEach blocks share it.
func (m *module) runTest(c *engine.Call, t *test, parent *engine.Scope) {
	r := m.run
	if !t.shouldRun {
		return
	}
	if t.skip {
		t.result = "Skipped"
		t.expanded = m.expand(c, parent, t.name, t.input())
		r.out.testDone(t)
		return
	}
	if f := m.skipsAfterFailure(t); f != nil {
		t.result = "Skipped"
		t.expanded = m.expand(c, parent, t.name, t.input())
		// Pester marks the test Skip, so the screen shows no reason; the
		// result files carry it.
		r.out.testDone(t)
		t.reason = fmt.Sprintf("Skipped due to previous failure at '%s' and Run.SkipRemainingOnFailure set to '%s'", f.fullName(true), r.cfg.skipRemaining)
		return
	}
	start := m.now()
	sc := engine.NewScope(parent, false)
	if t.hasData {
		setData(sc, t.data)
	}
	r.test = t
	mark := len(r.mocks)
	var err error
	in := t.input()
	for _, sb := range eachChain(t.block, true) {
		if err = c.InvokeBlockInScope(sc, sb, in, discard); err != nil {
			break
		}
	}
	if err == nil {
		err = c.InvokeBlockInScope(sc, t.sb, in, discard)
	}
	var errs []*engine.ErrorRecord
	if err != nil {
		errs = append(errs, asRecord(err))
	}
	for _, sb := range eachChain(t.block, false) {
		if e := c.InvokeBlockInScope(sc, sb, in, discard); e != nil {
			errs = append(errs, asRecord(e))
		}
	}
	t.expanded = m.expand(c, sc, t.name, in)
	t.executed = true
	t.result = "Passed"
	for _, e := range errs {
		switch e.ErrorID {
		case "PesterTestSkipped", "PesterTestPending":
			t.result, t.reason = "Skipped", e.Message
			continue
		case "PesterTestInconclusive":
			t.result, t.reason = "Inconclusive", e.Message
			continue
		}
		t.errs = append(t.errs, e)
	}
	if len(t.errs) > 0 {
		t.result = "Failed"
		if r.failedAt == nil || r.failedAt.block.root() != t.block.root() || r.cfg.skipRemaining == "Block" {
			r.failedAt = t
		}
	}
	m.dropMocks(mark)
	r.test = nil
	t.duration = m.now().Sub(start)
	r.out.testDone(t)
}

// expand expands the <name> templates of a test or block name in scope sc
// as Pester does: the name becomes a double-quoted string in which each
// <expr> is $(expr) — so variables from -ForEach data and the setups
// expand, dot notation works, <_> is $_ — and `< escapes a template.
func (m *module) expand(c *engine.Call, sc *engine.Scope, name string, input any) string {
	if !strings.Contains(name, "<") {
		return name
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(name); i++ {
		ch := name[i]
		switch {
		case ch == '`' && i+1 < len(name) && (name[i+1] == '<' || name[i+1] == '>'):
			b.WriteByte(name[i+1])
			i++
		case ch == '$' || ch == '"' || ch == '`':
			b.WriteByte('`')
			b.WriteByte(ch)
		case ch == '<':
			end := strings.IndexByte(name[i+1:], '>')
			if end < 0 {
				b.WriteByte(ch)
				continue
			}
			expr := name[i+1 : i+1+end]
			if expr == "_" || strings.HasPrefix(expr, "_.") {
				expr = "$" + expr
			} else if !strings.HasPrefix(expr, "$") {
				expr = "$" + expr
			}
			b.WriteString("$(" + expr + ")")
			i += end + 1
		default:
			b.WriteByte(ch)
		}
	}
	b.WriteByte('"')
	sb, err := engine.NewScriptBlock("<name>", b.String())
	if err != nil {
		return name
	}
	var out []any
	if err := c.InvokeBlockInScope(engine.NewScope(sc, false), sb, input, func(v any) error { out = append(out, v); return nil }); err != nil || len(out) != 1 {
		return name
	}
	return value.ToString(out[0])
}

// dropMocks ends the mocks defined after mark (their block or test ended).
func (m *module) dropMocks(mark int) {
	r := m.run
	for i := len(r.mocks) - 1; i >= mark; i-- {
		if r.mocks[i].cleanup != nil {
			r.mocks[i].cleanup()
		}
	}
	r.mocks = r.mocks[:mark]
}

// root returns the container's root block above b.
func (b *block) root() *block {
	for b.parent != nil {
		b = b.parent
	}
	return b
}

// skipsAfterFailure returns the failed test that makes t skipped under
// Run.SkipRemainingOnFailure, nil when t runs.
func (m *module) skipsAfterFailure(t *test) *test {
	r := m.run
	f := r.failedAt
	if f == nil {
		return nil
	}
	switch r.cfg.skipRemaining {
	case "Run":
		return f
	case "Container":
		if f.block.root() == t.block.root() {
			return f
		}
	case "Block":
		if f.block == t.block {
			return f
		}
	}
	return nil
}
