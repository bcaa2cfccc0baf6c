package engine

import "github.com/csshell/csshell/engine/value"

// setProviderItem creates or changes the item a non-file-system path
// names, as code running in f would: an alias's target, an environment
// variable, a function's body, a variable's value (with its type
// constraint and read-only checks).
func (f *frame) setProviderItem(ip ItemPath, v any) error {
	name := ip.Path
	switch ip.Provider {
	case AliasProvider:
		f.rt.SetAlias(name, value.ToString(v))
	case EnvironmentProvider:
		if f.rt.host.Setenv != nil {
			return f.rt.host.Setenv(name, value.ToString(v))
		}
	case FunctionProvider:
		sb, err := f.functionBody(name, v)
		if err != nil {
			return err
		}
		f.scope.DefineFunction(name, sb)
	case VariableProvider:
		return f.setVar(name, v, nil)
	}
	return nil
}

// SetProviderItem creates or changes the item at a non-file-system path
// (Set-Item variable:x 5, New-Item function:f -Value {…}) in the calling
// scope.
func SetProviderItem(c *Call, ip ItemPath, v any) error {
	f := c.frame
	if f == nil {
		f = c.rt.newFrame(c.ctx)
	}
	return f.setProviderItem(ip, v)
}
