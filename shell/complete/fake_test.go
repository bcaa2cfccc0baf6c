package complete

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/value"
)

// fakeSource is a Source with a small tenant-like command set.
type fakeSource struct {
	cmds    map[string]*binding.Meta // lower-case canonical name → meta
	list    []Command
	aliases map[string]string
	vars    []Variable
	env     []string
	loc     string
	home    string
	topics  []Topic
	// outputs are the commands' output types: name and sample, by
	// lower-case command name.
	outputs map[string]fakeOutput
	history []HistoryEntry
}

// fakeOutput is a command's declared output type.
type fakeOutput struct {
	name   string
	sample func() any
}

func (f *fakeSource) Commands() []Command { return f.list }
func (f *fakeSource) CommandMeta(name string) *binding.Meta {
	n := strings.ToLower(name)
	if t, ok := f.aliases[n]; ok {
		n = strings.ToLower(t)
	}
	return f.cmds[n]
}
func (f *fakeSource) HelpTopics() []Topic   { return f.topics }
func (f *fakeSource) Variables() []Variable { return f.vars }
func (f *fakeSource) Variable(name string) (any, bool) {
	if i := strings.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	for _, v := range f.vars {
		if strings.EqualFold(v.Name, name) {
			return v.Value, true
		}
	}
	return nil, false
}
func (f *fakeSource) Environment() []string                     { return f.env }
func (f *fakeSource) Location() string                          { return f.loc }
func (f *fakeSource) HomeDir() string                           { return f.home }
func (f *fakeSource) ReadDir(dir string) ([]fs.DirEntry, error) { return os.ReadDir(dir) }
func (f *fakeSource) History() []HistoryEntry                   { return f.history }
func (f *fakeSource) OutputType(command string) (string, any, bool) {
	n := strings.ToLower(command)
	if t, ok := f.aliases[n]; ok {
		n = strings.ToLower(t)
	}
	o, ok := f.outputs[n]
	if !ok {
		return "", nil, false
	}
	return o.name, o.sample(), true
}

func (f *fakeSource) addCmdlet(name, synopsis string, m *binding.Meta) {
	m.Name, m.CmdletBinding = name, true
	f.cmds[strings.ToLower(name)] = m
	f.list = append(f.list, Command{Name: name, Kind: KindCmdlet, Synopsis: synopsis})
}

func (f *fakeSource) addAlias(alias, target string) {
	f.aliases[strings.ToLower(alias)] = target
	f.list = append(f.list, Command{Name: alias, Kind: KindAlias, Target: target})
}

// tenantUsers are the fake tenant's users: UPN and display name.
var tenantUsers = [][2]string{
	{"amos.marble@contoso.com", "Amos Marble"},
	{"adele.vance@contoso.com", "Adele Vance"},
	{"alex.wilber@contoso.com", "Alex Wilber"},
	{"megan.bowen@contoso.com", "Megan Bowen"},
	{"o'brien@contoso.com", "Pat O'Brien"},
}

// identityHook completes -Identity as the tenant cmdlets do: UPNs and
// display names one of whose words starts with the prefix.
func identityHook(prefix string) []string {
	var out []string
	p := strings.ToLower(prefix)
	for _, u := range tenantUsers {
		if strings.HasPrefix(u[0], p) {
			out = append(out, u[0])
		}
	}
	for _, u := range tenantUsers {
		for _, w := range append([]string{u[1]}, strings.Fields(u[1])...) {
			if strings.HasPrefix(strings.ToLower(w), p) {
				out = append(out, u[1])
				break
			}
		}
	}
	return out
}

func listHook(vals ...string) func(string) []string {
	return func(prefix string) []string {
		var out []string
		for _, v := range vals {
			if hasPrefixFold(v, prefix) {
				out = append(out, v)
			}
		}
		return out
	}
}

func pos(n int) []binding.ParamSet { return []binding.ParamSet{{Name: binding.AllSets, Position: n}} }
func named() []binding.ParamSet    { return []binding.ParamSet{{Name: binding.AllSets, Position: -1}} }
func inSets(position int, names ...string) []binding.ParamSet {
	var out []binding.ParamSet
	for _, n := range names {
		out = append(out, binding.ParamSet{Name: n, Position: position})
	}
	return out
}

