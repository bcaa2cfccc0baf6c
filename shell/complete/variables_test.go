package complete

import "testing"

func TestVariables(t *testing.T) {
	t.Parallel()
	c := New(newFake(t))
	runCases(t, c, []tcase{
		{name: "prefix", in: "$us", span: "$us", want: []string{"$user", "$users"}},
		{name: "case-insensitive", in: "$US", span: "$US", want: []string{"$user", "$users"}},
		{name: "automatic", in: "$tr", span: "$tr", want: []string{"$true"}},
		{name: "automatic and user sorted", in: "$e", span: "$e", want: []string{"$env:", "$Error", "$ErrorActionPreference", "$ExecutionContext"}},
		{name: "pipeline variable", in: "gci | % { $_", span: "$_", want: []string{"$_"}},
		{name: "PSItem", in: "$PSI", span: "$PSI", want: []string{"$PSItem"}},
		{name: "bare dollar", in: "$", span: "$", has: []string{"$user", "$true", "$null", "$PSVersionTable"}},
		{name: "env", in: "$env:HO", span: "$env:HO", want: []string{"$env:HOME", "$env:HOSTNAME"}},
		{name: "env all", in: "$env:", span: "$env:", want: []string{"$env:CSSHELL_DB", "$env:HOME", "$env:HOSTNAME", "$env:PATH", "$env:TERM"}},
		{name: "env case", in: "$ENV:te", span: "$ENV:te", want: []string{"$ENV:TERM"}},
		{name: "script scope kept", in: "$script:us", span: "$script:us", want: []string{"$script:user", "$script:users"}},
		{name: "global scope kept", in: "$global:cou", span: "$global:cou", want: []string{"$global:count"}},
		{name: "braced", in: "${us", span: "${us", want: []string{"${user}", "${users}"}},
		{name: "name needing braces", in: "$my", span: "$my", want: []string{"${my-var}", "$MyInvocation"}},
		{name: "splat", in: "@h", span: "@h", want: []string{"@HOME", "@Host", "@ht"}},
		{name: "argument position", in: "Write-Host $na", span: "$na", want: []string{"$name"}},
		{name: "parameter value position", in: "Get-Thing -Name $na", span: "$na", want: []string{"$name"}},
		{name: "in double quotes", in: "Write-Host \"Hello $na", span: "$na", want: []string{"$name"}},
		{name: "in double quotes env", in: "\"$env:HOM", span: "$env:HOM", want: []string{"$env:HOME"}},
		{name: "escaped dollar in double quotes", in: "\"cost `$na", none: true},
		{name: "in single quotes nothing", in: "Write-Host 'Hello $na", none: true},
		{name: "in subexpression in string", in: "\"$(Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "variable in subexpression in string", in: "\"x $($us", span: "$us", want: []string{"$user", "$users"}},
		{name: "cursor mid-line", in: "$us‸ | gci", span: "$us", want: []string{"$user", "$users"}},
	})
}

func TestMembers(t *testing.T) {
	t.Parallel()
	c := New(newFake(t))
	runCases(t, c, []tcase{
		{name: "object properties", in: "$user.", span: "", first: []string{"Conferencing", "DisplayName", "UserPrincipalName", "Equals(", "GetHashCode()"}},
		{name: "object prefix", in: "$user.Dis", span: "Dis", want: []string{"DisplayName"}},
		{name: "nested object", in: "$user.Conferencing.B", span: "B", want: []string{"BridgeName"}},
		{name: "string member of property", in: "$user.DisplayName.Le", span: "Le", want: []string{"Length"}},
		{name: "string methods", in: "$name.ToU", span: "ToU", want: []string{"ToUpper()", "ToUpperInvariant()"}},
		{name: "string method with args", in: "$name.Repl", span: "Repl", want: []string{"Replace("}},
		{name: "hashtable keys", in: "$ht.", span: "", first: []string{"Count", "IsFixedSize", "IsReadOnly", "IsSynchronized", "Keys", "'my key'", "Name", "Values"}},
		{name: "hashtable key prefix", in: "$ht.na", span: "na", want: []string{"Name"}},
		{name: "array members and element properties", in: "$users.", span: "", has: []string{"Count", "Length", "DisplayName", "Contains("}},
		{name: "array count", in: "$users.Cou", span: "Cou", want: []string{"Count"}},
		{name: "int", in: "$count.", span: "", want: []string{"CompareTo(", "Equals(", "GetHashCode()", "GetType()", "ToString()"}},
		{name: "in script block", in: "gci | % { $user.Dis", span: "Dis", want: []string{"DisplayName"}},
		{name: "as argument", in: "Write-Host $user.Dis", span: "Dis", want: []string{"DisplayName"}},
		{name: "unknown variable", in: "$nope.", none: true},
		{name: "unknown member", in: "$user.Nope.", none: true},
		{name: "not evaluated: call result", in: "(Get-Thing).", none: true},
		{name: "not evaluated: index", in: "$users[0].", none: true},
		{name: "hashtable key position", in: "@{ Na", none: true},
		{name: "cursor mid-line", in: "$user.Dis‸ -eq 'x'", span: "Dis", want: []string{"DisplayName"}},
	})
}
