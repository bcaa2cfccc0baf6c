package engine

import (
	"errors"
	"fmt"

	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// ErrorRecord is a PowerShell error: the exception (message and .NET type),
// the FullyQualifiedErrorId, the category, the target, and where it
// happened (the command and, for script code, the source extent).
type ErrorRecord struct {
	Message       string
	ExceptionType string // .NET exception full name, e.g. "System.Management.Automation.RuntimeException"
	ErrorID       string // FullyQualifiedErrorId without the ",Command" suffix
	Category      string // ErrorCategory name, e.g. "InvalidArgument", "ObjectNotFound"
	TargetObject  any
	CommandName   string // the command that reported it ("" for language errors)
	CommandClass  string // the .NET class of that command, for FullyQualifiedErrorId
	Source        *syntax.Source
	Extent        syntax.Extent
	HasPosition   bool
	// Thrown is the value of a throw statement ($_.TargetObject is the
	// thrown object when it is not a string).
	Thrown any
	// Cause, when set, is the Go error this record was made from.
	Cause error
	// InnerExceptionType is the .NET type of the exception the record's
	// exception wraps ("" for none); typed catch clauses match it too.
	InnerExceptionType string
	// OwnID keeps FullyQualifiedErrorId to ErrorID alone, as for an
	// ErrorRecord object a script throws (Pester's assertion failures).
	OwnID bool

	// scriptTerminating is set for throw and -ErrorAction Stop: the error
	// ends the script unless caught, rather than only its statement.
	scriptTerminating bool
	// fromStop marks an error made terminating by the Stop action.
	fromStop bool
	// fromThrow marks an error raised by a throw statement.
	fromThrow bool
}

// Error returns the message.
func (e *ErrorRecord) Error() string { return e.Message }

// Unwrap returns the cause.
func (e *ErrorRecord) Unwrap() error { return e.Cause }

// FullyQualifiedErrorID is ErrorID with ",CommandFullName" appended as
// PowerShell shows it in $Error[0].FullyQualifiedErrorId.
func (e *ErrorRecord) FullyQualifiedErrorID() string {
	if e.OwnID {
		return e.ErrorID
	}
	if e.CommandName != "" && e.ErrorID != "" && e.ErrorID != "CommandNotFoundException" && e.CommandName != "Write-Error" {
		if e.CommandClass != "" {
			return e.ErrorID + "," + e.CommandClass
		}
		return e.ErrorID + "," + e.CommandName
	}
	return e.ErrorID
}

// ScriptText returns the text ToString shows for the record: its message.
func (e *ErrorRecord) String() string { return e.Message }

// NewError makes an error record for a cmdlet to return (terminating) or to
// pass to Call.WriteError (non-terminating).
func NewError(category, id string, target any, format string, args ...any) *ErrorRecord {
	return &ErrorRecord{
		Message:       fmt.Sprintf(format, args...),
		ExceptionType: "System.Management.Automation.RuntimeException",
		ErrorID:       id,
		Category:      category,
		TargetObject:  target,
	}
}

// WithException sets the .NET exception type name and returns the record.
func (e *ErrorRecord) WithException(typeName string) *ErrorRecord {
	e.ExceptionType = typeName
	return e
}

// AsRecord turns any error into an ErrorRecord, keeping one that already is.
func AsRecord(err error) *ErrorRecord {
	var rec *ErrorRecord
	if errors.As(err, &rec) {
		return rec
	}
	var ve *value.Error
	if errors.As(err, &ve) {
		return &ErrorRecord{
			Message:       ve.Msg,
			ExceptionType: ve.ExceptionType,
			ErrorID:       ve.ErrorID,
			Category:      ve.Category,
			Cause:         err,

			InnerExceptionType: ve.Inner,
		}
	}
	var pe syntax.ErrorList
	if errors.As(err, &pe) && len(pe) > 0 {
		first := pe[0]
		return &ErrorRecord{
			Message:       first.Msg,
			ExceptionType: "System.Management.Automation.ParseException",
			ErrorID:       first.ID,
			Category:      "ParserError",
			Source:        first.Source,
			Extent:        first.Extent,
			HasPosition:   true,
			Cause:         err,
		}
	}
	return &ErrorRecord{
		Message:       err.Error(),
		ExceptionType: "System.Management.Automation.RuntimeException",
		ErrorID:       "RuntimeException",
		Category:      "NotSpecified",
		Cause:         err,
	}
}
