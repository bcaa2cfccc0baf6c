package syntax

// TokenKind classifies a Token produced by Tokenize.
type TokenKind int

// The kinds of token. Generic covers command names and bare arguments;
// Member is a name after '.', '?.' or '::'.
const (
	TokEOF TokenKind = iota
	TokNewLine
	TokSemi
	TokComment
	TokVariable
	TokSplattedVariable
	TokParameter
	TokGeneric
	TokMember
	TokNumber
	TokStringLiteral
	TokStringExpandable
	TokHereStringLiteral
	TokHereStringExpandable
	TokOperator
	TokLCurly
	TokRCurly
	TokLParen
	TokRParen
	TokAtParen
	TokDollarParen
	TokAtCurly
	TokLBracket
	TokRBracket
	TokTypeLiteral
	TokPipe
	TokComma
	TokDot
	TokColonColon
	TokKeyword
	TokLabel
	TokRedirection
	TokLineContinuation
	TokUnknown
)

var tokenKindNames = [...]string{
	TokEOF: "EOF", TokNewLine: "NewLine", TokSemi: "Semi", TokComment: "Comment",
	TokVariable: "Variable", TokSplattedVariable: "SplattedVariable", TokParameter: "Parameter",
	TokGeneric: "Generic", TokMember: "Member", TokNumber: "Number", TokStringLiteral: "StringLiteral",
	TokStringExpandable: "StringExpandable", TokHereStringLiteral: "HereStringLiteral",
	TokHereStringExpandable: "HereStringExpandable", TokOperator: "Operator",
	TokLCurly: "LCurly", TokRCurly: "RCurly", TokLParen: "LParen", TokRParen: "RParen",
	TokAtParen: "AtParen", TokDollarParen: "DollarParen", TokAtCurly: "AtCurly",
	TokLBracket: "LBracket", TokRBracket: "RBracket", TokTypeLiteral: "TypeLiteral", TokPipe: "Pipe",
	TokComma: "Comma", TokDot: "Dot", TokColonColon: "ColonColon", TokKeyword: "Keyword",
	TokLabel: "Label", TokRedirection: "Redirection", TokLineContinuation: "LineContinuation",
	TokUnknown: "Unknown",
}

// String returns the kind's name, e.g. "Variable".
func (k TokenKind) String() string {
	if k >= 0 && int(k) < len(tokenKindNames) && tokenKindNames[k] != "" {
		return tokenKindNames[k]
	}
	return "TokenKind(?)"
}

// Token is one lexical element of the source.
//
// Text is the raw source text of the token. Value is its processed form:
// the variable name without '$' (scope kept), the parameter name without
// the dash, a string's value with escapes processed (for expandable
// strings the literal text with escapes processed), an operator or keyword
// in canonical lower case. Unterminated is set for strings, here-strings,
// braced variables and block comments that reach the end of the input.
type Token struct {
	Kind         TokenKind
	Text         string
	Value        string
	Extent       Extent
	Unterminated bool
}
