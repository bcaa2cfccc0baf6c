package pester

import (
	"regexp"
	"strings"

	"github.com/csshell/csshell/engine"
)

// shouldParams are Should's parameters: the actual value, -Not and
// -Because, one switch per operator, and the operators' own parameters.
// The first positional argument is the expected value of whichever
// operator is given (or its regular expression, type, message, command).
type shouldParams struct {
	actual, expected, rest                                engine.Param[any]
	not, passThru, exactly, mandatory, hasCompleter       engine.Param[bool]
	because, regex, message, errorID, content, command    engine.Param[string]
	moduleName, scope, paramName, inSet                   engine.Param[string]
	expectedType, exceptionType, typ, defaultValue, times engine.Param[any]
	paramFilter, exclusiveFilter                          engine.Param[any]
	alias                                                 engine.Param[[]string]
	ops                                                   map[string]engine.Param[bool]
}

// shouldOperators are the operator switches and their aliases, in Get-ShouldOperator's order.
var shouldOperators = [][]string{
	{"Be", "EQ"}, {"BeExactly", "CEQ"}, {"BeGreaterThan", "GT"}, {"BeLessOrEqual", "LE"}, {"BeIn"}, {"BeLessThan", "LT"},
	{"BeGreaterOrEqual", "GE"}, {"BeLike"}, {"BeLikeExactly"}, {"BeNullOrEmpty"}, {"BeOfType", "HaveType"}, {"BeTrue"},
	{"BeFalse"}, {"Contain"}, {"Exist"}, {"FileContentMatch"}, {"FileContentMatchExactly"}, {"FileContentMatchMultiline"},
	{"FileContentMatchMultilineExactly"}, {"HaveCount"}, {"HaveParameter"}, {"Match"}, {"MatchExactly", "CMATCH"}, {"Throw"},
	{"Invoke"}, {"InvokeVerifiable"},
}

