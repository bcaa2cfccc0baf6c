package powershell

import (
	"errors"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerForEachObject adds ForEach-Object (aliases %, foreach).
func registerForEachObject(rt *engine.Runtime) {
	params := []*engine.ParamInfo{
		pipelineInput("Specifies the input objects. ForEach-Object runs the script block or operation statement on each input object."),
		engine.NamedParamInSets("Begin", "ScriptBlock", "Specifies a script block that runs before this cmdlet processes any input objects.", "ScriptBlockSet"),
		{Name: "Process", Type: "ScriptBlock[]", Sets: []engine.ParamSet{{Name: "ScriptBlockSet", Position: 0, Mandatory: true}},
			Help: "Specifies the operation that is performed on each input object."},
		engine.NamedParamInSets("End", "ScriptBlock", "Specifies a script block that runs after this cmdlet processes all input objects.", "ScriptBlockSet"),
		{Name: "RemainingScripts", Type: "ScriptBlock[]", Sets: []engine.ParamSet{{Name: "ScriptBlockSet", Position: -1, FromRemainingArgs: true}},
			Help: "Specifies all script blocks that are not taken by the Process parameter."},
		{Name: "MemberName", Type: "String", Sets: []engine.ParamSet{{Name: "PropertyAndMethodSet", Position: 0, Mandatory: true}},
			Help: "Specifies the name of the member property to get or the member method to call."},
		{Name: "ArgumentList", Type: "Object[]", Aliases: []string{"Args"}, Sets: []engine.ParamSet{{Name: "PropertyAndMethodSet", Position: -1, FromRemainingArgs: true}},
			Help: "Specifies an array of arguments to a method call."},
	}
	rt.Register(&engine.Cmdlet{
		Name: "ForEach-Object", Module: "Microsoft.PowerShell.Core",
		Synopsis: "Performs an operation against each item in a collection of input objects.",
		Description: "The ForEach-Object cmdlet performs an operation on each item in a collection of input objects. " +
			"The operation is a script block, in which $_ is the current object, or the name of a property to get or a method to call " +
			"on each object. Given several script blocks without -Begin and -End, the first is the begin block, the last (of three or more) " +
			"the end block, and the ones between run for every object.",
		DefaultSet: "ScriptBlockSet",
		Params:     params,
		Examples: []engine.Example{
			{Title: "Divide integers in an array", Code: "30000, 56798, 12432 | ForEach-Object -Process {$_/1024}"},
			{Title: "Get a property of each object", Code: "'one','three' | ForEach-Object Length"},
			{Title: "Call a method of each object", Code: "'a.b','c.d' | ForEach-Object Split '.'"},
			{Title: "Use begin, process and end blocks", Code: "1..3 | ForEach-Object -Begin { $sum = 0 } -Process { $sum += $_ } -End { $sum }"},
		},
		Outputs: []string{"System.Management.Automation.PSObject"},
		New:     func() engine.Processor { return &forEachObject{} },
	})
	rt.SetAliases("ForEach-Object", "%", "foreach")
}

// forEachObject is one ForEach-Object invocation.
type forEachObject struct {
	begin, end *engine.ScriptBlock
	process    []*engine.ScriptBlock
	member     string
	args       []any
	emit       func(any) error
}

func (f *forEachObject) Begin(c *engine.Call) error {
	f.emit = c.WriteObject
	if c.Set == "PropertyAndMethodSet" {
		f.member = c.String("MemberName")
		if c.Has("ArgumentList") {
			f.args = listOf(c.Get("ArgumentList"))
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
	if err := add(c.Get("Process")); err != nil {
		return err
	}
	if c.Has("RemainingScripts") {
		if err := add(c.Get("RemainingScripts")); err != nil {
			return err
		}
	}
	if sb, ok := blockOf(c.Get("Begin")); ok {
		f.begin = sb
	}
	if sb, ok := blockOf(c.Get("End")); ok {
		f.end = sb
	}
	if !c.Has("Begin") && len(blocks) >= 2 {
		f.begin = blocks[0]
		blocks = blocks[1:]
	}
	if !c.Has("End") && len(blocks) >= 2 {
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
		in = c.Get("InputObject")
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
