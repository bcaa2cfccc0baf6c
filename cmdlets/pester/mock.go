package pester

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// mock is one Mock: a behaviour for a command, in force from where it was
// defined until that block or test ends.
type mock struct {
	name       string
	module     string
	body       *engine.ScriptBlock
	filter     *engine.ScriptBlock
	verifiable bool
	executed   bool
	// scope is where Mock ran: the body and the filter run in a child of it.
	scope *engine.Scope
	// cleanup removes the proxy when the mock's block or test ends, for
	// proxies defined in a module's scope (which outlives the test).
	cleanup func()
}

// mockCall is one call a mock intercepted.
type mockCall struct {
	name  string
	bound map[string]any
	input any
	block *block
	test  *test
}

// callOriginal runs the mocked command itself: & $command @params.
var callOriginal = mustBlock(`param($__PesterCommand, $__PesterParams) & $__PesterCommand @__PesterParams`)

// mustBlock parses a block the package relies on.
func mustBlock(text string) *engine.ScriptBlock {
	sb, err := engine.NewScriptBlock("Pester", text)
	if err != nil {
		panic("pester: " + err.Error())
	}
	return sb
}

// registerMock adds Mock, Assert-MockCalled and Assert-VerifiableMock.
func (m *module) registerMock(rt *engine.Runtime) {
	name := positional[string]("CommandName", "String", 0, "The command to mock: a cmdlet (the tenant cmdlets too), function or script.")
	name.Info().Sets[0].Mandatory = true
	body := positional[any]("MockWith", "ScriptBlock", 1, "What the mock does instead; its output is the command's output. Default: nothing.")
	verifiable := named[bool]("Verifiable", "SwitchParameter", "Should -InvokeVerifiable checks that this mock was called.")
	filter := named[any]("ParameterFilter", "ScriptBlock", "The mock applies only to calls whose parameters (as variables) make it true.")
	moduleName := named[string]("ModuleName", "String", "The module whose calls are mocked.")
	removeType := named[[]string]("RemoveParameterType", "String[]", "Parameters whose type is not enforced by the mock.")
	removeValidation := named[[]string]("RemoveParameterValidation", "String[]", "Parameters whose validation is not enforced by the mock.")
	rt.Register(&engine.Cmdlet{
		Name: "Mock", Module: "Pester",
		Synopsis: "Mocks the behavior of an existing command with an alternate implementation (Pester 5).",
		Description: "Defines a function of the command's name and parameters in the current scope, so the code under test calls it " +
			"instead of the command. A mock in BeforeAll applies to the block's tests, one in It to that test only. The most " +
			"recent mock whose -ParameterFilter accepts a call handles it; calls no mock accepts run the real command.",
		Params: []*engine.ParamInfo{name.Info(), body.Info(), verifiable.Info(), filter.Info(), moduleName.Info(), removeType.Info(), removeValidation.Info()},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			if err := m.runOnly("Mock"); err != nil {
				return err
			}
			sb, _ := body.Get(c).(*engine.ScriptBlock)
			fl, _ := filter.Get(c).(*engine.ScriptBlock)
			return m.defineMock(c, name.Get(c), &mock{module: moduleName.Get(c), body: sb, filter: fl, verifiable: verifiable.Get(c), scope: c.Scope()},
				removeType.Get(c), removeValidation.Get(c))
		}),
	})
	m.registerAssertMockCalled(rt)
}

