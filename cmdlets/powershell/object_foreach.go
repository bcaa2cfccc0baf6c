package powershell

import (
	"errors"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerForEachObject adds ForEach-Object (aliases %, foreach).
func registerForEachObject(rt *engine.Runtime) {
	p := newForEachParams()
	rt.Register(&engine.Cmdlet{
		Name: "ForEach-Object", Module: "Microsoft.PowerShell.Core",
		Synopsis: "Performs an operation against each item in a collection of input objects.",
		Description: "The ForEach-Object cmdlet performs an operation on each item in a collection of input objects. " +
			"The operation is a script block, in which $_ is the current object, or the name of a property to get or a method to call " +
			"on each object. Given several script blocks without -Begin and -End, the first is the begin block, the last (of three or more) " +
			"the end block, and the ones between run for every object.",
		DefaultSet: "ScriptBlockSet",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Divide integers in an array", Code: "30000, 56798, 12432 | ForEach-Object -Process {$_/1024}"},
			{Title: "Get a property of each object", Code: "'one','three' | ForEach-Object Length"},
			{Title: "Call a method of each object", Code: "'a.b','c.d' | ForEach-Object Split '.'"},
			{Title: "Use begin, process and end blocks", Code: "1..3 | ForEach-Object -Begin { $sum = 0 } -Process { $sum += $_ } -End { $sum }"},
		},
		Outputs: []string{"System.Management.Automation.PSObject"},
		New:     func() engine.Processor { return &forEachObject{p: p} },
	})
	rt.SetAliases("ForEach-Object", "%", "foreach")
}

// forEachParams are ForEach-Object's parameters.
type forEachParams struct {
	inputObject         engine.Param[any]
	begin, process, end engine.Param[any]
	remainingScripts    engine.Param[any]
	memberName          engine.Param[string]
	argumentList        engine.Param[any]
}

func newForEachParams() *forEachParams {
	return &forEachParams{
		inputObject: pipelineInput("Specifies the input objects. ForEach-Object runs the script block or operation statement on each input object."),
		begin:       engine.Declare[any](engine.NamedParamInSets("Begin", "ScriptBlock", "Specifies a script block that runs before this cmdlet processes any input objects.", "ScriptBlockSet")),
		process: engine.Declare[any](&engine.ParamInfo{Name: "Process", Type: "ScriptBlock[]", Sets: []engine.ParamSet{{Name: "ScriptBlockSet", Position: 0, Mandatory: true}},
			Help: "Specifies the operation that is performed on each input object."}),
		end: engine.Declare[any](engine.NamedParamInSets("End", "ScriptBlock", "Specifies a script block that runs after this cmdlet processes all input objects.", "ScriptBlockSet")),
		remainingScripts: engine.Declare[any](&engine.ParamInfo{Name: "RemainingScripts", Type: "ScriptBlock[]", Sets: []engine.ParamSet{{Name: "ScriptBlockSet", Position: -1, FromRemainingArgs: true}},
			Help: "Specifies all script blocks that are not taken by the Process parameter."}),
		memberName: engine.Declare[string](&engine.ParamInfo{Name: "MemberName", Type: "String", Sets: []engine.ParamSet{{Name: "PropertyAndMethodSet", Position: 0, Mandatory: true}},
			Help: "Specifies the name of the member property to get or the member method to call."}),
		argumentList: engine.Declare[any](&engine.ParamInfo{Name: "ArgumentList", Type: "Object[]", Aliases: []string{"Args"}, Sets: []engine.ParamSet{{Name: "PropertyAndMethodSet", Position: -1, FromRemainingArgs: true}},
			Help: "Specifies an array of arguments to a method call."}),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *forEachParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.inputObject.Info(), p.begin.Info(), p.process.Info(), p.end.Info(),
		p.remainingScripts.Info(), p.memberName.Info(), p.argumentList.Info()}
}

// forEachObject is one ForEach-Object invocation.
type forEachObject struct {
	p          *forEachParams
	begin, end *engine.ScriptBlock
	process    []*engine.ScriptBlock
	member     string
	args       []any
	emit       func(any) error
}

func (f *forEachObject) Begin(c *engine.Call) error {
	f.emit = c.WriteObject
	if c.Set == "PropertyAndMethodSet" {
		f.member = f.p.memberName.Get(c)
		if args, ok := f.p.argumentList.Lookup(c); ok {
			f.args = listOf(args)
		}
		return nil
	}
	var blocks []*engine.ScriptBlock
	add := func(v any) error {
		for _, it := range listOf(v) {
			if it == nil {
				blocks = append(blocks, nil)
				continue
			}
			sb, ok := blockOf(it)
			if !ok {
				return engine.NewError("InvalidArgument", "ParameterArgumentTransformationError", it,
					"Cannot convert the \"%s\" value of type \"%s\" to type \"System.Management.Automation.ScriptBlock\".",
					value.ToString(it), typeNameOf(it)).WithException("System.Management.Automation.ParameterBindingException")
			}
			blocks = append(blocks, sb)
		}
		return nil
	}
	if err := add(f.p.process.Get(c)); err != nil {
		return err
	}
	if rest, ok := f.p.remainingScripts.Lookup(c); ok {
		if err := add(rest); err != nil {
			return err
		}
	}
	if sb, ok := blockOf(f.p.begin.Get(c)); ok {
		f.begin = sb
	}
	if sb, ok := blockOf(f.p.end.Get(c)); ok {
		f.end = sb
	}
	if !f.p.begin.Given(c) && len(blocks) >= 2 {
		f.begin = blocks[0]
		blocks = blocks[1:]
	}
	if !f.p.end.Given(c) && len(blocks) >= 2 {
		f.end = blocks[len(blocks)-1]
		blocks = blocks[:len(blocks)-1]
	}
	f.process = blocks
	if f.begin != nil {
		return c.InvokeBlock(f.begin, nil, f.emit)
	}
	return nil
}

func (f *forEachObject) Process(c *engine.Call) error {
	in := c.Input
	if !c.HasInput {
		in = f.p.inputObject.Get(c)
	}
	if f.member != "" {
		return f.invokeMember(c, in)
	}
	for _, sb := range f.process {
		if sb == nil {
			continue
		}
		if err := c.InvokeBlock(sb, in, f.emit); err != nil {
			return err
		}
	}
	return nil
}

// invokeMember gets a property or calls a method of the current object.
func (f *forEachObject) invokeMember(c *engine.Call, in any) error {
	if in == nil {
		return nil
	}
	if len(f.args) == 0 {
		if v, ok := propOf(in, f.member); ok {
			return c.WriteObjects(v)
		}
	}
	r, err := value.InvokeMethod(in, f.member, f.args)
	if err != nil {
		var ve *value.Error
		if errors.As(err, &ve) && ve.ErrorID == "MethodNotFound" && len(f.args) == 0 {
			return nil
		}
		return c.WriteError(engine.AsRecord(err))
	}
	return c.WriteObjects(r)
}

func (f *forEachObject) End(c *engine.Call) error {
	if f.end != nil {
		return c.InvokeBlock(f.end, nil, f.emit)
	}
	return nil
}

// listOf returns v's elements, or v alone.
func listOf(v any) []any {
	if items, ok := value.Enumerate(v); ok {
		return items
	}
	return []any{v}
}