func newShouldParams() *shouldParams {
	p := &shouldParams{
		actual:          fromPipeline[any]("ActualValue", "Object", "The value to test (usually piped)."),
		expected:        positional[any]("ExpectedValue", "Object", 0, "The expected value (or the operator's first argument)."),
		rest:            engine.Declare[any](&engine.ParamInfo{Name: "LegacyArg", Type: "Object[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, FromRemainingArgs: true}}}),
		not:             named[bool]("Not", "SwitchParameter", "Negates the operator."),
		because:         named[string]("Because", "String", "Why the assertion is expected to hold; shown in the failure message."),
		regex:           named[string]("RegularExpression", "String", "The pattern of -Match and -MatchExactly."),
		expectedType:    named[any]("ExpectedType", "Object", "The type of -BeOfType."),
		message:         named[string]("ExpectedMessage", "String", "The message -Throw expects (a -like wildcard)."),
		errorID:         named[string]("ErrorId", "String", "The FullyQualifiedErrorId -Throw expects (a -like wildcard)."),
		exceptionType:   named[any]("ExceptionType", "Object", "The exception type -Throw expects."),
		passThru:        named[bool]("PassThru", "SwitchParameter", "-Throw writes the error record."),
		content:         named[string]("ExpectedContent", "String", "The pattern of the FileContentMatch operators."),
		command:         named[string]("CommandName", "String", "The mocked command -Invoke counts."),
		times:           named[any]("Times", "Int32", "How many calls -Invoke expects (at least, or exactly with -Exactly)."),
		paramFilter:     named[any]("ParameterFilter", "ScriptBlock", "Counts only the calls whose parameters it accepts."),
		exclusiveFilter: named[any]("ExclusiveFilter", "ScriptBlock", "Fails when a call does not match it."),
		moduleName:      named[string]("ModuleName", "String", "The module the mock is in."),
		scope:           named[string]("Scope", "String", "Where to count: It, Context, Describe or a number of levels."),
		exactly:         named[bool]("Exactly", "SwitchParameter", "-Invoke expects exactly -Times calls."),
		paramName:       named[string]("ParameterName", "String", "The parameter -HaveParameter looks for."),
		typ:             named[any]("Type", "Object", "The type the parameter of -HaveParameter has."),
		defaultValue:    named[any]("DefaultValue", "Object", "The default value the parameter of -HaveParameter has."),
		mandatory:       named[bool]("Mandatory", "SwitchParameter", "-HaveParameter: the parameter is mandatory."),
		hasCompleter:    named[bool]("HasArgumentCompleter", "SwitchParameter", "-HaveParameter: the parameter has an argument completer."),
		alias:           named[[]string]("Alias", "String[]", "-HaveParameter: the parameter's aliases."),
		inSet:           named[string]("InParameterSet", "String", "-HaveParameter: the parameter set."),
		ops:             map[string]engine.Param[bool]{},
	}
	for _, op := range shouldOperators {
		p.ops[op[0]] = named[bool](op[0], "SwitchParameter", "The "+op[0]+" operator.", op[1:]...)
	}
	return p
}

func (p *shouldParams) infos() []*engine.ParamInfo {
	out := []*engine.ParamInfo{p.actual.Info(), p.expected.Info(), p.not.Info(), p.because.Info()}
	for _, op := range shouldOperators {
		out = append(out, p.ops[op[0]].Info())
	}
	return append(out, p.regex.Info(), p.expectedType.Info(), p.message.Info(), p.errorID.Info(), p.exceptionType.Info(),
		p.passThru.Info(), p.content.Info(), p.command.Info(), p.times.Info(), p.paramFilter.Info(), p.exclusiveFilter.Info(),
		p.moduleName.Info(), p.scope.Info(), p.exactly.Info(), p.paramName.Info(), p.typ.Info(), p.defaultValue.Info(),
		p.mandatory.Info(), p.hasCompleter.Info(), p.alias.Info(), p.inSet.Info(), p.rest.Info())
}

// arrayOperators receive the whole pipeline as one value
// (SupportsArrayInput); the others test each piped item on its own.
var arrayOperators = map[string]bool{"Be": true, "BeExactly": true, "BeNullOrEmpty": true, "Contain": true, "HaveCount": true}

// legacyShould matches Pester 4's "Should Be 1" form.
var legacyShould = regexp.MustCompile(`(?i)^\s*should\s+([^\-@\s]+)`)

// registerShould adds Should.
func (m *module) registerShould(rt *engine.Runtime) {
	p := newShouldParams()
	rt.Register(&engine.Cmdlet{
		Name: "Should", Module: "Pester",
		Synopsis: "Asserts that a value meets a condition (Pester 5).",
		Description: "Pipe the actual value to Should and name one operator (-Be, -BeExactly, -BeGreaterThan, -BeLessThan, -BeIn, " +
			"-BeLike, -BeNullOrEmpty, -BeOfType, -BeTrue, -BeFalse, -Contain, -Exist, -FileContentMatch, -HaveCount, -HaveParameter, " +
			"-Match, -MatchExactly, -Throw, -Invoke, -InvokeVerifiable); -Not negates it, -Because explains it. A failure ends the " +
			"test with Pester's message unless -ErrorAction Continue (or Should.ErrorAction) collects it.",
		Params: p.infos(),
		Examples: []engine.Example{
			{Title: "Compare", Code: "$x | Should -Be 5"},
			{Title: "Expect an error", Code: "{ Set-CsOnlineDialInConferencingUser -Identity nobody -ResetLeaderPin } | Should -Throw '*not found*'"},
		},
		New: func() engine.Processor {
			var items []any
			piped := false
			return &engine.Funcs{
				OnProcess: func(c *engine.Call) error {
					if c.HasInput {
						piped = true
						items = append(items, c.Input)
					}
					return nil
				},
				OnEnd: func(c *engine.Call) error {
					if !piped {
						if v, ok := p.actual.Lookup(c); ok {
							items = []any{v}
							if arr, ok := arrayItems(v); ok && p.isArrayOp(c) {
								items = arr
							}
						}
					}
					return m.should(c, p, items)
				},
			}
		},
	})
}

// isArrayOp reports whether the operator given takes the whole input.
func (p *shouldParams) isArrayOp(c *engine.Call) bool {
	for name := range arrayOperators {
		if p.ops[name].Get(c) {
			return true
		}
	}
	return false
}

// should runs the assertion on the collected input.
func (m *module) should(c *engine.Call, p *shouldParams, items []any) error {
	op := ""
	for _, o := range shouldOperators {
		if p.ops[o[0]].Get(c) {
			if op != "" {
				return engine.NewError("InvalidArgument", "AmbiguousParameterSet", nil, "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.").
					WithException("System.Management.Automation.ParameterBindingException")
			}
			op = o[0]
		}
	}
	if op == "" {
		_, _, text := where(c)
		if legacyShould.MatchString(text) || p.rest.Given(c) || p.expected.Given(c) {
			return pesterError("PesterLegacyShould", "Legacy Should syntax (without dashes) is not supported in Pester 5. Please refer to migration guide at: https://pester.dev/docs/v5/migrations/v3-to-v4")
		}
		return engine.NewError("InvalidArgument", "AmbiguousParameterSet", nil, "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.").
			WithException("System.Management.Automation.ParameterBindingException")
	}
	a := &assertion{m: m, c: c, p: p, op: op, not: p.not.Get(c), because: p.because.Get(c)}
	switch op {
	case "Invoke":
		msg := m.shouldInvoke(a, items)
		if a.fatal != nil {
			return a.fatal
		}
		return a.report(msg)
	case "InvokeVerifiable":
		msg := m.shouldInvokeVerifiable(a)
		if a.fatal != nil {
			return a.fatal
		}
		return a.report(msg)
	case "Throw":
		var v any
		if len(items) > 0 {
			v = items[0]
		}
		rec, msg, err := a.throw(v)
		if err != nil {
			return err
		}
		if msg != "" {
			return a.report(msg)
		}
		if rec != nil && p.passThru.Get(c) {
			return c.WriteObject(rec)
		}
		return nil
	}
	if len(items) == 0 {
		items = []any{nil}
	}
	if arrayOperators[op] {
		var v any = items
		if len(items) == 1 {
			v = items[0]
		}
		msg, err := a.check(v)
		if err != nil {
			return err
		}
		return a.report(msg)
	}
	for _, it := range items {
		msg, err := a.check(it)
		if err != nil {
			return err
		}
		if err := a.report(msg); err != nil {
			return err
		}
	}
	return nil
}

// assertion is one Should call being evaluated.
type assertion struct {
	m       *module
	c       *engine.Call
	p       *shouldParams
	op      string
	not     bool
	because string
	// fatal is a usage error found while checking (not a failure).
	fatal error
}

// report turns a failure message into Pester's assertion error: thrown
// (Should.ErrorAction Stop, the default) or added to the test's errors
// (Continue), which fail the test when it ends.
func (a *assertion) report(msg string) error {
	if msg == "" {
		return nil
	}
	rec := assertionError(a.c, msg)
	bound := a.c.BoundParameters()
	stop := true
	if v, ok := bound["ErrorAction"]; ok {
		stop = strings.EqualFold(toString(v), "Stop")
	} else if r := a.m.run; r != nil && r.cfg != nil {
		stop = !strings.EqualFold(r.cfg.shouldErrorAction, "Continue")
	}
	if !stop {
		if r := a.m.run; r != nil && r.test != nil {
			r.test.errs = append(r.test.errs, rec)
			return nil
		}
	}
	return rec
}
