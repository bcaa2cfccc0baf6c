// Package syntax is csshell's PowerShell front end: the lexer, the parser, the
// abstract syntax tree and the parse diagnostics. It imports nothing else of
// the project, so it can be fuzzed, tested and reused on its own.
//
// Every node embeds an Extent (a byte range in the source); line and column
// are computed only when a diagnostic is rendered. Operators are kept as
// their canonical lower-case text ("-eq", "-ceq", "+=", "..", "-f") with the
// en-dash, em-dash and horizontal bar already turned into "-".
package syntax

// Extent is the byte range [Start, End) of a node in its Source.
type Extent struct {
	Start, End int
}

// Pos returns the offset of the node's first byte.
func (e Extent) Pos() int { return e.Start }

// EndPos returns the offset just past the node's last byte.
func (e Extent) EndPos() int { return e.End }

// Ext returns the extent itself; it makes every node satisfy Node.
func (e Extent) Ext() Extent { return e }

// Source is a piece of parsed text and the name it came from (a file path,
// or a pseudo-name such as "<command>" for -Command text).
type Source struct {
	Name string
	Text string
}

// Node is implemented by every syntax tree node.
type Node interface {
	Ext() Extent
}

// Statement is a node that can stand in a statement list.
type Statement interface {
	Node
	stmt()
}

// Expression is a node that yields a value. Every expression can also be an
// argument of a command, so it is a CommandElement too.
type Expression interface {
	Node
	expr()
	commandElement()
}

// CommandElement is a command's name or argument: an Expression or a
// *CommandParameter.
type CommandElement interface {
	Node
	commandElement()
}

// PipelineElement is one stage of a pipeline: a *Command or a *CommandExpr.
type PipelineElement interface {
	Node
	pipelineElement()
}

// ---------------------------------------------------------------------------
// Script blocks and parameters

// ScriptBlock is the body of a script file, a function or a { } literal.
// When the source has no named blocks, its statements are in End and Named
// is false.
type ScriptBlock struct {
	Extent
	Source     *Source      // the whole text this block was parsed from
	Attributes []*Attribute // attributes before param(), e.g. [CmdletBinding()]
	Params     *ParamBlock  // nil when there is no param() block
	Begin      *StatementBlock
	Process    *StatementBlock
	End        *StatementBlock
	// Clean (pwsh 7.3+) runs last, also when the pipeline fails or stops.
	Clean    *StatementBlock
	Named    bool        // begin/process/end were written explicitly
	Requires []*Requires // #Requires lines (root script only)
	Usings   []*Using    // using statements at the start (root script only)
	HelpText string      // comment-based help found for this block, raw comment text
}

// StatementBlock is a list of statements, usually between braces.
type StatementBlock struct {
	Extent
	Statements []Statement
	Traps      []*TrapStmt
}

// ParamBlock is a param( ... ) block with the attributes written before it.
type ParamBlock struct {
	Extent
	Attributes []*Attribute
	Params     []*Parameter
}

// Parameter is one parameter declaration: $Name with its attributes and type
// constraints (in order of appearance) and an optional default.
type Parameter struct {
	Extent
	Name       string // without the '$'
	Attributes []*Attribute
	Types      []*TypeName // type constraints such as [string] or [switch]
	Default    Expression  // nil when absent
	nameStart  int         // offset of the $name, for errors
}

// Attribute is [Name(positional, Named = value, Flag)]. A named argument
// written without a value (Mandatory) has a nil Value, meaning $true.
type Attribute struct {
	Extent
	Name       string
	Positional []Expression
	Named      []*NamedArgument
}

// NamedArgument is Name = Value inside an attribute.
type NamedArgument struct {
	Extent
	Name  string
	Value Expression // nil means $true
}

// TypeName is the text of a type literal as written, without the brackets,
// e.g. "int", "string[]", "System.Collections.Generic.List[string]".
type TypeName struct {
	Extent
	Name string
	// Namespaces are the "using namespace" names in effect where the type
	// is written; a name not found as written is looked up in each.
	Namespaces []string
}

// Using is one "using namespace|module|assembly Name" statement.
type Using struct {
	Extent
	Kind string     // "namespace", "module" or "assembly", lower case
	Name Expression // a *StringConstant, or a *HashtableExpr for a module specification
}

// Requires is one "#Requires -X value" line.
type Requires struct {
	Extent
	Text string // everything after "#Requires"
}