// defineMock records a mock and defines its proxy in the caller's scope.
func (m *module) defineMock(c *engine.Call, name string, mk *mock, noType, noValidation []string) error {
	rt := c.Runtime()
	ci, ok := rt.LookupCommandIn(c.Scope(), name)
	if !ok {
		return engine.NewError("ObjectNotFound", "CommandNotFoundException", name, "Could not find Command %s", name).
			WithException("System.Management.Automation.CommandNotFoundException")
	}
	if ci.Function != nil && ci.Function.Proxy() != nil {
		if orig, ok := m.proxies[ci.Function.Proxy()]; ok {
			ci = orig
		}
	}
	mk.name = ci.Name
	if ci.Kind == engine.KindAlias && ci.Cmdlet == nil && ci.Function == nil {
		return engine.NewError("ObjectNotFound", "CommandNotFoundException", name, "Could not find Command %s", name).
			WithException("System.Management.Automation.CommandNotFoundException")
	}
	m.run.mocks = append(m.run.mocks, mk)
	meta := ci.Meta()
	proxy := &engine.Cmdlet{Name: mk.name, Module: ci.Module, Synopsis: "Pester mock of " + mk.name + "."}
	if meta != nil {
		proxy.DefaultSet = meta.DefaultSet
		proxy.SupportsShouldProcess = meta.SupportsShouldProcess
		for _, p := range meta.Params {
			cp := *p
			if containsFold(noType, p.Name) {
				cp.Type = "Object"
			}
			if containsFold(noValidation, p.Name) {
				cp.ValidateSet, cp.ValidateRange, cp.ValidatePattern, cp.ValidateScript = nil, nil, "", nil
				cp.ValidateNotNull, cp.ValidateNotNullOrEmpty = false, false
				cp.AllowNull, cp.AllowEmptyString, cp.AllowEmptyCollection = true, true, true
			}
			proxy.Params = append(proxy.Params, &cp)
		}
	}
	where := c.Scope()
	if mk.module == "" {
		// Inside InModuleScope a mock is the module's.
		if mod := c.CurrentModule(); mod != nil {
			mk.module = mod.Name
		}
	}
	if mk.module != "" {
		mod, ok := rt.ScriptModule(mk.module)
		if !ok {
			return pesterError("PesterModuleNotFound", "No modules named '%s' are currently loaded.", mk.module)
		}
		where = mod.Scope()
		name := mk.name
		mk.cleanup = func() {
			if fn := where.LookupFunction(name); fn != nil && fn.Proxy() != nil {
				where.RemoveFunction(name)
			}
		}
	}
	proxy.New = func() engine.Processor {
		return &engine.Funcs{OnProcess: func(pc *engine.Call) error { return m.mockCalled(pc, mk.name, ci) }}
	}
	m.proxies[proxy] = ci
	where.DefineProxy(mk.name, proxy, mk.body)
	// An alias of the command (gci for Get-ChildItem) reaches the mock too:
	// aliases resolve to the name, which the proxy shadows.
	return nil
}

// containsFold reports whether list holds s, ignoring case.
func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// mockCalled handles one call of a mocked command: the most recent mock
// whose filter accepts it runs (and the call is recorded), else the real
// command does.
func (m *module) mockCalled(c *engine.Call, name string, orig *engine.CommandInfo) error {
	bound := c.BoundParameters()
	r := m.run
	var chosen *mock
	if r != nil {
		for i := len(r.mocks) - 1; i >= 0 && chosen == nil; i-- {
			mk := r.mocks[i]
			if !strings.EqualFold(mk.name, name) || mk.filter == nil {
				continue
			}
			ok, err := m.filterAccepts(c, mk.scope, mk.filter, bound, c.Input)
			if err != nil {
				return err
			}
			if ok {
				chosen = mk
			}
		}
		for i := len(r.mocks) - 1; i >= 0 && chosen == nil; i-- {
			if mk := r.mocks[i]; strings.EqualFold(mk.name, name) && mk.filter == nil {
				chosen = mk
			}
		}
	}
	if chosen == nil {
		params := value.NewHashtable()
		for k, v := range bound {
			params.Set(k, v)
		}
		return c.InvokeBlockArgs(callOriginal, []any{orig, params}, nil, c.WriteObject)
	}
	chosen.executed = true
	r.calls = append(r.calls, &mockCall{name: chosen.name, bound: bound, input: c.Input, block: r.cur, test: r.test})
	if chosen.body == nil {
		return nil
	}
	sc := mockScope(chosen.scope, bound)
	var input any
	if c.HasInput {
		input = c.Input
	}
	return c.InvokeBlockInScope(sc, chosen.body, input, c.WriteObject)
}

// mockScope is the scope a mock's body or filter runs in: below the scope
// that defined it, with the bound parameters as variables and in
// $PesterBoundParameters.
func mockScope(parent *engine.Scope, bound map[string]any) *engine.Scope {
	sc := engine.NewScope(parent, false)
	h := value.NewHashtable()
	for k, v := range bound {
		sc.SetLocal(k, v)
		h.Set(k, v)
	}
	sc.SetLocal("PesterBoundParameters", h)
	return sc
}

// filterAccepts runs a -ParameterFilter on a call's parameters.
func (m *module) filterAccepts(c *engine.Call, parent *engine.Scope, filter *engine.ScriptBlock, bound map[string]any, input any) (bool, error) {
	var out []any
	err := c.InvokeBlockInScope(mockScope(parent, bound), filter, input, func(v any) error { out = append(out, v); return nil })
	if err != nil {
		return false, err
	}
	switch len(out) {
	case 0:
		return false, nil
	case 1:
		return value.ToBool(out[0]), nil
	}
	return value.ToBool(out), nil
}

