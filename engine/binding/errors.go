package binding

import (
	"fmt"
	"strings"
)

// Exception type names a binding error can carry.
const (
	ExBinding        = "System.Management.Automation.ParameterBindingException"
	ExValidation     = "System.Management.Automation.ParameterBindingValidationException"
	ExTransformation = "System.Management.Automation.ParameterBindingArgumentTransformationException"
)

// Error is a parameter binding failure as pwsh reports it: the message
// (without the "Command-Name: " prefix the engine adds), the
// FullyQualifiedErrorId (without ",Command"), the error category, the
// parameter concerned ("" when none) and the .NET exception type.
type Error struct {
	Msg           string
	ErrorID       string
	Category      string
	ParamName     string
	ExceptionType string
	// Inner is the underlying error (a conversion or validation-script
	// failure), when there is one.
	Inner error
	// Extent is the source extent of the argument to blame (the -Name
	// for a name that matches nothing, the value for a conversion or
	// validation failure), as pwsh places the error; zero when the whole
	// command is to blame (a parameter set conflict, missing mandatory
	// parameters) or the argument's extent is unknown.
	Extent Extent
}

// Error returns the message.
func (e *Error) Error() string { return e.Msg }

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Inner }

func bindErr(id, param, format string, args ...any) *Error {
	return &Error{Msg: fmt.Sprintf(format, args...), ErrorID: id, Category: "InvalidArgument",
		ParamName: param, ExceptionType: ExBinding}
}

func errNamedNotFound(name string) *Error {
	return bindErr("NamedParameterNotFound", name,
		"A parameter cannot be found that matches parameter name '%s'.", name)
}

func errAmbiguous(name string, matches []*pinfo) *Error {
	var sb strings.Builder
	for _, p := range matches {
		sb.WriteString(" -")
		sb.WriteString(p.Name)
	}
	return bindErr("AmbiguousParameter", name,
		"Parameter cannot be processed because the parameter name '%s' is ambiguous. Possible matches include:%s.", name, sb.String())
}

func errAlreadyBound(name string) *Error {
	return bindErr("ParameterAlreadyBound", name,
		"Cannot bind parameter because parameter '%s' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".", name)
}

func errMissingArgument(p *pinfo) *Error {
	return bindErr("MissingArgument", p.Name,
		"Missing an argument for parameter '%s'. Specify a parameter of type '%s' and try again.", p.Name, DisplayType(p.Type))
}

func errPositionalNotFound(text string) *Error {
	return bindErr("PositionalParameterNotFound", "",
		"A positional parameter cannot be found that accepts argument '%s'.", text)
}

func errAmbiguousSet() *Error {
	return bindErr("AmbiguousParameterSet", "",
		"Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.")
}

// missingList is pwsh's BuildMissingParamsString: each name after a space.
func missingList(ps []*pinfo) string {
	var sb strings.Builder
	for _, p := range ps {
		sb.WriteString(" ")
		sb.WriteString(p.Name)
	}
	return sb.String()
}

func errMissingMandatory(ps []*pinfo) *Error {
	return bindErr("MissingMandatoryParameter", "",
		"Cannot process command because of one or more missing mandatory parameters:%s.", missingList(ps))
}

func errInputMissingMandatory(ps []*pinfo) *Error {
	return bindErr("InputObjectMissingMandatory", "",
		"The input object cannot be bound because it did not contain the information required to bind all mandatory parameters: %s", missingList(ps))
}

func errInputNotBound() *Error {
	return bindErr("InputObjectNotBound", "",
		"The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.")
}

// errTransform is ParameterArgumentTransformationError: the prefix and the
// conversion's own message.
func errTransform(param, msg string, inner error) *Error {
	return &Error{Msg: "Cannot process argument transformation on parameter '" + param + "'. " + msg,
		ErrorID: "ParameterArgumentTransformationError", Category: "InvalidData", ParamName: param,
		ExceptionType: ExTransformation, Inner: inner}
}

// errCannotConvert is CannotConvertArgumentNoMessage ("Cannot bind parameter 'X'. …").
func errCannotConvert(param, msg string, inner error) *Error {
	e := bindErr("CannotConvertArgumentNoMessage", param, "Cannot bind parameter '%s'. %s", param, msg)
	e.Inner = inner
	return e
}

// errValidation is ParameterArgumentValidationError.
func errValidation(param, msg string, inner error) *Error {
	return &Error{Msg: "Cannot validate argument on parameter '" + param + "'. " + msg,
		ErrorID: "ParameterArgumentValidationError", Category: "InvalidData", ParamName: param,
		ExceptionType: ExValidation, Inner: inner}
}

func validationErr(id, param, format string) *Error {
	return &Error{Msg: fmt.Sprintf(format, param), ErrorID: id, Category: "InvalidData",
		ParamName: param, ExceptionType: ExValidation}
}

func errNullNotAllowed(param string) *Error {
	return validationErr("ParameterArgumentValidationErrorNullNotAllowed", param,
		"Cannot bind argument to parameter '%s' because it is null.")
}

func errEmptyStringNotAllowed(param string) *Error {
	return validationErr("ParameterArgumentValidationErrorEmptyStringNotAllowed", param,
		"Cannot bind argument to parameter '%s' because it is an empty string.")
}

func errEmptyArrayNotAllowed(param string) *Error {
	return validationErr("ParameterArgumentValidationErrorEmptyArrayNotAllowed", param,
		"Cannot bind argument to parameter '%s' because it is an empty array.")
}