// ---------------------------------------------------------------------------
// Statements

// Pipeline is one or more elements joined by '|'. An expression statement is
// a Pipeline whose only element is a *CommandExpr.
type Pipeline struct {
	Extent
	Elements   []PipelineElement
	Background bool // ended with '&'
}

// PipelineChain is Left && Right or Left || Right (PowerShell 7).
type PipelineChain struct {
	Extent
	Left  Statement // *Pipeline or *PipelineChain
	Op    string    // "&&" or "||"
	Right *Pipeline
}

// Command is a command invocation: its name and arguments in Elements (the
// first is the name), an optional invocation operator and redirections.
type Command struct {
	Extent
	InvocationOp string // "", "&" or "."
	Elements     []CommandElement
	Redirections []*Redirection
}

// CommandParameter is -Name, or -Name:value when Argument is set.
type CommandParameter struct {
	Extent
	Name     string     // as typed, without the dash
	Argument Expression // value after ':'; nil when absent
	Colon    bool       // written with a ':' (even if the value came after a space)
}

// CommandExpr is an expression standing as a pipeline element.
type CommandExpr struct {
	Extent
	Expr         Expression
	Redirections []*Redirection
}

// Redirection is n>target, n>>target, or n>&1. Stream is "1" (or ""), "2",
// "3", "4", "5", "6" or "*". For a merge (2>&1) Target is nil and ToStream
// is "1".
type Redirection struct {
	Extent
	Stream   string
	Append   bool
	ToStream string
	Target   Expression
}

// AssignmentStmt is Left op Right, where Op is "=", "+=", "-=", "*=", "/=",
// "%=" or "??=". Left is a variable, member, index, cast of a variable, or an
// *ArrayLiteral of those (multiple assignment).
type AssignmentStmt struct {
	Extent
	Left  Expression
	Op    string
	Right Statement
}

// IfStmt is if/elseif/else. Clauses holds the if and elseif arms in order.
type IfStmt struct {
	Extent
	Clauses []*IfClause
	Else    *StatementBlock // nil when absent
}

// IfClause is one condition and its body.
type IfClause struct {
	Extent
	Cond Statement // a pipeline (or assignment) inside the parentheses
	Body *StatementBlock
}

// ForEachStmt is foreach ($Var in Collection) { Body }.
type ForEachStmt struct {
	Extent
	Label      string
	Variable   *VariableExpr
	Collection Statement
	Body       *StatementBlock
}

// ForStmt is for (Init; Cond; Iter) { Body }; each part may be nil.
type ForStmt struct {
	Extent
	Label string
	Init  Statement
	Cond  Statement
	Iter  Statement
	Body  *StatementBlock
}

// WhileStmt is while (Cond) { Body }.
type WhileStmt struct {
	Extent
	Label string
	Cond  Statement
	Body  *StatementBlock
}

// DoStmt is do { Body } while (Cond), or until (Cond) when Until is set.
type DoStmt struct {
	Extent
	Label string
	Body  *StatementBlock
	Cond  Statement
	Until bool
}

// SwitchStmt is switch [-Regex|-Wildcard|-Exact] [-CaseSensitive] [-File] (Cond) { clauses }.
type SwitchStmt struct {
	Extent
	Label         string
	Regex         bool
	Wildcard      bool
	Exact         bool
	CaseSensitive bool
	File          bool
	Cond          Statement // the value, or the file path when File is set
	Clauses       []*SwitchClause
	Default       *StatementBlock // nil when absent
}

// SwitchClause is Pattern { Body }. Pattern is an expression; a bareword is
// a *StringConstant and a script block condition is a *ScriptBlockExpr.
type SwitchClause struct {
	Extent
	Pattern Expression
	Body    *StatementBlock
}

// BreakStmt is break [label].
type BreakStmt struct {
	Extent
	Label Expression // nil, or usually a *StringConstant
}

// ContinueStmt is continue [label].
type ContinueStmt struct {
	Extent
	Label Expression
}

// ReturnStmt is return [pipeline].
type ReturnStmt struct {
	Extent
	Value Statement // nil when absent
}

// ExitStmt is exit [code].
type ExitStmt struct {
	Extent
	Value Statement
}

// ThrowStmt is throw [value].
type ThrowStmt struct {
	Extent
	Value Statement
}