// shouldInvoke runs Should -Invoke: it counts the calls of a mocked
// command in the scope asked for and words Pester's failure message.
func (m *module) shouldInvoke(a *assertion, items []any) string {
	msg, err := m.shouldInvokeErr(a, items)
	if err != nil {
		a.fatal = err
		return ""
	}
	return msg
}

// shouldInvokeErr is shouldInvoke with its usage errors.
func (m *module) shouldInvokeErr(a *assertion, items []any) (string, error) {
	if len(items) > 0 {
		return "", pesterError("PesterInvokeInput", "Should -Invoke does not take pipeline input or ActualValue.")
	}
	if err := m.runOnly("Should -Invoke"); err != nil {
		return "", err
	}
	c, p, r := a.c, a.p, m.run
	name := a.expectedArg(p.command)
	times := 1
	if v, ok := p.times.Lookup(c); ok {
		times = int(toInt(v))
	} else if p.command.Given(c) && p.expected.Given(c) {
		// -CommandName by name: the first positional value is -Times.
		times = int(toInt(p.expected.Get(c)))
	} else if rest, ok := p.rest.Lookup(c); ok {
		if items := enumerate(rest); len(items) > 0 {
			times = int(toInt(items[0]))
		}
	}
	exactly := p.exactly.Get(c) || times == 0
	filter, _ := p.paramFilter.Get(c).(*engine.ScriptBlock)
	exclusive, _ := p.exclusiveFilter.Get(c).(*engine.ScriptBlock)
	if a.not && exclusive != nil {
		return "", pesterError("PesterInvokeExclusive", "Cannot use -ExclusiveFilter when -Not is specified. Use -ParameterFilter instead.")
	}
	mod := ""
	if mn := p.moduleName.Get(c); mn != "" {
		mod = " in module " + mn
	}
	var found *mock
	for _, mk := range r.mocks {
		if strings.EqualFold(mk.name, name) || strings.EqualFold(mk.name, resolveAlias(c, name)) {
			found = mk
		}
	}
	if found == nil {
		where := "in script scope"
		if mod != "" {
			where = "in module " + p.moduleName.Get(c)
		}
		return "", pesterError("PesterMockNotFound", "Should -Invoke: Could not find Mock for command %s %s. Was the mock defined? Did you use the same -ModuleName as on the Mock? When using InModuleScope are InModuleScope, Mock and Should -Invoke using the same -ModuleName?", name, where)
	}
	inScope, err := m.callsInScope(p.scope.Get(c), p.scope.Given(c))
	if err != nil {
		return "", err
	}
	matching, nonMatching := 0, 0
	for _, call := range inScope {
		if !strings.EqualFold(call.name, found.name) {
			continue
		}
		f := filter
		if exclusive != nil {
			f = exclusive
		}
		ok := true
		if f != nil {
			if ok, err = m.filterAccepts(c, c.Scope(), f, call.bound, call.input); err != nil {
				return "", err
			}
		}
		if ok {
			matching++
		} else {
			nonMatching++
		}
	}
	B := formatBecause(a.because)
	cmd := name + mod
	if a.not {
		if exactly && matching == times {
			return fmt.Sprintf("Expected %s not to be called exactly %d times,%s but it was", cmd, times, B), nil
		}
		if !exactly && matching >= times {
			return fmt.Sprintf("Expected %s to be called less than %d times,%s but was called %d times", cmd, times, B, matching), nil
		}
		return "", nil
	}
	if exclusive != nil && nonMatching > 0 {
		return fmt.Sprintf("Expected %s to only be called with with parameters matching the specified filter,%s but %d non-matching calls were made", cmd, B, nonMatching), nil
	}
	if exactly && matching != times {
		return fmt.Sprintf("Expected %s to be called %d times exactly,%s but was called %d times", cmd, times, B, matching), nil
	}
	if !exactly && matching < times {
		return fmt.Sprintf("Expected %s to be called at least %d times,%s but was called %d times", cmd, times, B, matching), nil
	}
	return "", nil
}

// resolveAlias returns the command an alias names (or the name itself).
func resolveAlias(c *engine.Call, name string) string {
	if t, ok := c.Runtime().ResolveAlias(name); ok {
		return t
	}
	return name
}

// toInt reads a count.
func toInt(v any) int64 {
	n, err := value.ConvertToName(v, "Int64")
	if err != nil {
		return 0
	}
	i, _ := n.(int64)
	return i
}

