package syntax

import "testing"

type errorCase struct {
	in         string
	msg        string
	line, col  int
	id         string
	incomplete bool
}

// errorCases lists bad inputs with the first error expected: message,
// 1-based line and column, error id and Incomplete flag.
var errorCases = []errorCase{
	{"{", "Missing closing '}' in statement block or type definition.", 1, 1, "MissingEndCurlyBrace", true},
	{"\"abc", "The string is missing the terminator: \".", 1, 1, "TerminatorExpectedAtEndOfString", true},
	{"'abc", "The string is missing the terminator: '.", 1, 1, "TerminatorExpectedAtEndOfString", true},
	{"@\"\nabc", "The string is missing the terminator: \"@.", 1, 1, "TerminatorExpectedAtEndOfString", true},
	{"(1 + 2", "Missing closing ')' in expression.", 1, 7, "MissingEndParenthesisInExpression", true},
	{"$x.Method(1", "Missing ')' in method call.", 1, 12, "MissingEndParenthesisInMethodCall", true},
	{"1 +", "You must provide a value expression following the '+' operator.", 1, 4, "ExpectedValueExpression", true},
	{"$a =", "You must provide a value expression following the '=' operator.", 1, 5, "ExpectedValueExpression", true},
	{"Get-X |", "An empty pipe element is not allowed.", 1, 8, "EmptyPipeElement", true}, // after the pipe, as pwsh ('gps|' at 4)
	{"Get-X | | Get-Y", "An empty pipe element is not allowed.", 1, 8, "EmptyPipeElement", false},
	{"if", "Missing '(' after 'if' in if statement.", 1, 3, "MissingOpenParenthesisInIfStatement", true},
	{"if (", "Missing condition in if statement after 'if ('.", 1, 5, "IfStatementMissingCondition", true},
	{"if ($x)", "Missing statement block after if ( condition ).", 1, 8, "MissingStatementBlock", true},
	{"if ($x) { 1 } else", "Missing statement block after 'else' keyword.", 1, 19, "MissingStatementBlockAfterElse", true},
	{"if () { }", "Missing condition in if statement after 'if ('.", 1, 5, "IfStatementMissingCondition", false},
	{"try { 1 }", "The Try statement is missing its Catch or Finally block.", 1, 10, "MissingCatchOrFinally", true},
	{"foreach (", "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}", 1, 10, "MissingVariableNameAfterForeach", true},
	{"foreach ($x", "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}", 1, 12, "MissingInInForeach", true},
	{"foreach ($x in", "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}", 1, 15, "MissingForeachExpression", true},
	{"$a[", "Array index expression is missing or not valid.", 1, 4, "MissingArrayIndexExpression", true},
	{"$a[]", "Array index expression is missing or not valid.", 1, 4, "MissingArrayIndexExpression", false},
	{"$a[1", "Missing ']' after array index expression.", 1, 5, "MissingEndSquareBracket", true},
	{"[", "Missing type name after '['.", 1, 1, "MissingTypename", true},
	{"@{a=1", "Missing closing '}' in statement block or type definition.", 1, 3, "MissingEndCurlyBrace", true}, // pwsh's Parsing.Tests.ps1
	{"@{a 1}", "Missing '=' operator after key in hash literal.", 1, 5, "MissingEqualsInHashLiteral", false},
	{"@{a=}", "Missing statement after '=' in hash literal.", 1, 5, "MissingStatementInHashLiteral", false},
	{"1 = 2", "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.", 1, 1, "InvalidLeftHandSide", false},
	{"1 | 2", "Expressions are only allowed as the first element of a pipeline.", 1, 5, "ExpressionsMustBeFirstInPipeline", false},
	{"a < b", "The '<' operator is reserved for future use.", 1, 3, "RedirectionNotSupported", false},
	{"Get-X a & b", "The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap an ampersand in double quotation marks (\"&\") to pass it as part of a string.", 1, 9, "AmpersandNotAllowed", false},
	{"function f", "Missing function body in function declaration.", 1, 11, "MissingFunctionBody", true},
	{"class Foo { }", "The 'class' keyword is not supported in csshell.", 1, 1, "ClassNotSupported", false},
	{"}", "Unexpected token '}' in expression or statement.", 1, 1, "UnexpectedToken", false},
	{")", "Unexpected token ')' in expression or statement.", 1, 1, "UnexpectedToken", false},
	{"1e999", "The numeric constant 1e999 is not valid.", 1, 1, "BadNumericConstant", false},
	{"<# unterminated", "The terminator '#>' is missing from the multiline comment.", 1, 1, "MissingTerminatorMultiLineComment", true},
	{"$x = `", "You must provide a value expression following the '=' operator.", 1, 5, "ExpectedValueExpression", true},
	{"while ($x) ", "Missing statement body in while loop.", 1, 11, "MissingLoopStatement", true},
	{"do { } ", "Missing while or until keyword in do loop.", 1, 7, "MissingWhileOrUntilInDoWhile", true},
	{"switch ($x)", "Missing '{' in switch statement.", 1, 12, "MissingCurlyBraceInSwitchStatement", true},
	{"function f(", "Missing ')' in function parameter list.", 1, 12, "MissingEndParenthesisInFunctionParameterList", true}, // pwsh's Parsing.Tests.ps1
	{"Get-X -Name:", "Parameter -Name requires an argument.", 1, 13, "ParameterRequiresArgument", true},                     // after the colon, as pwsh ('gcm -a:' at 7)
	{"$(1", "Missing closing ')' in subexpression.", 1, 4, "MissingEndParenthesisInSubexpression", true},
	{"@(1", "Missing closing ')' in subexpression.", 1, 4, "MissingEndParenthesisInSubexpression", true},
	{"1,", "Missing expression after ','.", 1, 3, "MissingExpressionAfterToken", true},
	{"\"$(1 + \"", "The string is missing the terminator: \".", 1, 1, "TerminatorExpectedAtEndOfString", true},
	{"\"`u{110000}\"", "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.", 1, 5, "InvalidUnicodeEscapeSequenceValue", false}, // at the digits, as pwsh
}

func TestErrors(t *testing.T) {
	for _, c := range errorCases {
		_, err := Parse(&Source{Text: c.in})
		if err == nil {
			t.Errorf("%q: no error", c.in)
			continue
		}
		e := err.(ErrorList)[0]
		line, col := e.LineCol()
		if e.Msg != c.msg || line != c.line || col != c.col || e.ID != c.id || e.Incomplete != c.incomplete {
			t.Errorf("%q:\n got %d:%d %s %q incomplete=%v\nwant %d:%d %s %q incomplete=%v",
				c.in, line, col, e.ID, e.Msg, e.Incomplete, c.line, c.col, c.id, c.msg, c.incomplete)
		}
	}
}
