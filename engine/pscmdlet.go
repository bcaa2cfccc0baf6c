package engine

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// psCmdlet is $PSCmdlet inside an advanced function: ShouldProcess, the
// Write* methods, ThrowTerminatingError, MyInvocation and
// ParameterSetName.
type psCmdlet struct {
	s *blockStage
}

// String is what the object prints as.
func (c *psCmdlet) String() string { return "System.Management.Automation.PSScriptCmdlet" }

// member reads one of $PSCmdlet's properties.
func (c *psCmdlet) member(name string) (any, bool) {
	switch strings.ToLower(name) {
	case "myinvocation":
		if v := c.s.inner.scope.Local("MyInvocation"); v != nil {
			return v.Value, true
		}
		return nil, true
	case "parametersetname":
		set := c.s.bind.Set
		if set == "" {
			set = "__AllParameterSets"
		}
		return set, true
	case "commandruntime":
		return c.s.displayName(), true
	}
	return nil, false
}

// invoke calls one of $PSCmdlet's methods.
func (c *psCmdlet) invoke(name string, args []any) (any, bool, error) {
	f := c.s.inner
	prefs := prefsFrom(f.scope)
	str := func(i int) string {
		if i < len(args) {
			return value.ToString(args[i])
		}
		return ""
	}
	switch strings.ToLower(name) {
	case "shouldprocess":
		if len(args) == 0 {
			return nil, false, nil
		}
		text := fmt.Sprintf("Performing the operation %q on target %q.", c.s.displayName(), str(0))
		if len(args) == 2 {
			text = fmt.Sprintf("Performing the operation %q on target %q.", str(1), str(0))
		} else if len(args) >= 3 {
			text = str(0)
		}
		if prefs.whatIf {
			f.rt.host.WriteLine("What if: " + text)
			return false, true, nil
		}
		if prefs.confirm {
			ok, err := f.rt.confirmText(&prefs, text)
			if err != nil {
				return nil, true, &value.Error{ExceptionType: value.ExMethodInvocation, ErrorID: "PSInvalidOperationException", Category: "NotSpecified",
					Msg: fmt.Sprintf("Exception calling \"ShouldProcess\" with \"%d\" argument(s): \"%s\"", len(args), err.Error())}
			}
			return ok, true, nil
		}
		return true, true, nil
	case "shouldcontinue":
		return true, true, nil
	case "writeobject":
		if len(args) == 0 {
			return nil, false, nil
		}
		if len(args) >= 2 && value.ToBool(args[1]) {
			if items, ok := value.Enumerate(args[0]); ok {
				for _, it := range items {
					if err := f.io.out(it); err != nil {
						return nil, true, err
					}
				}
				return nil, true, nil
			}
		}
		return nil, true, f.io.out(args[0])
	case "writeverbose":
		f.rt.writeStream(f.io, streamVerbose, prefs.verbose, str(0))
		return nil, true, nil
	case "writewarning":
		f.rt.writeStream(f.io, streamWarning, prefs.warning, str(0))
		return nil, true, nil
	case "writedebug":
		f.rt.writeStream(f.io, streamDebug, prefs.debug, str(0))
		return nil, true, nil
	case "writeerror":
		if rec, ok := errArg(args); ok {
			return nil, true, f.rt.writeError(f, f.io, prefs, rec)
		}
	case "throwterminatingerror":
		if rec, ok := errArg(args); ok {
			cp := *rec
			cp.scriptTerminating = true
			return nil, true, &cp
		}
	}
	return nil, false, nil
}

// errArg returns the error record passed to WriteError or
// ThrowTerminatingError.
func errArg(args []any) (*ErrorRecord, bool) {
	if len(args) != 1 {
		return nil, false
	}
	rec, ok := args[0].(*ErrorRecord)
	return rec, ok
}

// functionName is the name of the function or script the frame runs in
// ("" at the top level or in an anonymous script block).
func (f *frame) functionName() string {
	if f == nil || f.scope == nil {
		return ""
	}
	v := f.scope.Lookup("MyInvocation")
	if v == nil {
		return ""
	}
	inv, ok := v.Value.(*value.Object)
	if !ok {
		return ""
	}
	cmd, _ := inv.Get("MyCommand")
	co, ok := cmd.(*value.Object)
	if !ok {
		return ""
	}
	name, _ := co.Get("Name")
	return value.ToString(name)
}
