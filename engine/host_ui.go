package engine

import (
	"errors"
	"io"

	"github.com/csshell/csshell/engine/value"
)

// The type names of $Host.UI and $Host.UI.RawUI, whose methods read from
// the host.
const (
	hostUIType    = "System.Management.Automation.Internal.Host.InternalHostUserInterface"
	hostRawUIType = "System.Management.Automation.Internal.Host.InternalHostRawUserInterface"
)

// hostUIMethod calls the reading methods of $Host.UI (ReadLine,
// ReadLineAsSecureString) and $Host.UI.RawUI (ReadKey), and the methods
// of an $input enumerator; handled is false for any other object or
// method. A failure is wrapped as a .NET method
// exception ("Exception calling …"), as pwsh reports it.
func (f *frame) hostUIMethod(o *value.Object, name, lname string, args []any) (any, bool, error) {
	if len(o.TypeNames) == 0 {
		return nil, false, nil
	}
	if v, ok := inputEnumeratorMethod(o, lname, args); ok {
		return v, true, nil
	}
	h := f.rt.host
	fail := func(innerID, msg string) error {
		return &value.Error{ExceptionType: value.ExMethodInvocation, ErrorID: innerID, Category: "NotSpecified",
			Msg: "Exception calling \"" + name + "\" with \"" + value.ToString(int32(len(args))) + "\" argument(s): \"" + msg + "\""}
	}
	switch {
	case o.TypeNames[0] == hostUIType && (lname == "readline" || lname == "readlineassecurestring") && len(args) == 0:
		if h.NonInteractive {
			return nil, true, fail("PSInvalidOperationException", NonInteractiveError().Message)
		}
		read := h.Prompt
		if lname == "readlineassecurestring" && h.ReadSecret != nil {
			read = h.ReadSecret
		}
		line, err := read("")
		if errors.Is(err, io.EOF) {
			return nil, true, nil
		}
		if err != nil {
			if f.ctx.Err() != nil {
				return nil, true, ErrPipelineStopped
			}
			return nil, true, fail("IOException", err.Error())
		}
		return line, true, nil
	case o.TypeNames[0] == hostRawUIType && lname == "readkey" && len(args) <= 1:
		// pwsh's console host reads keys even under -NonInteractive; only
		// a console whose input is redirected cannot.
		if h.ReadKey == nil {
			return nil, true, fail("InvalidOperationException",
				"Cannot read keys when either application does not have a console or when console input has been redirected. Try Console.Read.")
		}
		key, _, err := h.ReadKey(0)
		if err != nil {
			if f.ctx.Err() != nil {
				return nil, true, ErrPipelineStopped
			}
			return nil, true, fail("IOException", err.Error())
		}
		return keyInfo(key), true, nil
	}
	return nil, false, nil
}

// keyInfo is the KeyInfo object ReadKey returns.
func keyInfo(key rune) *value.Object {
	o := value.NewObject("System.Management.Automation.Host.KeyInfo", "System.ValueType", "System.Object")
	code := int32(key)
	if key >= 'a' && key <= 'z' {
		code = int32(key - 'a' + 'A')
	}
	if key == '\r' {
		code = 13
	}
	o.Set("VirtualKeyCode", code)
	o.Set("Character", string(key))
	o.Set("ControlKeyState", "0")
	o.Set("KeyDown", true)
	return o
}
