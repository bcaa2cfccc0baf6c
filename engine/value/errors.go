package value

import "fmt"

// Error is a PowerShell runtime error raised by a value operation: the .NET
// exception type pwsh would throw, the FullyQualifiedErrorId, the error
// category and pwsh's message text.
type Error struct {
	ExceptionType string
	ErrorID       string
	Category      string
	Msg           string
	// Inner is the .NET type of the wrapped exception, when pwsh wraps
	// one (a RuntimeException around a DivideByZeroException).
	Inner string
}

// Error returns the message text.
func (e *Error) Error() string { return e.Msg }

// Exception type names used by this package.
const (
	ExRuntime          = "System.Management.Automation.RuntimeException"
	ExInvalidCast      = "System.Management.Automation.PSInvalidCastException"
	ExMethodInvocation = "System.Management.Automation.MethodInvocationException"
	ExMethodException  = "System.Management.Automation.MethodException"
	ExDivideByZero     = "System.DivideByZeroException"
	ExArgument         = "System.ArgumentException"
	ExArgumentOutRange = "System.ArgumentOutOfRangeException"
	ExFormat           = "System.FormatException"
	ExSetValue         = "System.Management.Automation.SetValueInvocationException"
	ExExtendedType     = "System.Management.Automation.ExtendedTypeSystemException"
	ExOverflow         = "System.OverflowException"
	ExOutOfMemory      = "System.OutOfMemoryException"
)

func newErr(exType, id, cat, format string, args ...any) *Error {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	return &Error{ExceptionType: exType, ErrorID: id, Category: cat, Msg: msg}
}

// errDivideByZero is pwsh's RuntimeException for integer/decimal x/0.
func errDivideByZero() *Error {
	e := newErr(ExRuntime, "RuntimeException", "NotSpecified", "Attempted to divide by zero.")
	e.Inner = ExDivideByZero
	return e
}

// errMethodNotFound is "Method invocation failed because [T] does not contain a method named 'm'."
func errMethodNotFound(typeName, method string) *Error {
	return newErr(ExRuntime, "MethodNotFound", "InvalidOperation",
		"Method invocation failed because [%s] does not contain a method named '%s'.", typeName, method)
}

// errOpNotDefined is the MethodNotFound error for an operator with no
// implementation for the left operand's type (op_Addition etc.).
func errOpNotDefined(v any, opMethod string) *Error {
	return errMethodNotFound(typeNameForError(v), opMethod)
}

// errOverload is "Cannot find an overload for "m" and the argument count: "n"."
func errOverload(method string, n int) *Error {
	return newErr(ExMethodException, "MethodCountCouldNotFindBest", "NotSpecified",
		"Cannot find an overload for \"%s\" and the argument count: \"%d\".", method, n)
}

// errMethodCall wraps a .NET exception raised inside a method call.
func errMethodCall(method string, nargs int, innerID, inner string) *Error {
	return newErr(ExMethodInvocation, innerID, "NotSpecified",
		"Exception calling \"%s\" with \"%d\" argument(s): \"%s\"", method, nargs, inner)
}

// errInvalidCastValue is `Cannot convert value "v" to type "T". Error: "inner"`.
func errInvalidCastValue(v any, t string, id, inner string) *Error {
	return newErr(ExInvalidCast, id, "InvalidArgument",
		"Cannot convert value \"%s\" to type \"%s\". Error: \"%s\"", ToString(v), t, inner)
}

// errInvalidCast is `Cannot convert the "v" value of type "T1" to type "T2".`
func errInvalidCast(v any, to string) *Error {
	return newErr(ExInvalidCast, "ConvertToFinalInvalidCastException", "InvalidArgument",
		"Cannot convert the \"%s\" value of type \"%s\" to type \"%s\".", dotNetToString(v), TypeOf(v).FullName, to)
}

// errDuplicateKey is the .NET Hashtable duplicate-key message.
func dupKeyMsg(k any) string {
	return fmt.Sprintf("Item has already been added. Key in dictionary: '%s'  Key being added: '%s'", ToString(k), ToString(k))
}