// newFake builds the fake session: a location with a few files, a home
// directory, tenant cmdlets with Complete hooks, core cmdlets, a plain
// function, aliases, variables and an environment.
func newFake(t testing.TB) *fakeSource {
	t.Helper()
	loc, home := t.TempDir(), t.TempDir()
	for _, d := range []string{"data", "My Documents", "scripts", ".git"} {
		if err := os.MkdirAll(filepath.Join(loc, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"script.ps1", "setup.ps1", "notes.txt", "a b.txt", ".hidden", "data/users.csv", "data/bridges.csv", "scripts/Run Me.ps1"} {
		if err := os.WriteFile(filepath.Join(loc, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(home, "Documents"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "profile.ps1"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	f := &fakeSource{cmds: map[string]*binding.Meta{}, aliases: map[string]string{}, loc: loc, home: home}
	identity := &binding.ParamInfo{Name: "Identity", Type: "UserIdParameter", Sets: pos(0), Help: "Specifies the user. You can use the UPN, SIP address or display name.", Complete: identityHook}
	f.addCmdlet("Get-CsOnlineDialInConferencingUser", "Gets the audio-conferencing settings of users.", &binding.Meta{Params: []*binding.ParamInfo{
		identity,
		{Name: "ResultSize", Type: "Int32", Sets: named(), Help: "Limits the number of users returned."},
	}})
	f.addCmdlet("Set-CsOnlineDialInConferencingUser", "Changes a user's audio-conferencing settings.", &binding.Meta{SupportsShouldProcess: true, Params: []*binding.ParamInfo{
		{Name: "Identity", Type: "UserIdParameter", Sets: []binding.ParamSet{{Name: binding.AllSets, Position: 0, Mandatory: true}}, Help: "Specifies the user.", Complete: identityHook},
		{Name: "BridgeName", Type: "String", Sets: named(), Help: "Specifies the bridge.", Complete: listHook("Conference Bridge", "Contoso Bridge", "Europe")},
		{Name: "ServiceNumber", Type: "String", Sets: named(), Help: "Specifies the default service number.", Complete: listHook("14255550100", "14255550101", "442079460000")},
		{Name: "TollFreeServiceNumber", Type: "String", Sets: named(), Help: "Specifies the toll-free number.", Complete: listHook("18005550100")},
		{Name: "AllowTollFreeDialIn", Type: "Boolean", Sets: named(), Help: "Allows toll-free dial-in."},
		{Name: "SendEmail", Type: "SwitchParameter", Sets: named(), Help: "Sends the user an email."},
		{Name: "ResetLeaderPin", Type: "SwitchParameter", Sets: named(), Help: "Resets the PIN."},
	}})
	f.addCmdlet("Get-CsOnlineDialInConferencingBridge", "Gets the audio-conferencing bridges.", &binding.Meta{Params: []*binding.ParamInfo{
		{Name: "Name", Type: "String", Sets: pos(0), Complete: listHook("Conference Bridge", "Contoso Bridge", "Europe")},
	}})
	f.addCmdlet("Grant-CsDialoutPolicy", "Assigns a dial-out policy.", &binding.Meta{SupportsShouldProcess: true, Params: []*binding.ParamInfo{
		{Name: "Identity", Type: "UserIdParameter", Sets: pos(0), Complete: identityHook},
		{Name: "PolicyName", Type: "String", Sets: pos(1), Complete: listHook("DialoutCPCandPSTNDisabled", "DialoutCPCDisabled", "DialoutCPCInternational")},
	}})
	f.addCmdlet("Get-Thing", "Gets things by name or id.", &binding.Meta{DefaultSet: "ByName", Params: []*binding.ParamInfo{
		{Name: "Name", Type: "String", Sets: inSets(0, "ByName"), Help: "The name.", Complete: listHook("alpha", "beta")},
		{Name: "Id", Type: "Int32", Sets: inSets(0, "ById"), Help: "The id."},
		{Name: "Tag", Type: "String", Sets: inSets(-1, "ByName"), Help: "Only in ByName."},
		{Name: "Serial", Type: "Int64", Sets: inSets(-1, "ById"), Help: "Only in ById."},
		{Name: "Kind", Type: "String", Sets: named(), ValidateSet: []string{"Alpha", "Beta", "Gamma Ray"}, Help: "The kind."},
		{Name: "Force", Type: "SwitchParameter", Sets: named(), Aliases: []string{"f"}},
	}})
	f.addCmdlet("Get-ChildItem", "Gets the items in a location.", &binding.Meta{Params: []*binding.ParamInfo{
		{Name: "Path", Type: "String[]", Sets: pos(0)},
		{Name: "Filter", Type: "String", Sets: pos(1)},
		{Name: "LiteralPath", Type: "String[]", Sets: named(), Aliases: []string{"PSPath", "LP"}},
		{Name: "Recurse", Type: "SwitchParameter", Sets: named()},
	}})
	f.addCmdlet("Get-Content", "Gets the content of a file.", &binding.Meta{Params: []*binding.ParamInfo{
		{Name: "Path", Type: "String[]", Sets: pos(0)}, {Name: "TotalCount", Type: "Int64", Sets: named()},
	}})
	f.addCmdlet("Import-Csv", "Reads a CSV file.", &binding.Meta{Params: []*binding.ParamInfo{
		{Name: "Path", Type: "String[]", Sets: pos(0)}, {Name: "Delimiter", Type: "Char", Sets: pos(1)},
	}})
	f.addCmdlet("Set-Location", "Sets the current location.", &binding.Meta{Params: []*binding.ParamInfo{{Name: "Path", Type: "String", Sets: pos(0)}}})
	f.addCmdlet("Get-Help", "Displays help.", &binding.Meta{Params: []*binding.ParamInfo{
		{Name: "Name", Type: "String", Sets: pos(0)}, {Name: "Full", Type: "SwitchParameter", Sets: named()},
	}})
	f.addCmdlet("Write-Host", "Writes to the host.", &binding.Meta{Params: []*binding.ParamInfo{
		{Name: "Object", Type: "Object", Sets: []binding.ParamSet{{Name: binding.AllSets, Position: 0, FromRemainingArgs: true}}},
		{Name: "ForegroundColor", Type: "ConsoleColor", Sets: named()},
		{Name: "NoNewline", Type: "SwitchParameter", Sets: named()},
	}})
	f.addCmdlet("Sort-Object", "Sorts objects.", &binding.Meta{Params: []*binding.ParamInfo{
		{Name: "Property", Type: "Object[]", Sets: pos(0)}, {Name: "Descending", Type: "SwitchParameter", Sets: named()},
	}})
	f.addCmdlet("ForEach-Object", "Runs a script block for each object.", &binding.Meta{Params: []*binding.ParamInfo{
		{Name: "Process", Type: "ScriptBlock[]", Sets: pos(0)},
	}})
	f.cmds["get-greeting"] = &binding.Meta{Name: "Get-Greeting", Params: []*binding.ParamInfo{
		{Name: "Name", Type: "String", Sets: named()}, {Name: "Loud", Type: "SwitchParameter", Sets: named()},
		{Name: "Mood", Type: "String", Sets: named(), ValidateSet: []string{"Happy", "Sad"}},
	}}
	f.list = append(f.list, Command{Name: "Get-Greeting", Kind: KindFunction, Synopsis: "Says hello."})
	for _, a := range [][2]string{{"gci", "Get-ChildItem"}, {"ls", "Get-ChildItem"}, {"cd", "Set-Location"},
		{"help", "Get-Help"}, {"%", "ForEach-Object"}, {"sort", "Sort-Object"}, {"gc", "Get-Content"}} {
		f.addAlias(a[0], a[1])
	}
	conf := value.NewObject("Conferencing")
	conf.Set("BridgeName", "Conference Bridge")
	conf.Set("ConferenceId", "1234567")
	user := value.NewObject("User")
	user.Set("DisplayName", "Amos Marble")
	user.Set("UserPrincipalName", "amos.marble@contoso.com")
	user.Set("Conferencing", conf)
	ht := value.NewHashtable()
	ht.Set("Name", "x")
	ht.Set("my key", int32(1))
	f.vars = []Variable{
		{Name: "user", Value: user}, {Name: "users", Value: []any{user}}, {Name: "ht", Value: ht},
		{Name: "name", Value: "Amos"}, {Name: "count", Value: int32(3)}, {Name: "ErrorActionPreference", Value: "Continue"},
		{Name: "my-var", Value: "x"},
	}
	f.env = []string{"HOME", "PATH", "CSSHELL_DB", "TERM", "HOSTNAME"}
	f.topics = []Topic{{Name: "about_csshell", Synopsis: "Describes csshell."}, {Name: "about_Wildcards", Synopsis: "Wildcards."}, {Name: "about_CommonParameters", Synopsis: "Common parameters."}}
	return f
}