// callsInScope returns the recorded calls -Scope selects: by default the
// current test's (inside It, BeforeEach, AfterEach) or the current
// block's with its children (in BeforeAll, AfterAll, a block body).
func (m *module) callsInScope(scope string, given bool) ([]*mockCall, error) {
	r := m.run
	var t *test
	var b *block
	switch {
	case !given:
		t, b = r.test, r.cur
	case strings.EqualFold(scope, "It"):
		if r.test == nil {
			return nil, pesterError("PesterInvokeScope", "Assertion is placed outside of an It block, but -Scope It is specified.")
		}
		t = r.test
	case strings.EqualFold(scope, "Describe"), strings.EqualFold(scope, "Context"):
		want := strings.EqualFold(scope, "Describe")
		for x := r.cur; x != nil && !x.isRoot; x = x.parent {
			if x.isDescribe == want {
				b = x
				break
			}
		}
		if b == nil {
			s := "Context"
			if want {
				s = "Describe"
			}
			return nil, pesterError("PesterInvokeScope", "Assertion is not placed directly nor nested inside a %s block, but -Scope %s is specified.", s, s)
		}
	default:
		n, err := value.ConvertToName(scope, "Int32")
		if err != nil || n.(int32) < 0 {
			return nil, pesterError("PesterInvokeScope", "Parameter Scope must be one of 'Describe', 'Context', 'It' or a non-negative number.")
		}
		level := int(n.(int32))
		if level == 0 && r.test != nil {
			t = r.test
		} else {
			if r.test != nil {
				level--
			}
			b = r.cur
			for ; level > 0 && b.parent != nil; level-- {
				b = b.parent
			}
		}
	}
	var out []*mockCall
	for _, call := range r.calls {
		if t != nil {
			if call.test == t {
				out = append(out, call)
			}
			continue
		}
		for x := call.block; x != nil; x = x.parent {
			if x == b {
				out = append(out, call)
				break
			}
		}
	}
	return out, nil
}

// shouldInvokeVerifiable runs Should -InvokeVerifiable.
func (m *module) shouldInvokeVerifiable(a *assertion) string {
	if err := m.runOnly("Should -InvokeVerifiable"); err != nil {
		a.fatal = err
		return ""
	}
	list := ""
	for _, mk := range m.run.mocks {
		if !mk.verifiable || mk.executed != a.not {
			continue
		}
		list += "\n Command " + mk.name + " "
		if mk.filter != nil {
			list += "with { " + strings.TrimSpace(mk.filter.ScriptText()) + " }"
		}
	}
	if list == "" {
		return ""
	}
	if a.not {
		return "\nExpected no verifiable mocks to be called," + formatBecause(a.because) + " but these were:" + list
	}
	return "\nExpected all verifiable mocks to be called," + formatBecause(a.because) + " but these were not:" + list
}

// registerAssertMockCalled adds the Pester 4 names v5 still takes:
// Assert-MockCalled (Should -Invoke) and Assert-VerifiableMock (Should
// -InvokeVerifiable).
func (m *module) registerAssertMockCalled(rt *engine.Runtime) {
	rt.Register(&engine.Cmdlet{
		Name: "Assert-MockCalled", Module: "Pester",
		Synopsis:    "OBSOLETE: use Should -Invoke. Checks how many times a mocked command was called.",
		Description: "Runs Should -Invoke with the same parameters; its messages are Should -Invoke's.",
		Params: []*engine.ParamInfo{
			positional[string]("CommandName", "String", 0, "The mocked command.").Info(),
			positional[any]("Times", "Int32", 1, "How many calls.").Info(),
			named[any]("ParameterFilter", "ScriptBlock", "Counts only matching calls.").Info(),
			named[any]("ExclusiveFilter", "ScriptBlock", "Fails on a non-matching call.").Info(),
			named[string]("ModuleName", "String", "The module of the mock.").Info(),
			named[string]("Scope", "String", "Where to count.").Info(),
			named[bool]("Exactly", "SwitchParameter", "Exactly -Times calls.").Info(),
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return forward(c, "Should -Invoke")
		}),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Assert-VerifiableMock", Module: "Pester",
		Synopsis:    "OBSOLETE: use Should -InvokeVerifiable. Checks that every -Verifiable mock was called.",
		Description: "Runs Should -InvokeVerifiable.",
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return forward(c, "Should -InvokeVerifiable")
		}),
	})
}

// forward runs `<command> @PSBoundParameters` in the caller's scope.
func forward(c *engine.Call, command string) error {
	params := value.NewHashtable()
	for k, v := range c.BoundParameters() {
		params.Set(k, v)
	}
	sb := mustBlock(`param($__PesterParams) ` + command + ` @__PesterParams`)
	err := c.InvokeBlockArgs(sb, []any{params}, nil, c.WriteObject)
	// A failure is reported where the legacy command was written.
	if rec, ok := err.(*engine.ErrorRecord); ok && rec.ErrorID == assertionID {
		return assertionError(c, rec.Message)
	}
	return err
}
