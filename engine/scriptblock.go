package engine

import (
	"strings"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// ScriptBlock is a { … } value: code with its parameter metadata.
type ScriptBlock struct {
	Ast  *syntax.ScriptBlock
	meta *binding.Meta
	// extraParams are parameters written after a function's name.
	extraParams []*syntax.Parameter
	// validateScripts are the [ValidateScript({…})] blocks by lower-case
	// parameter name; the binder runs them through validateScript.
	validateScripts map[string]*syntax.ScriptBlockExpr
	// validateMessages are their ErrorMessage = '…' texts, by the same key.
	validateMessages map[string]string
	// File is the script file the block belongs to, when it is one.
	file *scriptInfo
	// closure, set by GetNewClosure(), is the scope the block runs under
	// instead of its caller's: a copy of the local variables of the scope
	// that made it, over the global scope.
	closure *Scope
}

// newClosure is $sb.GetNewClosure(): the same code bound to a copy of the
// variables local to sc, as pwsh's dynamic module captures them.
func (sb *ScriptBlock) newClosure(sc *Scope) *ScriptBlock {
	c := &Scope{parent: sc.global(), vars: make(map[string]*Variable, len(sc.vars))}
	for k, v := range sc.vars {
		switch k {
		case "_", "psitem", "args", "input", "this", "psboundparameters", "myinvocation", "pscmdlet":
			continue
		}
		cp := *v
		c.vars[k] = &cp
	}
	nb := *sb
	nb.closure = c
	return &nb
}

// moduleName is the name of the script module whose code defined the
// block (a module's functions run under its scope), "" for none.
func (sb *ScriptBlock) moduleName() string {
	if sb == nil || sb.closure == nil {
		return ""
	}
	if m := sb.closure.module(); m != nil {
		return m.Name
	}
	return ""
}

// ScriptText returns the block's source text without the braces.
func (sb *ScriptBlock) ScriptText() string {
	a := sb.Ast
	if a == nil || a.Source == nil {
		return ""
	}
	ext := a.Ext()
	text := a.Source.Text[ext.Start:ext.End]
	if strings.HasPrefix(text, "{") && strings.HasSuffix(text, "}") {
		text = text[1 : len(text)-1]
	}
	return text
}

// String returns the source text (what "$sb" shows).
func (sb *ScriptBlock) String() string { return sb.ScriptText() }

// Function is a function or filter defined by script.
type Function struct {
	Name     string
	Block    *ScriptBlock
	IsFilter bool
	// Help is the comment-based help text, raw.
	Help string
	// proxy, when set, is the Go cmdlet the function runs (DefineProxy).
	proxy *Cmdlet
}

// Meta returns the function's binding metadata.
func (fn *Function) Meta() *binding.Meta { return fn.Block.Meta(fn.Name) }

// newScriptBlock wraps an AST block.
func newScriptBlock(a *syntax.ScriptBlock, file *scriptInfo) *ScriptBlock {
	return &ScriptBlock{Ast: a, file: file}
}

// Meta derives (once) the block's binding metadata from its param() block,
// or from the parameters written after a function's name.
func (sb *ScriptBlock) Meta(name string) *binding.Meta {
	if sb.meta != nil {
		return sb.meta
	}
	m := &binding.Meta{Name: name}
	a := sb.Ast
	var params []*syntax.Parameter
	var attrs []*syntax.Attribute
	if a.Params != nil {
		params = a.Params.Params
		attrs = append(attrs, a.Params.Attributes...)
	}
	attrs = append(attrs, a.Attributes...)
	for _, at := range attrs {
		if strings.EqualFold(at.Name, "CmdletBinding") {
			m.CmdletBinding = true
			for _, na := range at.Named {
				switch strings.ToLower(na.Name) {
				case "supportsshouldprocess":
					m.SupportsShouldProcess = constTrue(na.Value)
				case "defaultparametersetname":
					m.DefaultSet = constString(na.Value)
				}
			}
		}
	}
	anyPosition := false
	for _, p := range params {
		for _, at := range p.Attributes {
			if strings.EqualFold(at.Name, "Parameter") {
				m.CmdletBinding = true
				for _, na := range at.Named {
					if strings.EqualFold(na.Name, "Position") {
						anyPosition = true
					}
				}
			}
		}
	}
	m.Params = paramInfos(a.Source, params, anyPosition)
	sb.collectValidateScripts(params)
	sb.meta = m
	return m
}

// setParams installs parameters declared after a function's name.
func (sb *ScriptBlock) setParams(name string, params []*syntax.Parameter) {
	m := &binding.Meta{Name: name, Params: paramInfos(sb.Ast.Source, params, false)}
	sb.collectValidateScripts(params)
	sb.meta = m
	sb.extraParams = params
}

// paramInfos converts declared parameters into binder metadata. Without
// any explicit Position, parameters get positions in declaration order,
// switches excepted (they are never positional).
func paramInfos(src *syntax.Source, params []*syntax.Parameter, anyPosition bool) []*binding.ParamInfo {
	out := make([]*binding.ParamInfo, 0, len(params))
	pos := 0
	for _, p := range params {
		pi := paramInfo(src, p, pos, anyPosition)
		if !pi.IsSwitch() {
			pos++
		}
		out = append(out, pi)
	}
	return out
}

// paramInfo converts a declared parameter into binder metadata.
func paramInfo(src *syntax.Source, p *syntax.Parameter, index int, anyPosition bool) *binding.ParamInfo {
	pi := &binding.ParamInfo{Name: p.Name, Type: "Object"}
	if len(p.Types) > 0 {
		pi.Type = p.Types[len(p.Types)-1].Name
	}
	var sets []binding.ParamSet
	for _, at := range p.Attributes {
		switch strings.ToLower(at.Name) {
		case "parameter":
			ps := binding.ParamSet{Name: binding.AllSets, Position: -1}
			for _, na := range at.Named {
				switch strings.ToLower(na.Name) {
				case "mandatory":
					ps.Mandatory = constTrue(na.Value)
				case "position":
					if n, ok := constInt(na.Value); ok {
						ps.Position = n
					}
				case "valuefrompipeline":
					ps.FromPipeline = constTrue(na.Value)
				case "valuefrompipelinebypropertyname":
					ps.FromPipelineByName = constTrue(na.Value)
				case "valuefromremainingarguments":
					ps.FromRemainingArgs = constTrue(na.Value)
				case "parametersetname":
					ps.Name = constString(na.Value)
				case "helpmessage":
					ps.HelpMessage = constString(na.Value)
				}
			}
			sets = append(sets, ps)
		case "alias":
			for _, e := range at.Positional {
				pi.Aliases = append(pi.Aliases, constStrings(e)...)
			}
		case "validateset":
			for _, e := range at.Positional {
				pi.ValidateSet = append(pi.ValidateSet, constStrings(e)...)
			}
			pi.ValidateSetMessage = namedString(at, "ErrorMessage")
		case "validaterange":
			if len(at.Positional) == 2 {
				lo, ok1 := constFloat(at.Positional[0])
				hi, ok2 := constFloat(at.Positional[1])
				if ok1 && ok2 {
					pi.ValidateRange = &[2]float64{lo, hi}
				}
			}
		case "validatenotnull":
			pi.ValidateNotNull = true
		case "validatenotnullorempty":
			pi.ValidateNotNullOrEmpty = true
		case "validatepattern":
			if len(at.Positional) > 0 {
				pi.ValidatePattern = constString(at.Positional[0])
			}
			pi.ValidatePatternMessage = namedString(at, "ErrorMessage")
		case "allownull":
			pi.AllowNull = true
		case "allowemptystring":
			pi.AllowEmptyString = true
		case "allowemptycollection":
			pi.AllowEmptyCollection = true
		}
	}
	if len(sets) == 0 {
		sets = []binding.ParamSet{{Name: binding.AllSets, Position: -1}}
	}
	if !anyPosition && !pi.IsSwitch() {
		for i := range sets {
			if sets[i].Position < 0 {
				sets[i].Position = index
			}
		}
	}
	pi.Sets = sets
	if p.Default != nil && src != nil {
		if ext := p.Default.Ext(); ext.End <= len(src.Text) && ext.Start < ext.End {
			pi.Default = src.Text[ext.Start:ext.End]
		}
	}
	return pi
}

// constTrue evaluates an attribute argument that should be a constant
// boolean; a missing value means $true.
func constTrue(e syntax.Expression) bool {
	if e == nil {
		return true
	}
	switch x := e.(type) {
	case *syntax.VariableExpr:
		return !strings.EqualFold(x.Name, "false") && !strings.EqualFold(x.Name, "null")
	case *syntax.NumberExpr:
		return value.ToBool(x.Value)
	}
	return true
}

// constString returns a constant string argument.
func constString(e syntax.Expression) string {
	switch x := e.(type) {
	case *syntax.StringConstant:
		return x.Value
	case *syntax.NumberExpr:
		return value.ToString(x.Value)
	}
	return ""
}

// constStrings returns the strings of a constant or a constant list.
func constStrings(e syntax.Expression) []string {
	if al, ok := e.(*syntax.ArrayLiteral); ok {
		var out []string
		for _, el := range al.Elements {
			out = append(out, constString(el))
		}
		return out
	}
	return []string{constString(e)}
}

// constInt returns a constant integer argument.
func constInt(e syntax.Expression) (int, bool) {
	if n, ok := e.(*syntax.NumberExpr); ok {
		switch v := n.Value.(type) {
		case int32:
			return int(v), true
		case int64:
			return int(v), true
		}
	}
	return 0, false
}

// constFloat returns a constant number argument, allowing a unary minus.
func constFloat(e syntax.Expression) (float64, bool) {
	switch x := e.(type) {
	case *syntax.NumberExpr:
		switch v := x.Value.(type) {
		case int32:
			return float64(v), true
		case int64:
			return float64(v), true
		case float64:
			return v, true
		}
	case *syntax.UnaryExpr:
		if x.Op == "-" {
			f, ok := constFloat(x.Operand)
			return -f, ok
		}
	}
	return 0, false
}

// namedString is the constant string of an attribute's named argument
// (ErrorMessage = '…'), "" when absent.
func namedString(at *syntax.Attribute, name string) string {
	for _, na := range at.Named {
		if strings.EqualFold(na.Name, name) {
			return constString(na.Value)
		}
	}
	return ""
}

// collectValidateScripts records the [ValidateScript({…})] attributes of
// params.
func (sb *ScriptBlock) collectValidateScripts(params []*syntax.Parameter) {
	for _, p := range params {
		for _, at := range p.Attributes {
			if !strings.EqualFold(at.Name, "ValidateScript") || len(at.Positional) == 0 {
				continue
			}
			if x, ok := at.Positional[0].(*syntax.ScriptBlockExpr); ok {
				if sb.validateScripts == nil {
					sb.validateScripts = map[string]*syntax.ScriptBlockExpr{}
				}
				sb.validateScripts[strings.ToLower(p.Name)] = x
				if msg := namedString(at, "ErrorMessage"); msg != "" {
					if sb.validateMessages == nil {
						sb.validateMessages = map[string]string{}
					}
					sb.validateMessages[strings.ToLower(p.Name)] = msg
				}
			}
		}
	}
}

// installValidateScripts gives the block's parameters their
// [ValidateScript] checks, run in frame f (the caller's) with $_ set to
// the argument, as the binder validates each value.
func (sb *ScriptBlock) installValidateScripts(f *frame) {
	if len(sb.validateScripts) == 0 {
		return
	}
	for _, p := range sb.meta.Params {
		x, ok := sb.validateScripts[strings.ToLower(p.Name)]
		if !ok {
			continue
		}
		check := newScriptBlock(x.Body, sb.file)
		msg := sb.validateMessages[strings.ToLower(p.Name)]
		p.ValidateScript = func(v any) error {
			out, err := f.callBlockValue(check, v, nil)
			if err != nil {
				return err
			}
			if !value.ToBool(out) && msg != "" {
				// [ValidateScript({…}, ErrorMessage = '…{0}…{1}')]
				text, ferr := value.Format(msg, []any{v, check.ScriptText()})
				if ferr != nil {
					text = msg
				}
				return &ErrorRecord{Message: text, ExceptionType: "System.Management.Automation.ValidationMetadataException",
					ErrorID: "ValidateScriptFailure", Category: "InvalidData"}
			}
			if !value.ToBool(out) {
				return validateScriptFailed(check.ScriptText(), v)
			}
			return nil
		}
	}
}

// validateScriptFailed is pwsh's message for a validation script that did
// not return $true.
func validateScriptFailed(script string, v any) error {
	return &ErrorRecord{
		Message: "The \"" + script + "\" validation script for the argument with value \"" + value.ToString(v) +
			"\" did not return a result of True. Determine why the validation script failed, and then try the command again.",
		ExceptionType: "System.Management.Automation.ValidationMetadataException", ErrorID: "ValidateScriptFailure", Category: "InvalidData",
	}
}
