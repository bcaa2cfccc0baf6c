package powershell

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// whereOp is one comparison switch of Where-Object.
type whereOp struct {
	param string // switch name
	alias string // the I-prefixed alias, if any
	set   string // parameter set name
	op    string // operator for value.Compare ("" for -is/-isnot/-not)
}

// whereOps are Where-Object's comparison switches in pwsh's order.
var whereOps = []whereOp{
	{"EQ", "IEQ", "EqualSet", "ieq"}, {"CEQ", "", "CaseSensitiveEqualSet", "ceq"},
	{"NE", "INE", "NotEqualSet", "ine"}, {"CNE", "", "CaseSensitiveNotEqualSet", "cne"},
	{"GT", "IGT", "GreaterThanSet", "igt"}, {"CGT", "", "CaseSensitiveGreaterThanSet", "cgt"},
	{"LT", "ILT", "LessThanSet", "ilt"}, {"CLT", "", "CaseSensitiveLessThanSet", "clt"},
	{"GE", "IGE", "GreaterOrEqualSet", "ige"}, {"CGE", "", "CaseSensitiveGreaterOrEqualSet", "cge"},
	{"LE", "ILE", "LessOrEqualSet", "ile"}, {"CLE", "", "CaseSensitiveLessOrEqualSet", "cle"},
	{"Like", "ILike", "LikeSet", "ilike"}, {"CLike", "", "CaseSensitiveLikeSet", "clike"},
	{"NotLike", "INotLike", "NotLikeSet", "inotlike"}, {"CNotLike", "", "CaseSensitiveNotLikeSet", "cnotlike"},
	{"Match", "IMatch", "MatchSet", "imatch"}, {"CMatch", "", "CaseSensitiveMatchSet", "cmatch"},
	{"NotMatch", "INotMatch", "NotMatchSet", "inotmatch"}, {"CNotMatch", "", "CaseSensitiveNotMatchSet", "cnotmatch"},
	{"Contains", "IContains", "ContainsSet", "icontains"}, {"CContains", "", "CaseSensitiveContainsSet", "ccontains"},
	{"NotContains", "INotContains", "NotContainsSet", "inotcontains"}, {"CNotContains", "", "CaseSensitiveNotContainsSet", "cnotcontains"},
	{"In", "IIn", "InSet", "iin"}, {"CIn", "", "CaseSensitiveInSet", "cin"},
	{"NotIn", "INotIn", "NotInSet", "inotin"}, {"CNotIn", "", "CaseSensitiveNotInSet", "cnotin"},
	{"Is", "", "IsSet", "is"}, {"IsNot", "", "IsNotSet", "isnot"},
	{"Not", "", "Not", "not"},
}

// registerWhereObject adds Where-Object (aliases ?, where).
func registerWhereObject(rt *engine.Runtime) {
	p := newWhereParams()
	rt.Register(&engine.Cmdlet{
		Name: "Where-Object", Module: "Microsoft.PowerShell.Core",
		Synopsis: "Selects objects from a collection based on their property values.",
		Description: "The Where-Object cmdlet selects objects that have particular property values from the collection of objects " +
			"that are passed to it: with a script block (the object passes when the block returns a true value) or with a comparison " +
			"statement, such as `Where-Object Name -eq 'x'`. `Where-Object Name` alone passes objects whose property is true.",
		DefaultSet: "EqualSet",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Filter with a script block", Code: "1..10 | Where-Object { $_ % 2 -eq 0 }"},
			{Title: "Filter with a comparison statement", Code: "Get-Variable | Where-Object Name -like 'P*'"},
		},
		Outputs: []string{"System.Object"},
		New:     func() engine.Processor { return &whereObject{p: p} },
	})
	rt.SetAliases("Where-Object", "?", "where")
}

// whereParams are Where-Object's parameters; ops[i] is the switch of
// whereOps[i].
type whereParams struct {
	inputObject, filterScript engine.Param[any]
	property                  engine.Param[string]
	value                     engine.Param[any]
	ops                       []engine.Param[bool]
}