// TryStmt is try { } catch [types] { } ... finally { }.
type TryStmt struct {
	Extent
	Body    *StatementBlock
	Catches []*CatchClause
	Finally *StatementBlock // nil when absent
}

// CatchClause is catch [T1], [T2] { Body }; no Types means catch-all.
type CatchClause struct {
	Extent
	Types []*TypeName
	Body  *StatementBlock
}

// TrapStmt is trap [Type] { Body }.
type TrapStmt struct {
	Extent
	Type *TypeName // nil for all errors
	Body *StatementBlock
}

// FunctionDef is function/filter Name [(params)] { body }. Parameters
// written in parentheses after the name are in Params; Body.Params may hold
// a param() block instead.
type FunctionDef struct {
	Extent
	Name     string
	IsFilter bool
	Params   []*Parameter
	Body     *ScriptBlock
}

// BlockStmt is a bare statement block (rare: data sections aside it is
// only produced for error recovery).
type BlockStmt struct {
	Extent
	Body *StatementBlock
	Data bool   // a data section: data [Name] { ... }
	Name string // the data section's variable name, "" when absent
}

// ---------------------------------------------------------------------------
// Expressions

// BinaryExpr is Left Op Right. Op is canonical lower case: arithmetic
// "+", "-", "*", "/", "%"; ".." (range); "-f" (format); comparison "-eq",
// "-ieq", "-ceq", ... "-like", "-match", "-contains", "-in", "-is", "-isnot",
// "-as", "-replace", "-split", "-join" with their i/c forms; logical "-and",
// "-or", "-xor"; bitwise "-band", "-bor", "-bxor", "-shl", "-shr"; and "??".
type BinaryExpr struct {
	Extent
	Op          string
	Left, Right Expression
	OpExtent    Extent // where the operator token is, for error messages
}

// UnaryExpr is a prefix or postfix operator: "-not", "!", "-", "+",
// "-bnot", "-split", "-join", "," (unary comma), "++", "--".
type UnaryExpr struct {
	Extent
	Op      string
	Operand Expression
	Postfix bool // $x++ rather than ++$x
}

// TernaryExpr is Cond ? Then : Else (PowerShell 7).
type TernaryExpr struct {
	Extent
	Cond, Then, Else Expression
}

// ConvertExpr is [Type]Operand: a cast.
type ConvertExpr struct {
	Extent
	Type    *TypeName
	Operand Expression
}

// TypeExpr is a type literal standing alone, e.g. [math] in [math]::Max.
type TypeExpr struct {
	Extent
	Type *TypeName
}

// DecimalLiteral is the text of a numeric literal with the d suffix; the
// value package turns it into a decimal. It keeps this package free of
// numeric libraries.
type DecimalLiteral string

// NumberExpr is a numeric literal. Value is int32, int64, float64 or a
// DecimalLiteral, already scaled by any kb/mb/gb/tb/pb multiplier.
type NumberExpr struct {
	Extent
	Raw   string
	Value any
}

// QuoteKind tells how a string was written.
type QuoteKind int

// The ways a string can be written.
const (
	Bare         QuoteKind = iota // a bareword argument: Get-Foo, C:\x\y.ps1
	SingleQuoted                  // 'text'
	DoubleQuoted                  // "text"
	HereSingle                    // @' ... '@
	HereDouble                    // @" ... "@
)

// StringConstant is a string without expansion: a bareword, a
// single-quoted string, or a double-quoted one with nothing to expand.
// Value has escapes already processed.
type StringConstant struct {
	Extent
	Value string
	Quote QuoteKind
}

// ExpandableString is a double-quoted (or bare argument) string with
// variables or sub-expressions. Parts alternate literal *StringConstant
// pieces (escapes processed) and expressions ($var, ${var}, $(...)), in order.
type ExpandableString struct {
	Extent
	Parts []Expression
	Quote QuoteKind
}

// VariableExpr is $name, ${name}, $scope:name, or @name when Splatted.
// Name keeps the scope or drive qualifier as written ("script:x", "env:PATH").
type VariableExpr struct {
	Extent
	Name     string
	Splatted bool
	// Attributes written before the variable (or its type constraint),
	// e.g. [ValidateNotNull()] in "[ValidateNotNull()][string]$x = 'a'".
	Attributes []*Attribute
}

// ArrayLiteral is a comma list: 1, 2, 3.
type ArrayLiteral struct {
	Extent
	Elements []Expression
}

