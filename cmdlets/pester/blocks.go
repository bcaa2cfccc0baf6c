package pester

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerBlocks adds Describe, Context and It.
func (m *module) registerBlocks(rt *engine.Runtime) {
	for _, kind := range []string{"Describe", "Context"} {
		isDescribe := kind == "Describe"
		name := positional[string]("Name", "String", 0, "The name of the block, shown in the output; <var> templates expand from -ForEach data.")
		fixture := positional[any]("Fixture", "ScriptBlock", 1, "The body: the tests and setups of the block.")
		tag := named[[]string]("Tag", "String[]", "Tags the run can be filtered by (-TagFilter, -ExcludeTagFilter).", "Tags")
		skip := named[bool]("Skip", "SwitchParameter", "Skips every test of the block.")
		forEach := named[any]("ForEach", "Object", "Data: one block is generated per item; the keys of a hashtable item become variables.")
		rt.Register(&engine.Cmdlet{
			Name: kind, Module: "Pester",
			Synopsis:    "Creates a logical group of tests (Pester 5).",
			Description: "Groups tests and setups. During discovery its body runs to collect the tests; the tests run afterwards, in Invoke-Pester's run phase.",
			Params:      []*engine.ParamInfo{name.Info(), fixture.Info(), tag.Info(), skip.Info(), forEach.Info()},
			New: engine.ProcessOnly(func(c *engine.Call) error {
				sb, _ := fixture.Get(c).(*engine.ScriptBlock)
				if sb == nil {
					return pesterError("PesterNoFixture", "No test fixture is provided. (Have you put the open curly brace on the next line?)")
				}
				return m.discoverBlock(c, blockSpec{name: name.Get(c), isDescribe: isDescribe, body: sb, tags: tag.Get(c), skip: skip.Get(c)}, forEach.Get(c), forEach.Given(c))
			}),
		})
	}
	name := positional[string]("Name", "String", 0, "The name of the test; <var> templates expand from -ForEach data and setup variables.")
	body := positional[any]("Test", "ScriptBlock", 1, "The body of the test.")
	forEach := named[any]("ForEach", "Object[]", "Data: one test is generated per item.", "TestCases")
	tag := named[[]string]("Tag", "String[]", "Tags the run can be filtered by.", "Tags")
	skip := named[bool]("Skip", "SwitchParameter", "Skips the test.")
	pending := named[bool]("Pending", "SwitchParameter", "Marks the test as pending (skipped).")
	rt.Register(&engine.Cmdlet{
		Name: "It", Module: "Pester",
		Synopsis:    "Validates the results of a test inside a Describe block (Pester 5).",
		Description: "Defines one test (one per -ForEach item). Its body runs in Invoke-Pester's run phase, in a child scope of its block's.",
		Params:      []*engine.ParamInfo{name.Info(), body.Info(), forEach.Info(), tag.Info(), skip.Info(), pending.Info()},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			sb, _ := body.Get(c).(*engine.ScriptBlock)
			return m.discoverTest(c, name.Get(c), sb, tag.Get(c), skip.Get(c) || pending.Get(c), forEach.Get(c), forEach.Given(c))
		}),
	})
}

// blockSpec is what a Describe or Context call declares.
type blockSpec struct {
	name       string
	isDescribe bool
	body       *engine.ScriptBlock
	tags       []string
	skip       bool
}

// discoverBlock runs a Describe/Context body during discovery, adding the
// block (one per -ForEach item) to the tree.
func (m *module) discoverBlock(c *engine.Call, spec blockSpec, data any, hasData bool) error {
	r := m.run
	if r == nil {
		return m.runStandalone(c, spec.body)
	}
	if r.phase != phaseDiscovery {
		return pesterError("PesterDiscoveryOnly", "%s can run only during Discovery, but not during Run.", map[bool]string{true: "Describe", false: "Context"}[spec.isDescribe])
	}
	m.captureParams(c)
	items := []any{nil}
	if hasData {
		items = enumerate(data)
	}
	for _, item := range items {
		b := &block{name: spec.name, isDescribe: spec.isDescribe, tags: spec.tags, skip: spec.skip || r.cur.skip,
			parent: r.cur, data: item, hasData: hasData, line: lineOfBlock(spec.body)}
		r.cur.items = append(r.cur.items, b)
		sc := engine.NewScope(c.Scope(), false)
		if hasData {
			setData(sc, item)
		}
		outer := r.cur
		r.cur = b
		err := c.InvokeBlockInScope(sc, spec.body, nil, c.WriteObject)
		r.cur = outer
		if err != nil {
			return err
		}
	}
	return nil
}

// discoverTest adds a test (one per -ForEach item) to the block being
// discovered.
func (m *module) discoverTest(c *engine.Call, name string, sb *engine.ScriptBlock, tags []string, skip bool, data any, hasData bool) error {
	r := m.run
	if r == nil || r.phase != phaseDiscovery {
		return pesterError("PesterDiscoveryOnly", "It can run only during Discovery, but not during Run.")
	}
	if sb == nil {
		return pesterError("PesterNoTest", "No test scriptblock is provided. Did you put the opening curly brace on the next line?")
	}
	items := []any{nil}
	group := 0
	if hasData {
		items = enumerate(data)
		r.groupSeq++
		group = r.groupSeq
	}
	_, line := c.Position()
	src, _ := c.Position()
	ln := 0
	if src != nil {
		ln = lineAt(src.Text, line.Start)
	}
	for _, item := range items {
		r.cur.items = append(r.cur.items, &test{name: name, sb: sb, tags: tags, skip: skip || r.cur.skip, data: item, hasData: hasData,
			groupID: group, block: r.cur, line: ln})
	}
	return nil
}

// enumerate returns the items of a -ForEach value (a scalar is one item,
// $null or @() none).
func enumerate(v any) []any {
	if v == nil {
		return nil
	}
	if items, ok := value.Enumerate(v); ok {
		return items
	}
	return []any{v}
}

// setData defines the variables of a -ForEach item in sc: $_ is the item,
// and each key of a dictionary item becomes a variable.
func setData(sc *engine.Scope, item any) {
	sc.SetLocal("_", item)
	if h, ok := asHashtable(item); ok {
		for _, k := range h.Keys() {
			v, _ := h.Get(k)
			sc.SetLocal(value.ToString(k), v)
		}
	}
}

// asHashtable returns a dictionary item as a hashtable.
func asHashtable(v any) (*value.Hashtable, bool) {
	if o, ok := v.(*value.Object); ok {
		v = o.Base
	}
	h, ok := v.(*value.Hashtable)
	return h, ok
}

// lineOfBlock returns the line a script block starts on.
func lineOfBlock(sb *engine.ScriptBlock) int {
	if sb == nil || sb.Ast == nil || sb.Ast.Source == nil {
		return 0
	}
	return lineAt(sb.Ast.Source.Text, sb.Ast.Ext().Start)
}

// lineAt returns the 1-based line of offset off in text.
func lineAt(text string, off int) int {
	if off > len(text) {
		off = len(text)
	}
	return strings.Count(text[:off], "\n") + 1
}
