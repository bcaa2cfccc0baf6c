package engine

import (
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// capture is one command's -ErrorVariable, -WarningVariable and
// -InformationVariable lists. It rides on the stageIO the command and
// everything it calls write through, so an error written by a command
// nested in a function reaches the function's -ErrorVariable too; next
// is the capture of the enclosing command.
type capture struct {
	errs, warnings, infos *value.List
	next                  *capture
}

// addError appends an error record to every -ErrorVariable in the chain
// that does not hold it yet.
func (c *capture) addError(rec *ErrorRecord) {
	for ; c != nil; c = c.next {
		if c.errs != nil && !c.hasError(rec) {
			c.errs.Items = append(c.errs.Items, rec)
		}
	}
}

// addStream appends a warning or information record to the lists that
// capture its stream.
func (c *capture) addStream(stream int, msg any) {
	for ; c != nil; c = c.next {
		switch {
		case stream == streamWarning && c.warnings != nil:
			c.warnings.Items = append(c.warnings.Items, &WarningRecord{Message: value.ToString(msg)})
		case stream == streamInformation && c.infos != nil:
			c.infos.Items = append(c.infos.Items, &StreamRecord{Stream: stream, Message: msg})
		}
	}
}

// KeepInformation puts an information record only into the
// -InformationVariable lists: Write-Information when the preference hides
// the record.
func (c *Call) KeepInformation(v any) {
	if c.stages != nil {
		c.stages.captures.addStream(streamInformation, v)
	}
}

// hasError reports whether the command's own -ErrorVariable already holds
// rec (written, then made terminating by -ErrorAction Stop).
func (c *capture) hasError(rec *ErrorRecord) bool {
	if c == nil || c.errs == nil {
		return false
	}
	for _, e := range c.errs.Items {
		if e == rec {
			return true
		}
	}
	return false
}

// streamVars applies a command's -OutVariable, -ErrorVariable,
// -WarningVariable, -InformationVariable and -PipelineVariable: the
// variables are made in the caller's scope (name, scope:name; +name
// appends to what the variable holds), and io comes back with the output
// and the stream captures wrapped. own is the command's capture (nil when
// it asked for none).
func (f *frame) streamVars(params map[string]any, io *stageIO) (out *stageIO, own *capture, err error) {
	out = io
	if spec, ok := params["OutVariable"]; ok {
		list, err := f.streamVarList(spec)
		if err != nil {
			return nil, nil, err
		}
		if list != nil {
			down := out.out
			out = out.withOut(func(v any) error {
				list.Items = append(list.Items, v)
				return down(v)
			})
		}
	}
	if spec, ok := params["PipelineVariable"]; ok {
		if name := value.ToString(spec); name != "" {
			down := out.out
			out = out.withOut(func(v any) error {
				if err := f.setVar(name, v, nil); err != nil {
					return err
				}
				return down(v)
			})
		}
	}
	c := &capture{}
	for _, k := range []struct {
		name string
		dst  **value.List
	}{{"ErrorVariable", &c.errs}, {"WarningVariable", &c.warnings}, {"InformationVariable", &c.infos}} {
		spec, ok := params[k.name]
		if !ok {
			continue
		}
		list, err := f.streamVarList(spec)
		if err != nil {
			return nil, nil, err
		}
		*k.dst = list
	}
	if c.errs == nil && c.warnings == nil && c.infos == nil {
		return out, nil, nil
	}
	if out == io {
		out = io.withOut(io.out)
	}
	c.next = io.captures
	out.captures = c
	return out, c, nil
}

// streamVarList makes the ArrayList a -…Variable parameter fills: a new
// one, or for +name the variable's own ArrayList (or a new one holding
// what the variable held).
func (f *frame) streamVarList(spec any) (*value.List, error) {
	name := value.ToString(spec)
	add := strings.HasPrefix(name, "+")
	name = strings.TrimPrefix(name, "+")
	if name == "" {
		return nil, nil
	}
	list := value.NewArrayList()
	if add {
		qual, rest := splitScope(name)
		var v *Variable
		switch qual {
		case "global":
			v = f.rt.global.Lookup(rest)
		case "script":
			v = f.scope.scriptScope().Lookup(rest)
		default:
			v = f.scope.Lookup(rest)
		}
		if v != nil && v.Value != nil {
			if l, ok := v.Value.(*value.List); ok && l.IsArrayList() {
				return l, nil
			}
			if items, ok := value.Enumerate(v.Value); ok {
				list.Items = append(list.Items, items...)
			} else {
				list.Items = append(list.Items, v.Value)
			}
		}
	}
	if err := f.setVar(name, list, nil); err != nil {
		return nil, err
	}
	return list, nil
}
