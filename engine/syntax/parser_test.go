package syntax

import (
	"strings"
	"testing"
)

type parserCase struct{ in, want string }

// parserCases maps source text to the Dump of its tree. The expected
// trees were checked by hand against PowerShell 7 semantics.
var parserCases = []parserCase{
	{"Get-Foo -Name x", "(sb (pipe (cmd b\"Get-Foo\" (param Name) b\"x\")))"},
	{"Write-Output 1+2", "(sb (pipe (cmd b\"Write-Output\" b\"1+2\")))"},
	{"Write-Output (1+2)", "(sb (pipe (cmd b\"Write-Output\" (paren (pipe (+ 1 2))))))"},
	{"Write-Output -5", "(sb (pipe (cmd b\"Write-Output\" -5)))"},
	{"Write-Output $a.b", "(sb (pipe (cmd b\"Write-Output\" (. $a b\"b\"))))"},
	{"Write-Output $a[0]", "(sb (pipe (cmd b\"Write-Output\" (index $a 0))))"},
	{"Write-Output $a.Method('x')", "(sb (pipe (cmd b\"Write-Output\" (call. $a b\"Method\" s\"x\"))))"},
	{"echo a,b", "(sb (pipe (cmd b\"echo\" (array b\"a\" b\"b\"))))"},
	{"echo a, b ,c", "(sb (pipe (cmd b\"echo\" (array b\"a\" b\"b\" b\"c\"))))"},
	{"Get-Item C:\\temp\\a.ps1", "(sb (pipe (cmd b\"Get-Item\" b\"C:\\\\temp\\\\a.ps1\")))"},
	{"Send-Mail amos.marble@contoso.com", "(sb (pipe (cmd b\"Send-Mail\" b\"amos.marble@contoso.com\")))"},
	{"dir *.txt", "(sb (pipe (cmd b\"dir\" b\"*.txt\")))"},
	{"echo foo$x", "(sb (pipe (cmd b\"echo\" (expand b b\"foo\" $x))))"},
	{"echo foo$(1)", "(sb (pipe (cmd b\"echo\" (expand b b\"foo\" ($ (pipe 1))))))"},
	{"echo \"a b\" 'c d'", "(sb (pipe (cmd b\"echo\" d\"a b\" s\"c d\")))"},
	{"echo a\"b c\"d", "(sb (pipe (cmd b\"echo\" b\"ab cd\")))"},
	{"echo --% a b $c", "(sb (pipe (cmd b\"echo\" b\"a b $c\")))"},
	{"echo -- -x -y", "(sb (pipe (cmd b\"echo\" b\"-x\" b\"-y\")))"},
	{"echo -", "(sb (pipe (cmd b\"echo\" b\"-\")))"},
	{"echo 5a 1kb 0x10 -5", "(sb (pipe (cmd b\"echo\" b\"5a\" 1024 16 -5)))"},
	{"Get-Foo –Identity x", "(sb (pipe (cmd b\"Get-Foo\" (param Identity) b\"x\")))"},
	{"Get-Foo —Force", "(sb (pipe (cmd b\"Get-Foo\" (param Force))))"},
	{"Get-Foo -Force:$false -Path:C:\\x", "(sb (pipe (cmd b\"Get-Foo\" (param Force: $false) (param Path: b\"C:\\\\x\"))))"},
	{"Get-Foo -Path: C:\\x", "(sb (pipe (cmd b\"Get-Foo\" (param Path: b\"C:\\\\x\"))))"},
	{"Get-Foo @params -X 1", "(sb (pipe (cmd b\"Get-Foo\" @params (param X) 1)))"},
	{"Get-Foo @{a=1}", "(sb (pipe (cmd b\"Get-Foo\" (hash (kv b\"a\" (pipe 1))))))"},
	{"Get-Foo { $_ } (1) $(2) @(3)", "(sb (pipe (cmd b\"Get-Foo\" (sb (pipe $_)) (paren (pipe 1)) ($ (pipe 2)) (@ (pipe 3)))))"},
	{"Get-Foo [abc]", "(sb (pipe (cmd b\"Get-Foo\" b\"[abc]\")))"},
	{"Get-Foo a=b", "(sb (pipe (cmd b\"Get-Foo\" b\"a=b\")))"},
	{"Get-Foo >out.txt 2>$null", "(sb (pipe (cmd b\"Get-Foo\" (redir > b\"out.txt\") (redir 2> $null))))"},
	{"Get-Foo > out.txt 2>> err.txt", "(sb (pipe (cmd b\"Get-Foo\" (redir > b\"out.txt\") (redir 2>> b\"err.txt\"))))"},
	{"Get-Foo 2>&1 *>&1 3>&1", "(sb (pipe (cmd b\"Get-Foo\" (redir 2>&1) (redir *>&1) (redir 3>&1))))"},
	{"Get-Foo *> all.txt", "(sb (pipe (cmd b\"Get-Foo\" (redir *> b\"all.txt\"))))"},
	{"& $cmd a b", "(sb (pipe (cmd & $cmd b\"a\" b\"b\")))"},
	{"& 'C:\\Program Files\\x.exe' -y", "(sb (pipe (cmd & s\"C:\\\\Program Files\\\\x.exe\" (param y))))"},
	{"& { param($a) $a } 5", "(sb (pipe (cmd & (sb (paramblock (p $a)) (pipe $a)) 5)))"},
	{"& (Get-Command ls)", "(sb (pipe (cmd & (paren (pipe (cmd b\"Get-Command\" b\"ls\"))))))"},
	{". ./lib.ps1", "(sb (pipe (cmd . b\"./lib.ps1\")))"},
	{". $profile", "(sb (pipe (cmd . $profile)))"},
	{".\\script.ps1 -x", "(sb (pipe (cmd b\".\\\\script.ps1\" (param x))))"},
	{"./x.ps1", "(sb (pipe (cmd b\"./x.ps1\")))"},
	{"..\\x.ps1 arg", "(sb (pipe (cmd b\"..\\\\x.ps1\" b\"arg\")))"},
	{"Get-X | Select-Y | Sort-Z", "(sb (pipe (cmd b\"Get-X\") (cmd b\"Select-Y\") (cmd b\"Sort-Z\")))"},
	{"Get-X |\n Select-Y", "(sb (pipe (cmd b\"Get-X\") (cmd b\"Select-Y\")))"},
	{"Get-X\n| Select-Y", "(sb (pipe (cmd b\"Get-X\") (cmd b\"Select-Y\")))"},
	{"a && b", "(sb (&& (pipe (cmd b\"a\")) (pipe (cmd b\"b\"))))"},
	{"a || b && c", "(sb (&& (|| (pipe (cmd b\"a\")) (pipe (cmd b\"b\"))) (pipe (cmd b\"c\"))))"},
	{"Start-Job { 1 } &", "(sb (pipe (cmd b\"Start-Job\" (sb (pipe 1))) &))"},
	{"% { $_ }", "(sb (pipe (cmd b\"%\" (sb (pipe $_)))))"},
	{"? { $_ }", "(sb (pipe (cmd b\"?\" (sb (pipe $_)))))"},
	{"1", "(sb (pipe 1))"},
	{"-1", "(sb (pipe -1))"},
	{"1.5", "(sb (pipe 1.5F))"},
	{".5", "(sb (pipe 0.5F))"},
	{"1e3", "(sb (pipe 1000F))"},
	{"1kb", "(sb (pipe 1024))"},
	{"1.5mb", "(sb (pipe 1.572864e+06F))"},
	{"1KB", "(sb (pipe 1024))"},
	{"0x1F", "(sb (pipe 31))"},
	{"0xFFFFFFFF", "(sb (pipe -1))"},
	{"0x80000000", "(sb (pipe -2147483648))"},
	{"0x100000000", "(sb (pipe 4294967296L))"},
	{"2147483647", "(sb (pipe 2147483647))"},
	{"2147483648", "(sb (pipe 2147483648L))"},
	{"9223372036854775807", "(sb (pipe 9223372036854775807L))"},
	{"9223372036854775808", "(sb (pipe 9.223372036854776e+18F))"},
	{"5l", "(sb (pipe 5L))"},
	{"5d", "(sb (pipe 5M))"},
	{"1.5d", "(sb (pipe 1.5M))"},
	{"10gb", "(sb (pipe 10737418240L))"},
	{"1pb", "(sb (pipe 1125899906842624L))"},
	{"\"a\"", "(sb (pipe d\"a\"))"},
	{"'a'", "(sb (pipe s\"a\"))"},
	{"\"a\"\"b\"", "(sb (pipe d\"a\\\"b\"))"},
	{"'it''s'", "(sb (pipe s\"it's\"))"},
	{"‘smart’", "(sb (pipe s\"smart\"))"},
	{"“smart $x”", "(sb (pipe (expand d d\"smart \" $x)))"},
	{"\"tab`tnl`nq`\"e`$x\"", "(sb (pipe d\"tab\\tnl\\nq\\\"e$x\"))"},
	{"\"`u{1F600}\"", "(sb (pipe d\"😀\"))"},
	{"\"`0`a`b`e`f`r`v\"", "(sb (pipe d\"\\x00\\a\\b\\x1b\\f\\r\\v\"))"},
	{"\"$a.b\"", "(sb (pipe (expand d $a d\".b\")))"},
	{"\"$a[0]\"", "(sb (pipe (expand d $a d\"[0]\")))"},
	{"\"${my var}\"", "(sb (pipe (expand d $my var)))"},
	{"\"$script:x $env:PATH\"", "(sb (pipe (expand d $script:x d\" \" $env:PATH)))"},
	{"\"$_ $$ $^ $?\"", "(sb (pipe (expand d $_ d\" \" $$ d\" \" $^ d\" \" $?)))"},
	{"\"cost: $ 5\"", "(sb (pipe d\"cost: $ 5\"))"},
	{"\"$(1+2) and $(Get-Date)\"", "(sb (pipe (expand d ($ (pipe (+ 1 2))) d\" and \" ($ (pipe (cmd b\"Get-Date\"))))))"},
	{"@\"\nline $x\n\"@", "(sb (pipe (expand hd hd\"line \" $x)))"},
	{"@'\nraw $x\n'@", "(sb (pipe hs\"raw $x\"))"},
	{"@\"\n\"@", "(sb (pipe hd\"\"))"},
	{"@'\na\nb\n'@", "(sb (pipe hs\"a\\nb\"))"},
	{"$x", "(sb (pipe $x))"},
	{"${x y}", "(sb (pipe $x y))"},
	{"$script:x", "(sb (pipe $script:x))"},
	{"$global:x", "(sb (pipe $global:x))"},
	{"$using:x", "(sb (pipe $using:x))"},
	{"$env:PATH", "(sb (pipe $env:PATH))"},
	{"$a.b.c", "(sb (pipe (. (. $a b\"b\") b\"c\")))"},
	{"$a.'quoted prop'", "(sb (pipe (. $a s\"quoted prop\")))"},
	{"$a.$name", "(sb (pipe (. $a $name)))"},
	{"$a.Method()", "(sb (pipe (call. $a b\"Method\")))"},
	{"$a.Method(1, 'a')", "(sb (pipe (call. $a b\"Method\" 1 s\"a\")))"},
	{"$a[0]", "(sb (pipe (index $a 0)))"},
	{"$a[-1]", "(sb (pipe (index $a -1)))"},
	{"$a[1..3]", "(sb (pipe (index $a (.. 1 3))))"},
	{"$a[0,2]", "(sb (pipe (index $a (array 0 2))))"},
	{"$h['k']", "(sb (pipe (index $h s\"k\")))"},
	// As in pwsh, '?' belongs to a variable name: ${a}?.b is null-conditional.
	{"$a?.b", "(sb (pipe (. $a? b\"b\")))"},
	{"$a?[0]", "(sb (pipe (index $a? 0)))"},
	{"${a}?.b", "(sb (pipe (?. $a b\"b\")))"},
	{"${a}?[0]", "(sb (pipe (?index $a 0)))"},
	{"[int]$x", "(sb (pipe (cast [int] $x)))"},
	{"[int]\"5\"", "(sb (pipe (cast [int] d\"5\")))"},
	{"[math]::Max(1,2)", "(sb (pipe (call:: [math] b\"Max\" 1 2)))"},
	{"[string]::Empty", "(sb (pipe (:: [string] b\"Empty\")))"},
	{"[System.Collections.Generic.List[string]]::new()", "(sb (pipe (call:: [System.Collections.Generic.List[string]] b\"new\")))"},
	{"[string[]]$a", "(sb (pipe (cast [string[]] $a)))"},
	{"[int] -1", "(sb (pipe (cast [int] -1)))"},
	{"[ordered]@{a=1}", "(sb (pipe (cast [ordered] (hash (kv b\"a\" (pipe 1))))))"},
	{"[pscustomobject]@{Name='x'}", "(sb (pipe (cast [pscustomobject] (hash (kv b\"Name\" (pipe s\"x\"))))))"},
	{"@()", "(sb (pipe (@)))"},
	{"@(1,2)", "(sb (pipe (@ (pipe (array 1 2)))))"},
	{"@{}", "(sb (pipe (hash)))"},
	{"@{a=1; 'b c'=2; 3=4}", "(sb (pipe (hash (kv b\"a\" (pipe 1)) (kv s\"b c\" (pipe 2)) (kv 3 (pipe 4)))))"},
	{"@{\n a = 1\n b = 2\n}", "(sb (pipe (hash (kv b\"a\" (pipe 1)) (kv b\"b\" (pipe 2)))))"},
	{"@{a = if ($x) {1} else {2}}", "(sb (pipe (hash (kv b\"a\" (if (clause (pipe $x) (block (pipe 1))) (else (pipe 2)))))))"},
	{"{ 1 }", "(sb (pipe (sb (pipe 1))))"},
	{"$(1; 2)", "(sb (pipe ($ (pipe 1) (pipe 2))))"},
	{"((1+2)*3)", "(sb (pipe (paren (pipe (* (paren (pipe (+ 1 2))) 3)))))"},
	{"1 + 2 * 3", "(sb (pipe (+ 1 (* 2 3))))"},
	{"(1 + 2) * 3", "(sb (pipe (* (paren (pipe (+ 1 2))) 3)))"},
	{"1,2 + 3", "(sb (pipe (+ (array 1 2) 3)))"},
	{"1..3*2", "(sb (pipe (* (.. 1 3) 2)))"},
	{"1 + 2 -eq 3", "(sb (pipe (-eq (+ 1 2) 3)))"},
	{"$a -and $b -or $c", "(sb (pipe (-or (-and $a $b) $c)))"},
	{"$a -or $b -and $c", "(sb (pipe (-and (-or $a $b) $c)))"},
	{"-not $a -eq $b", "(sb (pipe (-eq (-not $a) $b)))"},
	{"!$a", "(sb (pipe (! $a)))"},
	{"-not $x", "(sb (pipe (-not $x)))"},
	{"- $x", "(sb (pipe (- $x)))"},
	{",1", "(sb (pipe (, 1)))"},
	{"-split \"a b\"", "(sb (pipe (-split d\"a b\")))"},
	{"-join $arr", "(sb (pipe (-join $arr)))"},
	{"\"a b\" -split \" \"", "(sb (pipe (-split d\"a b\" d\" \")))"},
	{"$a -join ','", "(sb (pipe (-join $a s\",\")))"},
	{"'{0}' -f 1", "(sb (pipe (-f s\"{0}\" 1)))"},
	{"$a -band 1 -eq 1", "(sb (pipe (-band $a (-eq 1 1))))"},
	{"$x -is [int]", "(sb (pipe (-is $x [int])))"},
	{"$x -as [string]", "(sb (pipe (-as $x [string])))"},
	{"$a -ieq $b", "(sb (pipe (-ieq $a $b)))"},
	{"$a -CEQ $b", "(sb (pipe (-ceq $a $b)))"},
	{"$a –eq $b", "(sb (pipe (-eq $a $b)))"},
	{"$a -notlike '*x*'", "(sb (pipe (-notlike $a s\"*x*\")))"},
	{"$a -replace 'a','b'", "(sb (pipe (-replace $a (array s\"a\" s\"b\"))))"},
	{"$a ?? $b ?? $c", "(sb (pipe (?? (?? $a $b) $c)))"},
	{"$a ?? 1 -eq 1", "(sb (pipe (-eq (?? $a 1) 1)))"},
	{"$c ? 1 : 2", "(sb (pipe (? $c 1 2)))"},
	{"$c ? ($d ? 1 : 2) : 3", "(sb (pipe (? $c (paren (pipe (? $d 1 2))) 3)))"},
	{"$a +\n 2", "(sb (pipe (+ $a 2)))"},
	{"$a = 5", "(sb (= $a (pipe 5)))"},
	{"$a = $b = 5", "(sb (= $a (= $b (pipe 5))))"},
	{"$a, $b = 1, 2", "(sb (= (array $a $b) (pipe (array 1 2))))"},
	{"$a, $b = $b, $a", "(sb (= (array $a $b) (pipe (array $b $a))))"},
	{"$x++", "(sb (pipe (post++ $x)))"},
	{"++$x", "(sb (pipe (++ $x)))"},
	{"$x--", "(sb (pipe (post-- $x)))"},
	{"--$x", "(sb (pipe (-- $x)))"},
	{"$x.y += 1", "(sb (+= (. $x b\"y\") (pipe 1)))"},
	{"$h['k'] = 1", "(sb (= (index $h s\"k\") (pipe 1)))"},
	{"[int]$x = '5'", "(sb (= (cast [int] $x) (pipe s\"5\")))"},
	{"$a ??= 5", "(sb (??= $a (pipe 5)))"},
	{"$x = Get-Date", "(sb (= $x (pipe (cmd b\"Get-Date\"))))"},
	{"$x = if ($y) { 1 } else { 2 }", "(sb (= $x (if (clause (pipe $y) (block (pipe 1))) (else (pipe 2)))))"},
	{"$x -= 1; $y *= 2; $z /= 3; $w %= 4", "(sb (-= $x (pipe 1)) (*= $y (pipe 2)) (/= $z (pipe 3)) (%= $w (pipe 4)))"},
	{"if ($a) { 1 }", "(sb (if (clause (pipe $a) (block (pipe 1)))))"},
	{"if ($a) { 1 } else { 2 }", "(sb (if (clause (pipe $a) (block (pipe 1))) (else (pipe 2))))"},
	{"if ($a) { 1 }\nelseif ($b) { 2 }\nelse { 3 }", "(sb (if (clause (pipe $a) (block (pipe 1))) (clause (pipe $b) (block (pipe 2))) (else (pipe 3))))"},
	{"foreach ($x in $list) { $x }", "(sb (foreach $x (pipe $list) (block (pipe $x))))"},
	{"foreach ($x in 1..3) { }", "(sb (foreach $x (pipe (.. 1 3)) (block)))"},
	{"for (;;) { break }", "(sb (for nil nil nil (block (break))))"},
	{"for ($i = 0; $i -lt 3; $i++) { $i }", "(sb (for (= $i (pipe 0)) (pipe (-lt $i 3)) (pipe (post++ $i)) (block (pipe $i))))"},
	{"while ($true) { continue }", "(sb (while (pipe $true) (block (continue))))"},
	{"do { $i++ } while ($i -lt 3)", "(sb (do (block (pipe (post++ $i))) while (pipe (-lt $i 3))))"},
	{"do { $i++ } until ($i -ge 3)", "(sb (do (block (pipe (post++ $i))) until (pipe (-ge $i 3))))"},
	{":outer foreach ($a in $b) { break outer }", "(sb (foreach :outer $a (pipe $b) (block (break b\"outer\"))))"},
	{":lbl while (1) { continue lbl }", "(sb (while :lbl (pipe 1) (block (continue b\"lbl\"))))"},
	{"switch ($x) { 1 { 'one' } default { 'other' } }", "(sb (switch (pipe $x) (case 1 (block (pipe s\"one\"))) (default (pipe s\"other\"))))"},
	{"switch -Regex -CaseSensitive ($x) { '^a' { 1 } }", "(sb (switch -regex -casesensitive (pipe $x) (case s\"^a\" (block (pipe 1)))))"},
	{"switch -Wildcard -Exact ($x) { a* { 1 } }", "(sb (switch -wildcard -exact (pipe $x) (case b\"a*\" (block (pipe 1)))))"},
	{"switch -File log.txt { x { 1 } }", "(sb (switch -file (pipe b\"log.txt\") (case b\"x\" (block (pipe 1)))))"},
	{"switch ($x) { {$_ -gt 5} { 'big' } }", "(sb (switch (pipe $x) (case (sb (pipe (-gt $_ 5))) (block (pipe s\"big\")))))"},
	{"break", "(sb (break))"},
	{"continue", "(sb (continue))"},
	{"return", "(sb (return))"},
	{"return 5", "(sb (return (pipe 5)))"},
	{"return $a | Sort-Object", "(sb (return (pipe $a (cmd b\"Sort-Object\"))))"},
	{"exit 1", "(sb (exit (pipe 1)))"},
	{"throw \"boom\"", "(sb (throw (pipe d\"boom\")))"},
	{"throw", "(sb (throw))"},
	{"try { 1 } catch { 2 }", "(sb (try (block (pipe 1)) (catch (block (pipe 2)))))"},
	{"try { 1 } finally { 2 }", "(sb (try (block (pipe 1)) (finally (pipe 2))))"},
	{"try { 1 } catch [System.Exception], [Other] { 2 } finally { 3 }", "(sb (try (block (pipe 1)) (catch [System.Exception] [Other] (block (pipe 2))) (finally (pipe 3))))"},
	{"try { 1 }\ncatch [IOException] { 2 }\ncatch { 3 }", "(sb (try (block (pipe 1)) (catch [IOException] (block (pipe 2))) (catch (block (pipe 3)))))"},
	{"trap { continue }", "(sb (trap (block (continue))))"},
	{"trap [System.Exception] { break }", "(sb (trap [System.Exception] (block (break))))"},
	{"function f { 1 }", "(sb (function f (sb (pipe 1))))"},
	{"function Verb-Noun { param($a) $a }", "(sb (function Verb-Noun (sb (paramblock (p $a)) (pipe $a))))"},
	{"function f($a, [int]$b = 2) { $a + $b }", "(sb (function f (params (p $a) (p $b [int] = 2)) (sb (pipe (+ $a $b)))))"},
	{"function global:Foo { }", "(sb (function global:Foo (sb)))"},
	{"function a.b { }", "(sb (function a.b (sb)))"},
	{"filter Double { $_ * 2 }", "(sb (filter Double (sb (pipe (* $_ 2)))))"},
	{"function f {\n [CmdletBinding(SupportsShouldProcess)]\n param(\n  [Parameter(Mandatory, Position=0, ValueFromPipeline=$true)]\n  [ValidateSet('a','b')]\n  [string]$Name,\n  [switch]$Force\n )\n begin { 1 }\n process { 2 }\n end { 3 }\n}", "(sb (function f (sb (attr CmdletBinding SupportsShouldProcess) (paramblock (p $Name (attr Parameter Mandatory Position=0 ValueFromPipeline=$true) (attr ValidateSet s\"a\" s\"b\") [string]) (p $Force [switch])) (begin (pipe 1)) (process (pipe 2)) (end (pipe 3)))))"},
	{"param([string[]]$Path = @(), [ValidateRange(1,10)][int]$N = 5)", "(sb (paramblock (p $Path [string[]] = (@)) (p $N (attr ValidateRange 1 10) [int] = 5)))"},
	{"[CmdletBinding()]\nparam($a)\n$a", "(sb (attr CmdletBinding) (paramblock (p $a)) (pipe $a))"},
	{"function f { [OutputType([string])] param([Alias('x')][ValidateNotNullOrEmpty()]$y = $(Get-Date)) }", "(sb (function f (sb (attr OutputType [string]) (paramblock (p $y (attr Alias s\"x\") (attr ValidateNotNullOrEmpty) = ($ (pipe (cmd b\"Get-Date\"))))))))"},
	{"data msgs { 'hello' }", "(sb (data msgs (block (pipe s\"hello\"))))"},
	{"$x = 1 # comment", "(sb (= $x (pipe 1)))"},
	{"<# block #> $x", "(sb (pipe $x))"},
	{"Get-Foo `\n -Bar 1", "(sb (pipe (cmd b\"Get-Foo\" (param Bar) 1)))"},
	{"$a = 1,\n 2", "(sb (= $a (pipe (array 1 2))))"},
	{"1; 2; 3", "(sb (pipe 1) (pipe 2) (pipe 3))"},
	{"$x.Where({ $_ -gt 1 })", "(sb (pipe (call. $x b\"Where\" (sb (pipe (-gt $_ 1))))))"},
	{"Get-Foo -Name:'a b'", "(sb (pipe (cmd b\"Get-Foo\" (param Name: s\"a b\"))))"},
	{"Get-Foo -x:5", "(sb (pipe (cmd b\"Get-Foo\" (param x: 5))))"},
	{"Get-Foo (Get-Bar).Name", "(sb (pipe (cmd b\"Get-Foo\" (. (paren (pipe (cmd b\"Get-Bar\"))) b\"Name\"))))"},
	{"Get-Foo \"$a\".Length", "(sb (pipe (cmd b\"Get-Foo\" (. (expand d $a) b\"Length\"))))"},
	{"$x = [int[]](1,2)", "(sb (= $x (pipe (cast [int[]] (paren (pipe (array 1 2)))))))"},
	{"$env:X = 'y'", "(sb (= $env:X (pipe s\"y\")))"},
	{"${env:X}", "(sb (pipe $env:X))"},
	{"Get-Foo -- -Bar", "(sb (pipe (cmd b\"Get-Foo\" b\"-Bar\")))"},
	{"echo $x-y", "(sb (pipe (cmd b\"echo\" (expand b $x b\"-y\"))))"},
	{"echo $HOME/foo", "(sb (pipe (cmd b\"echo\" (expand b $HOME b\"/foo\"))))"},
}

