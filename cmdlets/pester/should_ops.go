package pester

import (
	"fmt"
	"os"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// toString is a value's text.
func toString(v any) string { return value.ToString(v) }

// arrayItems returns the items of a collection (not a string or a
// dictionary).
func arrayItems(v any) ([]any, bool) {
	if v == nil {
		return nil, false
	}
	if _, ok := asHashtable(v); ok {
		return nil, false
	}
	if _, ok := v.(string); ok {
		return nil, false
	}
	return value.Enumerate(v)
}

// msg builds "<head>,<because> <tail>" — every Pester message has the
// reason right before its "but".
func (a *assertion) msg(head, tail string) string {
	return head + "," + formatBecause(a.because) + " " + tail
}

// pick returns the positive or the negated message.
func (a *assertion) pick(pass bool, pos, neg string) string {
	if a.not {
		pass = !pass
	}
	if pass {
		return ""
	}
	if a.not {
		return neg
	}
	return pos
}

// expectedArg is the operator's first argument: its named parameter when
// given, else the first positional value.
func (a *assertion) expectedArg(named engine.Param[string]) string {
	if v, ok := named.Lookup(a.c); ok {
		return v
	}
	return toString(a.p.expected.Get(a.c))
}

// arraysEqual is ArraysAreEqual: collections element by element, scalars
// with -eq (expected on the left).
func arraysEqual(x, y any, cs bool) bool {
	xs, xa := arrayItems(x)
	ys, ya := arrayItems(y)
	if !xa {
		xs = []any{x}
	}
	if !ya {
		ys = []any{y}
	}
	nullOrEmpty := func(items []any) bool {
		return len(items) == 0 || len(items) == 1 && (items[0] == nil || items[0] == "")
	}
	if nullOrEmpty(xs) || nullOrEmpty(ys) {
		return nullOrEmpty(xs) && nullOrEmpty(ys)
	}
	if len(xs) != len(ys) {
		return false
	}
	for i := range xs {
		_, ia := arrayItems(xs[i])
		_, ja := arrayItems(ys[i])
		if ia || ja {
			if !arraysEqual(xs[i], ys[i], cs) {
				return false
			}
			continue
		}
		op := "-eq"
		if cs {
			op = "-ceq"
		}
		r, err := value.Compare(op, ys[i], xs[i])
		if err != nil || !value.ToBool(r) {
			return false
		}
	}
	return true
}

// compare applies a comparison operator with the actual value on the left.
func compare(op string, actual, expected any) bool {
	r, err := value.Compare(op, actual, expected)
	return err == nil && value.ToBool(r)
}

// check evaluates every operator but Throw, Invoke and
// InvokeVerifiable on one actual value; "" means it held.
func (a *assertion) check(v any) (string, error) {
	exp := a.p.expected.Get(a.c)
	E, A := formatNicely(exp), formatNicely(v)
	switch a.op {
	case "Be", "BeExactly":
		cs := a.op == "BeExactly"
		pass := arraysEqual(v, exp, cs)
		if a.not {
			if !pass {
				return "", nil
			}
			if cs {
				return a.msg("Expected "+E+" to be different from the actual value", "but got exactly the same value."), nil
			}
			return a.msg("Expected "+E+" to be different from the actual value", "but got the same value."), nil
		}
		if pass {
			return "", nil
		}
		es, eok := exp.(string)
		as, aok := v.(string)
		if eok && aok {
			if d := compareStrings(es, as, cs, a.because); d != "" {
				return d, nil
			}
		}
		if cs {
			return a.msg("Expected exactly "+E, "but got "+A+"."), nil
		}
		return a.msg("Expected "+E, "but got "+A+"."), nil
	case "BeTrue", "BeFalse":
		want := a.op == "BeTrue"
		if a.not {
			want = !want
		}
		if value.ToBool(v) == want {
			return "", nil
		}
		return a.msg("Expected "+formatNicely(want), "but got "+A+"."), nil
	case "BeNullOrEmpty":
		empty := v == nil || v == ""
		if items, ok := arrayItems(v); ok {
			empty = len(items) == 0
		}
		return a.pick(empty, a.msg("Expected $null or empty", "but got "+A+"."), a.msg("Expected a value", "but got $null or empty.")), nil
	case "HaveCount":
		n, err := value.ConvertToName(exp, "Int32")
		if err != nil {
			return "", err
		}
		want := int(n.(int32))
		if want < 0 {
			return "", engine.NewError("InvalidArgument", "ArgumentException", nil, "Excpected collection size must be greater than or equal to 0.").WithException("System.ArgumentException")
		}
		count := 1
		if v == nil {
			count = 0
		} else if items, ok := arrayItems(v); ok {
			count = len(items)
		}
		pass := count == want
		if a.not {
			if !pass {
				return "", nil
			}
			head := "Expected a collection with size different from " + formatNicely(want)
			if want == 0 {
				head = "Expected a non-empty collection"
			}
			tail := "but got collection with that size " + A + "."
			if count == 0 {
				tail = "but got an empty collection."
			}
			return a.msg(head, tail), nil
		}
		if pass {
			return "", nil
		}
		head := "Expected a collection with size " + formatNicely(want)
		if want == 0 {
			head = "Expected an empty collection"
		}
		tail := "but got collection with size " + formatNicely(count) + " " + A + "."
		if count == 0 {
			tail = "but got an empty collection."
		}
		return a.msg(head, tail), nil
	case "Match", "MatchExactly":
		re := a.expectedArg(a.p.regex)
		ok, _, err := value.Match(v, re, a.op == "MatchExactly")
		if err != nil {
			return "", err
		}
		how := "match"
		if a.op == "MatchExactly" {
			how = "case sensitively match"
		}
		R := formatNicely(re)
		return a.pick(ok, a.msg("Expected regular expression "+R+" to "+how+" "+A, "but it did not match."),
			a.msg("Expected regular expression "+R+" to not "+how+" "+A, "but it did match.")), nil
	case "BeLike", "BeLikeExactly":
		cs := a.op == "BeLikeExactly"
		ok := value.Like(toString(v), toString(exp), cs)
		kind := "like wildcard "
		if cs {
			kind = "case sensitive like wildcard "
		}
		return a.pick(ok, a.msg("Expected "+kind+E+" to match "+A, "but it did not match."),
			a.msg("Expected "+kind+E+" to not match "+A, "but it did match.")), nil
	case "Contain":
		ok := compare("-contains", v, exp)
		return a.pick(ok, a.msg("Expected "+E+" to be found in collection "+A, "but it was not found."),
			a.msg("Expected "+E+" to not be found in collection "+A, "but it was found.")), nil
	case "BeIn":
		ok := compare("-contains", exp, v)
		return a.pick(ok, a.msg("Expected collection "+E+" to contain "+A, "but it was not found."),
			a.msg("Expected collection "+E+" to not contain "+A, "but it was found.")), nil
	case "BeOfType":
		t, err := a.expectedTypeArg()
		if err != nil {
			return "", err
		}
		ok := v != nil && value.IsInstance(v, t)
		T, AT := "["+t.FullName+"]", "$null"
		if v != nil {
			AT = "[" + typeName(v).FullName + "]"
		}
		return a.pick(ok, a.msg("Expected the value to have type "+T+" or any of its subtypes", "but got "+A+" with type "+AT+"."),
			a.msg("Expected the value to not have type "+T+" or any of its subtypes", "but got "+A+" with type "+AT+".")), nil
	case "BeGreaterThan", "BeLessThan", "BeGreaterOrEqual", "BeLessOrEqual":
		words := map[string]string{"BeGreaterThan": "greater than", "BeLessThan": "less than",
			"BeGreaterOrEqual": "greater than or equal to", "BeLessOrEqual": "less than or equal to"}
		ops := map[string]string{"BeGreaterThan": "-gt", "BeLessThan": "-lt", "BeGreaterOrEqual": "-ge", "BeLessOrEqual": "-le"}
		opposite := map[string]string{"BeGreaterThan": "BeLessOrEqual", "BeLessThan": "BeGreaterOrEqual",
			"BeGreaterOrEqual": "BeLessThan", "BeLessOrEqual": "BeGreaterThan"}
		op := a.op
		if a.not {
			op = opposite[op]
		}
		if compare(ops[op], v, exp) {
			return "", nil
		}
		return a.msg("Expected the actual value to be "+words[op]+" "+E, "but got "+A+"."), nil
	case "Exist":
		ip, err := a.c.ResolveItemPath(toString(v))
		ok := false
		if err == nil && ip.IsFileSystem() {
			_, serr := os.Stat(ip.Path)
			ok = serr == nil
		}
		return a.pick(ok, a.msg("Expected path "+A+" to exist", "but it did not exist."),
			a.msg("Expected path "+A+" to not exist", "but it did exist.")), nil
	case "FileContentMatch", "FileContentMatchExactly", "FileContentMatchMultiline", "FileContentMatchMultilineExactly":
		return a.fileContent(v)
	case "HaveParameter":
		return a.haveParameter(v)
	}
	return "", fmt.Errorf("operator %s", a.op)
}

// expectedTypeArg reads -BeOfType's type: a type or a type name.
func (a *assertion) expectedTypeArg() (*value.Type, error) {
	v, ok := a.p.expectedType.Lookup(a.c)
	if !ok {
		v = a.p.expected.Get(a.c)
	}
	return typeArg(v)
}

// typeArg turns a type or a type name ('[int]', 'string') into a type.
func typeArg(v any) (*value.Type, error) {
	if o, ok := v.(*value.Object); ok {
		v = o.Base
	}
	if t, ok := v.(*value.Type); ok {
		return t, nil
	}
	name := strings.TrimSuffix(strings.TrimPrefix(toString(v), "["), "]")
	if t, ok := value.LookupType(name); ok {
		return t, nil
	}
	return nil, engine.NewError("InvalidArgument", "ArgumentException", nil, "Could not find type [%s]. Make sure that the assembly that contains that type is loaded.", name).
		WithException("System.ArgumentException")
}

// fileContent runs the FileContentMatch operators.
func (a *assertion) fileContent(v any) (string, error) {
	pattern := a.expectedArg(a.p.content)
	path := toString(v)
	data, err := os.ReadFile(a.c.ResolvePath(path))
	if err != nil {
		return "", engine.NewError("ObjectNotFound", "PathNotFound", path, "Cannot find path '%s' because it does not exist.", a.c.ResolvePath(path)).
			WithException("System.Management.Automation.ItemNotFoundException")
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	cs := strings.HasSuffix(a.op, "Exactly")
	found := false
	if strings.Contains(a.op, "Multiline") {
		found, _, err = value.Match(text, pattern, cs)
	} else {
		for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
			ok, _, merr := value.Match(line, pattern, cs)
			if merr != nil {
				return "", merr
			}
			if ok {
				found = true
				break
			}
		}
	}
	if err != nil {
		return "", err
	}
	P := formatNicely(pattern)
	file := formatNicely(path)
	if a.op == "FileContentMatch" {
		file = "'" + path + "'"
	}
	how := "found"
	if cs {
		how = "case sensitively found"
	}
	return a.pick(found, a.msg("Expected "+P+" to be "+how+" in file "+file, "but it was not found."),
		a.msg("Expected "+P+" to not be "+how+" in file "+file, "but it was found.")), nil
}

// haveParameter runs -HaveParameter on a command (a CommandInfo or a name).
func (a *assertion) haveParameter(v any) (string, error) {
	if o, ok := v.(*value.Object); ok {
		v = o.Base
	}
	ci, ok := v.(*engine.CommandInfo)
	if !ok {
		ci, ok = a.c.Runtime().LookupCommandIn(a.c.Scope(), toString(v))
		if !ok {
			return "", engine.NewError("InvalidArgument", "ArgumentException", nil, "Input value must be non-null CommandInfo.").WithException("System.ArgumentException")
		}
	}
	meta := ci.Meta()
	name := a.expectedArg(a.p.paramName)
	var param *engine.ParamInfo
	if meta != nil {
		for _, pi := range meta.Params {
			if strings.EqualFold(pi.Name, name) {
				param = pi
			}
		}
	}
	filters := []string{"to have a parameter " + name}
	if a.not {
		filters[0] = "to not have a parameter " + name
	}
	inSet := a.p.inSet.Get(a.c)
	if inSet != "" {
		filters[0] += " in parameter set " + inSet
		if param != nil {
			if _, ok := param.InSet(inSet); !ok || inSet == engine.AllSets {
				param = nil
			}
		}
	}
	var buts []string
	mandatory := a.p.mandatory.Get(a.c)
	t, hasType := a.p.typ.Lookup(a.c)
	switch {
	case !a.not && param == nil:
		buts = append(buts, "the parameter is missing")
	case a.not && param == nil:
		return "", nil
	case a.not && !mandatory && !hasType && !a.p.defaultValue.Given(a.c) && !a.p.hasCompleter.Given(a.c) && inSet == "":
		buts = append(buts, "the parameter exists")
	default:
		if mandatory {
			isMand := false
			for _, s := range param.Sets {
				isMand = isMand || s.Mandatory
			}
			if a.not {
				filters = append(filters, "which is not mandatory")
				if isMand {
					buts = append(buts, "it was mandatory")
				}
			} else {
				filters = append(filters, "which is mandatory")
				if !isMand {
					buts = append(buts, "it wasn't mandatory")
				}
			}
		}
		if hasType {
			want, err := typeArg(t)
			if err != nil {
				return "", err
			}
			got, _ := value.LookupType(param.Type)
			gotName := param.Type
			if got != nil {
				gotName = got.FullName
			}
			same := got != nil && got.FullName == want.FullName
			if a.not {
				filters = append(filters, "not of type ["+want.FullName+"]")
				if same {
					buts = append(buts, "it was of type ["+want.FullName+"]")
				}
			} else {
				filters = append(filters, "of type ["+want.FullName+"]")
				if !same {
					buts = append(buts, "it was of type ["+gotName+"]")
				}
			}
		}
		if dv, ok := a.p.defaultValue.Lookup(a.c); ok {
			want := toString(dv)
			got := strings.Trim(param.Default, `'"`)
			if a.not {
				filters = append(filters, "the default value not to be "+formatNicely(dv))
				if strings.EqualFold(got, want) {
					buts = append(buts, "the default value was "+formatNicely(got))
				}
			} else {
				filters = append(filters, "the default value to be "+formatNicely(dv))
				if !strings.EqualFold(got, want) {
					buts = append(buts, "the default value was "+formatNicely(got))
				}
			}
		}
		if a.p.hasCompleter.Given(a.c) {
			has := param.Complete != nil
			if a.p.hasCompleter.Get(a.c) {
				filters = append(filters, "has ArgumentCompletion")
				if !a.not && !has {
					buts = append(buts, "has no ArgumentCompletion")
				} else if a.not && has {
					buts = append(buts, "has ArgumentCompletion")
				}
			} else {
				filters = append(filters, "has no ArgumentCompletion")
				if has {
					buts = append(buts, "has ArgumentCompletion")
				}
			}
		}
		if aliases := a.p.alias.Get(a.c); len(aliases) > 0 {
			quoted := make([]string, len(aliases))
			for i, al := range aliases {
				quoted[i] = "'" + al + "'"
			}
			f := "with alias "
			if a.not {
				f = "without alias "
			}
			if len(aliases) >= 2 {
				f = strings.Replace(f, "alias ", "aliases ", 1)
			}
			filters = append(filters, f+joinAnd(quoted))
		}
		for _, al := range a.p.alias.Get(a.c) {
			has := false
			for _, x := range param.Aliases {
				has = has || strings.EqualFold(x, al)
			}
			if a.not && has {
				buts = append(buts, "it has an alias '"+al+"'")
			} else if !a.not && !has {
				buts = append(buts, "it didn't have an alias '"+al+"'")
			}
		}
	}
	if len(buts) == 0 {
		return "", nil
	}
	filter := strings.Join(filters, ", ")
	if len(filters) >= 3 {
		filter = joinAnd(filters)
	}
	return "Expected command " + ci.Name + " " + filter + "," + formatBecause(a.because) + " but " + joinAnd(buts) + ".", nil
}

// throw runs -Throw: it invokes the script block and checks the error it
// threw. It returns the error record caught (for -PassThru) and the
// failure message ("" when the assertion held).
func (a *assertion) throw(v any) (*engine.ErrorRecord, string, error) {
	sb, ok := v.(*engine.ScriptBlock)
	if o, isObj := v.(*value.Object); isObj {
		sb, ok = o.Base.(*engine.ScriptBlock)
	}
	if !ok || sb == nil {
		return nil, "", engine.NewError("InvalidArgument", "ArgumentException", nil, "Input is missing or not a ScriptBlock. Input to '-Throw' and '-Not -Throw' must be enclosed in curly braces.").
			WithException("System.ArgumentException")
	}
	err := a.c.InvokeBlockInScope(engine.NewScope(a.c.Scope(), false), sb, nil, discard)
	var rec *engine.ErrorRecord
	if err != nil {
		rec = asRecord(err)
	}
	if a.not {
		if rec == nil {
			return nil, "", nil
		}
		return rec, "Expected no exception to be thrown," + formatBecause(a.because) + " but an exception \"" + rec.Message + "\" was thrown " + lineInfo(rec) + ".", nil
	}
	var filters, buts []string
	if t, ok := a.p.exceptionType.Lookup(a.c); ok && t != nil {
		// Exception types csshell does not model are taken by name.
		wantName := strings.TrimSuffix(strings.TrimPrefix(toString(t), "["), "]")
		if want, err := typeArg(t); err == nil {
			wantName = want.FullName
		}
		filters = append(filters, "type ["+wantName+"]")
		if rec != nil && !exceptionIs(rec, wantName) {
			buts = append(buts, "the exception type was ["+exceptionType(rec)+"]")
		}
	}
	expMsg := a.expectedArg(a.p.message)
	if v, ok := a.p.message.Lookup(a.c); ok {
		expMsg = v
	} else if !a.p.expected.Given(a.c) {
		expMsg = ""
	}
	if strings.TrimSpace(expMsg) != "" {
		filters = append(filters, "message like "+formatNicely(unescapeWildcard(expMsg)))
		if rec != nil && !value.Like(rec.Message, expMsg, false) {
			buts = append(buts, "the message was "+formatNicely(rec.Message))
		}
	}
	if id := a.p.errorID.Get(a.c); strings.TrimSpace(id) != "" {
		filters = append(filters, "FullyQualifiedErrorId "+formatNicely(id))
		if rec != nil && !value.Like(rec.FullyQualifiedErrorID(), id, false) {
			buts = append(buts, "the FullyQualifiedErrorId was "+formatNicely(rec.FullyQualifiedErrorID()))
		}
	}
	if rec == nil {
		buts = append(buts, "no exception was thrown")
	}
	if len(buts) == 0 {
		return rec, "", nil
	}
	with := ""
	if len(filters) > 0 {
		with = " with " + joinAnd(filters)
	}
	msg := "Expected an exception" + with + " to be thrown," + formatBecause(a.because) + " but " + joinAnd(buts) + ". "
	if rec != nil {
		msg += lineInfo(rec)
	}
	return rec, strings.TrimSpace(msg), nil
}

// exceptionType is the .NET type of a record's exception.
func exceptionType(rec *engine.ErrorRecord) string {
	if rec.ExceptionType == "" {
		return "System.Management.Automation.RuntimeException"
	}
	return rec.ExceptionType
}

// exceptionIs reports whether a record's exception is of type want or
// derives from it (the common bases of PowerShell's exceptions).
func exceptionIs(rec *engine.ErrorRecord, want string) bool {
	got := exceptionType(rec)
	if strings.EqualFold(got, want) || strings.EqualFold(want, "System.Exception") {
		return true
	}
	if strings.EqualFold(want, "System.Management.Automation.RuntimeException") {
		return strings.HasPrefix(got, "System.Management.Automation.")
	}
	if strings.EqualFold(want, "System.ArgumentException") && strings.Contains(got, "Argument") {
		return true
	}
	return rec.InnerExceptionType != "" && strings.EqualFold(rec.InnerExceptionType, want)
}

// lineInfo is where the error was thrown, as Get-ExceptionLineInfo words
// it ("from <file>:<line> char:<column>").
func lineInfo(rec *engine.ErrorRecord) string {
	if !rec.HasPosition || rec.Source == nil {
		return ""
	}
	file, line, _ := place(rec.Source, rec.Extent)
	start := strings.LastIndexByte(rec.Source.Text[:min(rec.Extent.Start, len(rec.Source.Text))], '\n') + 1
	return fmt.Sprintf("from %s:%d char:%d", file, line, rec.Extent.Start-start+1)
}

// unescapeWildcard is WildcardPattern.Unescape.
func unescapeWildcard(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '`' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