func newWhereParams() *whereParams {
	prop := &engine.ParamInfo{Name: "Property", Type: "String",
		Help: "Specifies the name of a property of the input object. The property must be an instance property, not a static property."}
	val := &engine.ParamInfo{Name: "Value", Type: "Object", AllowNull: true, AllowEmptyString: true,
		Help: "Specifies a property value. The parameter name, Value, is optional."}
	var ops []*engine.ParamInfo
	for _, op := range whereOps {
		prop.Sets = append(prop.Sets, engine.ParamSet{Name: op.set, Position: 0, Mandatory: true})
		if op.op != "not" {
			val.Sets = append(val.Sets, engine.ParamSet{Name: op.set, Position: 1})
		}
		p := &engine.ParamInfo{Name: op.param, Type: "SwitchParameter",
			Sets: []engine.ParamSet{{Name: op.set, Position: -1, Mandatory: op.set != "EqualSet"}},
			Help: "Indicates the " + op.param + " comparison: the property value compared with the Value."}
		if op.alias != "" {
			p.Aliases = []string{op.alias}
		}
		ops = append(ops, p)
	}
	p := &whereParams{
		inputObject: pipelineInput("Specifies the objects to filter."),
		filterScript: engine.Declare[any](&engine.ParamInfo{Name: "FilterScript", Type: "ScriptBlock", Sets: []engine.ParamSet{{Name: "ScriptBlockSet", Position: 0, Mandatory: true}},
			Help: "Specifies the script block that's used to filter the objects."}),
		property: engine.Declare[string](prop),
		value:    engine.Declare[any](val),
	}
	for _, op := range ops {
		p.ops = append(p.ops, engine.Declare[bool](op))
	}
	return p
}

// infos is the declaration list, in pwsh's order.
func (p *whereParams) infos() []*engine.ParamInfo {
	out := []*engine.ParamInfo{p.inputObject.Info(), p.filterScript.Info(), p.property.Info(), p.value.Info()}
	for _, op := range p.ops {
		out = append(out, op.Info())
	}
	return out
}

// whereObject is one Where-Object invocation.
type whereObject struct {
	p     *whereParams
	block *engine.ScriptBlock
	op    string
	rhs   any
}

func (w *whereObject) Begin(c *engine.Call) error {
	if c.Set == "ScriptBlockSet" {
		w.block, _ = blockOf(w.p.filterScript.Get(c))
		return nil
	}
	w.op = ""
	for i, op := range whereOps {
		if w.p.ops[i].Get(c) {
			w.op = op.op
		}
	}
	w.rhs = w.p.value.Get(c)
	return nil
}

func (w *whereObject) Process(c *engine.Call) error {
	in := c.Input
	if !c.HasInput {
		in = w.p.inputObject.Get(c)
		if in == nil {
			return nil
		}
	}
	ok, err := w.test(c, in)
	if err != nil {
		return err
	}
	if ok {
		return c.WriteObject(in)
	}
	return nil
}

// test applies the filter to one object.
func (w *whereObject) test(c *engine.Call, in any) (bool, error) {
	if w.block != nil {
		r, err := c.InvokeBlockValue(w.block, in)
		if err != nil {
			return false, err
		}
		return value.ToBool(r), nil
	}
	lhs, _ := propOf(in, w.p.property.Get(c))
	switch w.op {
	case "":
		if !w.p.value.Given(c) {
			return value.ToBool(lhs), nil
		}
		return value.Equal(lhs, w.rhs, false), nil
	case "not":
		return !value.ToBool(lhs), nil
	case "is", "isnot":
		t := typeArg(w.rhs)
		if t == nil {
			return false, engine.NewError("InvalidArgument", "RuntimeException", w.rhs,
				"The right operand of '-%s' must be a type.", w.op)
		}
		return value.IsInstance(lhs, t) == (w.op == "is"), nil
	}
	r, err := value.Compare(w.op, lhs, w.rhs)
	if err != nil {
		rec := engine.AsRecord(err)
		return false, c.WriteError(rec)
	}
	return value.ToBool(r), nil
}

// typeArg turns a type literal or a type name into a type.
func typeArg(v any) *value.Type {
	switch x := v.(type) {
	case *value.Type:
		return x
	case string:
		if t, ok := value.LookupType(strings.TrimSpace(x)); ok {
			return t
		}
	}
	return nil
}

func (w *whereObject) End(c *engine.Call) error { return nil }