func TestParse(t *testing.T) {
	for _, c := range parserCases {
		sb, err := Parse(&Source{Text: c.in})
		if err != nil {
			t.Errorf("%q: unexpected error %v", c.in, err)
			continue
		}
		if got := Dump(sb); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// TestNumberValues checks the Go types and values of numeric literals.
func TestNumberValues(t *testing.T) {
	cases := []struct {
		in   string
		want any
	}{
		{"5", int32(5)}, {"-5", int32(-5)}, {"2147483648", int64(2147483648)},
		{"1kb", int32(1024)}, {"1KB", int32(1024)}, {"1.5mb", float64(1.5 * 1024 * 1024)},
		{"0x1F", int32(31)}, {"0xFFFFFFFF", int32(-1)}, {"5l", int64(5)},
		{"1e3", float64(1000)}, {".5", 0.5}, {"5d", DecimalLiteral("5")},
		{"1.50d", DecimalLiteral("1.50")}, {"2gb", int64(2 << 30)},
		{"-2147483648", int32(-2147483648)}, {"99999999999999999999", 1e20},
	}
	for _, c := range cases {
		sb, err := Parse(&Source{Text: c.in})
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		ce := sb.End.Statements[0].(*Pipeline).Elements[0].(*CommandExpr)
		n, ok := ce.Expr.(*NumberExpr)
		if !ok {
			t.Errorf("%q: not a number: %s", c.in, Dump(ce.Expr))
			continue
		}
		if n.Value != c.want {
			t.Errorf("%q: got %T(%v), want %T(%v)", c.in, n.Value, n.Value, c.want, c.want)
		}
	}
}

// TestStringValues checks processed string values.
func TestStringValues(t *testing.T) {
	cases := []struct{ in, want string }{
		{"'it''s'", "it's"},
		{"\"a\"\"b\"", "a\"b"},
		{"\"`t`n`r`0`a`b`e`f`v`'`\"``\"", "\t\n\r\x00\a\b\x1b\f\v'\"`"},
		{"\"`$x\"", "$x"},
		{"\"`u{41}`u{1F600}\"", "A\U0001F600"},
		{"@'\r\nline1\r\nline2\r\n'@", "line1\r\nline2"},
		{"@\"\n  a \"quoted\" ''\n\"@", "  a \"quoted\" ''"},
		{"\u2018x\u2019", "x"},
		{"\u201cx\u201d", "x"},
		{"\"cost: $ 5\"", "cost: $ 5"},
	}
	for _, c := range cases {
		sb, err := Parse(&Source{Text: c.in})
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		ce := sb.End.Statements[0].(*Pipeline).Elements[0].(*CommandExpr)
		s, ok := ce.Expr.(*StringConstant)
		if !ok {
			t.Errorf("%q: not a constant: %s", c.in, Dump(ce.Expr))
			continue
		}
		if s.Value != c.want {
			t.Errorf("%q: got %q, want %q", c.in, s.Value, c.want)
		}
	}
}

// TestRequiresAndHelp checks #Requires collection and comment-based help.
func TestRequiresAndHelp(t *testing.T) {
	src := "<#\n.SYNOPSIS\nScript help.\n#>\n#Requires -Modules Foo\nparam($x)\n\n\n" +
		"# .SYNOPSIS\n# Before help.\nfunction A { 1 }\n" +
		"function B {\n    <#\n    .DESCRIPTION\n    Inside.\n    #>\n    2\n}\n" +
		"function C {\n    3\n    <#\n    .NOTES\n    At end.\n    #>\n}\n" +
		"function D { 4 }\n#requires -Version 7\n"
	sb, err := Parse(&Source{Text: src})
	if err != nil {
		t.Fatal(err)
	}
	if len(sb.Requires) != 2 || sb.Requires[0].Text != "-Modules Foo" || sb.Requires[1].Text != "-Version 7" {
		t.Errorf("requires: %+v", sb.Requires)
	}
	if sb.HelpText != "\n.SYNOPSIS\nScript help.\n" {
		t.Errorf("script help %q", sb.HelpText)
	}
	want := map[string]string{
		"A": " .SYNOPSIS\n Before help.",
		"B": "\n    .DESCRIPTION\n    Inside.\n    ",
		"C": "\n    .NOTES\n    At end.\n    ",
		"D": "",
	}
	for _, st := range sb.End.Statements {
		fd, ok := st.(*FunctionDef)
		if !ok {
			continue
		}
		if fd.Body.HelpText != want[fd.Name] {
			t.Errorf("help of %s: %q, want %q", fd.Name, fd.Body.HelpText, want[fd.Name])
		}
		if fd.Body.Source == nil {
			t.Errorf("function %s body has no Source", fd.Name)
		}
	}
}

// TestTokenize checks token classification for tab completion.
func TestTokenize(t *testing.T) {
	toks := Tokenize("Get-Item -Path $x.Name 'a' \"b\" # c\n")
	var kinds []TokenKind
	for _, tk := range toks {
		kinds = append(kinds, tk.Kind)
	}
	want := []TokenKind{TokGeneric, TokParameter, TokVariable, TokDot, TokMember, TokStringLiteral, TokStringExpandable, TokComment, TokNewLine, TokEOF}
	if len(kinds) != len(want) {
		t.Fatalf("kinds %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Fatalf("kinds %v, want %v", kinds, want)
		}
	}
	un := Tokenize("echo \"abc")
	if k := un[len(un)-2]; k.Kind != TokStringExpandable || !k.Unterminated {
		t.Errorf("unterminated string token: %+v", k)
	}
	kw := Tokenize("if ($a) { foreach ($b in $c) {} }")
	if kw[0].Kind != TokKeyword {
		t.Errorf("if: %v", kw[0].Kind)
	}
}

// TestDeepNesting checks that hostile nesting neither crashes nor hangs.
func TestDeepNesting(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("(", 5000), strings.Repeat("{", 5000), strings.Repeat("@(", 3000),
		strings.Repeat("\"$(", 2000), strings.Repeat("[", 5000), strings.Repeat("-", 5000) + "1",
		strings.Repeat("$a.", 5000), strings.Repeat("!", 5000), strings.Repeat("@{a=", 3000),
	} {
		_, err := Parse(&Source{Text: s})
		if err == nil {
			t.Errorf("no error for %.20q...", s)
		}
	}
}