// ArrayExpr is @( statements ).
type ArrayExpr struct {
	Extent
	Body *StatementBlock
}

// SubExpr is $( statements ).
type SubExpr struct {
	Extent
	Body *StatementBlock
}

// ParenExpr is ( pipeline ). Inner is a *Pipeline, *PipelineChain or
// *AssignmentStmt.
type ParenExpr struct {
	Extent
	Inner Statement
}

// HashtableExpr is @{ key = value; ... }.
type HashtableExpr struct {
	Extent
	Pairs []*KeyValue
}

// KeyValue is one key = value entry; a bareword key is a *StringConstant.
type KeyValue struct {
	Extent
	Key   Expression
	Value Statement
}

// ScriptBlockExpr is a { ... } literal.
type ScriptBlockExpr struct {
	Extent
	Body *ScriptBlock
}

// MemberExpr is Target.Member or Target::Member (Static). Member is usually a
// *StringConstant; it may be any expression ($x.$name, $x."a b").
type MemberExpr struct {
	Extent
	Target          Expression
	Member          Expression
	Static          bool
	NullConditional bool // ?.
}

// InvokeMemberExpr is Target.Member(args) or Target::Member(args).
type InvokeMemberExpr struct {
	Extent
	Target          Expression
	Member          Expression
	Args            []Expression
	Static          bool
	NullConditional bool
}

// IndexExpr is Target[Index]; Index may be an *ArrayLiteral for slices.
type IndexExpr struct {
	Extent
	Target          Expression
	Index           Expression
	NullConditional bool // ?[
}

// ---------------------------------------------------------------------------
// Marker methods (sealing the node families).

func (*Pipeline) stmt()       {}
func (*PipelineChain) stmt()  {}
func (*AssignmentStmt) stmt() {}
func (*IfStmt) stmt()         {}
func (*ForEachStmt) stmt()    {}
func (*ForStmt) stmt()        {}
func (*WhileStmt) stmt()      {}
func (*DoStmt) stmt()         {}
func (*SwitchStmt) stmt()     {}
func (*BreakStmt) stmt()      {}
func (*ContinueStmt) stmt()   {}
func (*ReturnStmt) stmt()     {}
func (*ExitStmt) stmt()       {}
func (*ThrowStmt) stmt()      {}
func (*TryStmt) stmt()        {}
func (*TrapStmt) stmt()       {}
func (*FunctionDef) stmt()    {}
func (*BlockStmt) stmt()      {}

func (*Command) pipelineElement()     {}
func (*CommandExpr) pipelineElement() {}

func (*CommandParameter) commandElement() {}

func (*BinaryExpr) expr()       {}
func (*UnaryExpr) expr()        {}
func (*TernaryExpr) expr()      {}
func (*ConvertExpr) expr()      {}
func (*TypeExpr) expr()         {}
func (*NumberExpr) expr()       {}
func (*StringConstant) expr()   {}
func (*ExpandableString) expr() {}
func (*VariableExpr) expr()     {}
func (*ArrayLiteral) expr()     {}
func (*ArrayExpr) expr()        {}
func (*SubExpr) expr()          {}
func (*ParenExpr) expr()        {}
func (*HashtableExpr) expr()    {}
func (*ScriptBlockExpr) expr()  {}
func (*MemberExpr) expr()       {}
func (*InvokeMemberExpr) expr() {}
func (*IndexExpr) expr()        {}

func (*BinaryExpr) commandElement()       {}
func (*UnaryExpr) commandElement()        {}
func (*TernaryExpr) commandElement()      {}
func (*ConvertExpr) commandElement()      {}
func (*TypeExpr) commandElement()         {}
func (*NumberExpr) commandElement()       {}
func (*StringConstant) commandElement()   {}
func (*ExpandableString) commandElement() {}
func (*VariableExpr) commandElement()     {}
func (*ArrayLiteral) commandElement()     {}
func (*ArrayExpr) commandElement()        {}
func (*SubExpr) commandElement()          {}
func (*ParenExpr) commandElement()        {}
func (*HashtableExpr) commandElement()    {}
func (*ScriptBlockExpr) commandElement()  {}
func (*MemberExpr) commandElement()       {}
func (*InvokeMemberExpr) commandElement() {}
func (*IndexExpr) commandElement()        {}
