package teams

import (
	"fmt"
	"slices"
	"sync"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// psSessionType is the type of the session objects New-CsOnlineSession
// returns.
const psSessionType = "System.Management.Automation.Runspaces.PSSession"

// psSessionProps are the columns of the PSSession table view.
var psSessionProps = []string{"Id", "Name", "ComputerName", "ComputerType", "State", "ConfigurationName", "Availability"}

// sessionTable holds a runtime's remote sessions: the legacy
// `$s = New-CsOnlineSession; Import-PSSession $s` pattern.
type sessionTable struct {
	mu       sync.Mutex
	next     int
	sessions []*value.Object
	accounts map[int]string // session id → the account it authenticated
	imported int            // id of the session whose commands are imported, 0 for none
}

// registerLegacySession adds New-CsOnlineSession, Import-PSSession,
// Get-PSSession and Remove-PSSession.
func registerLegacySession(rt *engine.Runtime, t *Tenant) {
	st := &sessionTable{accounts: map[int]string{}}
	p := &newSessionParams{
		credential:          engine.Declare[any](&engine.ParamInfo{Name: "Credential", Type: "PSObject", Sensitive: true, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}}}),
		userName:            engine.Declare[string](engine.WithCompleter(engine.NamedParam("UserName", "String", ""), t.CompleteUsers)),
		overrideAdminDomain: engine.Declare[string](engine.NamedParam("OverrideAdminDomain", "String", "")),
		oauthAccessToken:    engine.Declare[any](engine.Secret(engine.NamedParam("OAuthAccessToken", "String", ""))),
	}
	rt.Register(&engine.Cmdlet{
		Name: "New-CsOnlineSession", Module: "SkypeOnlineConnector",
		ClassName: "Microsoft.Rtc.Management.OnlineConnector.NewCsOnlineSession",
		Params: []*engine.ParamInfo{p.credential.Info(), p.userName.Info(), p.overrideAdminDomain.Info(),
			engine.NamedParam("OverrideDiscoveryUri", "Uri", ""),
			engine.NamedParam("OverridePowershellUri", "Uri", ""),
			p.oauthAccessToken.Info(),
			engine.NamedParam("SessionOption", "PSObject", ""),
		},
		Outputs: []string{psSessionType},
		New:     engine.ProcessOnly(func(c *engine.Call) error { return newOnlineSession(c, t, st, p) }),
	})
	importFrom := engine.Declare[any](&engine.ParamInfo{Name: "Session", Type: "PSObject", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true}},
		Help: "Specifies the PSSession from which the cmdlets are imported."})
	rt.Register(&engine.Cmdlet{
		Name: "Import-PSSession", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Imports commands from another session into the current session.",
		Description: "For a session made by New-CsOnlineSession, signs the shell in as the session's account; the " +
			"Skype for Business Online cmdlets are already built in.",
		Params: []*engine.ParamInfo{
			importFrom.Info(),
			{Name: "CommandName", Type: "String[]", Aliases: []string{"Name"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 2}},
				Help: "Imports only the commands with the specified names or name patterns."},
			{Name: "FormatTypeName", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 3}},
				Help: "Imports formatting instructions for the specified Microsoft .NET Framework types."},
			engine.NamedParam("AllowClobber", "SwitchParameter", "Indicates that this cmdlet imports the specified commands, even if they have the same names as commands in the current session."),
			engine.NamedParam("Prefix", "String", "Specifies a prefix to the nouns in the names of imported commands."),
			engine.NamedParam("DisableNameChecking", "SwitchParameter", "Suppresses the unapproved-verb warning."),
			engine.NamedParam("Module", "String[]", "Imports only the commands in the specified snap-ins and modules."),
			engine.NamedParam("ArgumentList", "Object[]", "Imports the variant of the command that results from using the specified arguments.", "Args"),
			engine.NamedParam("CommandType", "String", "Imports only the specified types of command objects.", "Type"),
			engine.NamedParam("Certificate", "PSObject", "Specifies the client certificate that is used to sign the format files."),
		},
		Outputs: []string{"System.Management.Automation.PSModuleInfo"},
		New:     engine.ProcessOnly(func(c *engine.Call) error { return importSession(c, t, st, importFrom) }),
	})
	get := sessionFilter{
		name: engine.Declare[[]string](&engine.ParamInfo{Name: "Name", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}}, Help: "Gets only the sessions that have the specified friendly names."}),
		id:   engine.Declare[any](engine.NamedParam("Id", "Int32[]", "Gets only the sessions with the specified IDs.")),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Get-PSSession", Module: "Microsoft.PowerShell.Core",
		Synopsis: "Gets the PowerShell sessions on local and remote computers.",
		Params:   []*engine.ParamInfo{get.name.Info(), get.id.Info()},
		Outputs:  []string{psSessionType},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			for _, s := range st.list(get.name.Get(c), get.id.Get(c)) {
				if err := c.WriteObject(s); err != nil {
					return err
				}
			}
			return nil
		}),
	})
	remove := &removeSessionParams{
		session: engine.Declare[any](&engine.ParamInfo{Name: "Session", Type: "PSObject[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipeline: true}}, Help: "Specifies the session objects of the PSSessions to close."}),
		sessionFilter: sessionFilter{
			id:   engine.Declare[any](engine.NamedParam("Id", "Int32[]", "Specifies an array of IDs of sessions.")),
			name: engine.Declare[[]string](engine.NamedParam("Name", "String[]", "Specifies an array of friendly names of sessions.")),
		},
	}
	rt.Register(&engine.Cmdlet{
		Name: "Remove-PSSession", Module: "Microsoft.PowerShell.Core",
		Synopsis: "Closes one or more PowerShell sessions (PSSessions).",
		Description: "Closes sessions made by New-CsOnlineSession. Closing the session whose commands were imported signs the " +
			"shell out.",
		SupportsShouldProcess: true,
		Params:                []*engine.ParamInfo{remove.session.Info(), remove.id.Info(), remove.name.Info()},
		New:                   engine.ProcessOnly(func(c *engine.Call) error { return removeSessions(c, t, st, remove) }),
	})
}

// newSessionParams are the parameters New-CsOnlineSession reads.
type newSessionParams struct {
	credential          engine.Param[any]
	userName            engine.Param[string]
	overrideAdminDomain engine.Param[string]
	oauthAccessToken    engine.Param[any]
}

// sessionFilter are the -Name and -Id of Get- and Remove-PSSession.
type sessionFilter struct {
	name engine.Param[[]string]
	id   engine.Param[any]
}

// removeSessionParams are Remove-PSSession's parameters.
type removeSessionParams struct {
	session engine.Param[any]
	sessionFilter
}

// newOnlineSession runs New-CsOnlineSession.
func newOnlineSession(c *engine.Call, t *Tenant, st *sessionTable, p *newSessionParams) error {
	if p.oauthAccessToken.Given(c) {
		return engine.NewError("NotImplemented", "AccessTokenNotSupported", nil,
			"Access-token sign-in is not supported offline: use -UserName or -Credential.").
			WithException("System.Management.Automation.PSNotSupportedException")
	}
	user, pw, hasPW := credentialAccount(c, p.credential, p.userName)
	// Authenticate now; only Import-PSSession signs the shell in.
	_, acct, err := t.authenticate(c, user, pw, hasPW, p.overrideAdminDomain.Get(c))
	if err != nil {
		return err
	}
	st.mu.Lock()
	st.next++
	id := st.next
	o := value.NewObject(psSessionType, "System.Object")
	o.Set("Id", int32(id))
	o.Set("Name", fmt.Sprintf("SfBPowerShellSession_%d", id))
	o.Set("ComputerName", "admin0a.online.lync.com")
	o.Set("ComputerType", "RemoteMachine")
	o.Set("State", "Opened")
	o.Set("ConfigurationName", "Microsoft.PowerShell")
	o.Set("Availability", "Available")
	st.sessions = append(st.sessions, o)
	st.accounts[id] = acct
	st.mu.Unlock()
	return c.WriteObject(o)
}

// sessionID returns the Id of a session object, 0 when v is none.
func sessionID(v any) int {
	id, ok := value.GetMember(v, "Id")
	if !ok {
		return 0
	}
	n, err := value.ConvertTo(id, value.TInt)
	if err != nil {
		return 0
	}
	return int(n.(int32))
}

// importSession runs Import-PSSession: it signs in as the session's
// account and reports the temporary module, as pwsh does.
func importSession(c *engine.Call, t *Tenant, st *sessionTable, session engine.Param[any]) error {
	id := sessionID(session.Get(c))
	st.mu.Lock()
	acct, ok := st.accounts[id]
	st.mu.Unlock()
	if !ok {
		return engine.NewError("InvalidArgument", "InvalidSession", session.Get(c),
			"The session is not a remote session opened by New-CsOnlineSession, or it was closed.").
			WithException("System.ArgumentException")
	}
	t.SetAccount(acct)
	st.mu.Lock()
	st.imported = id
	st.mu.Unlock()
	t.markSessionImported()
	mod := value.NewObject("System.Management.Automation.PSModuleInfo", "System.Object")
	mod.Set("ModuleType", "Script")
	mod.Set("Version", "1.0")
	mod.Set("Name", fmt.Sprintf("tmp_sfbsession_%d", id))
	mod.Set("ExportedCommands", []any{"Get-CsOnlineDialInConferencingUser", "Set-CsOnlineDialInConferencingUser", "..."})
	return c.WriteObject(mod)
}

// list returns the open sessions, filtered by names and ids.
func (st *sessionTable) list(names []string, ids any) []*value.Object {
	st.mu.Lock()
	defer st.mu.Unlock()
	var want []int
	if ids != nil {
		items, ok := value.Enumerate(ids)
		if !ok {
			items = []any{ids}
		}
		for _, it := range items {
			if n, err := value.ConvertTo(it, value.TInt); err == nil {
				want = append(want, int(n.(int32)))
			}
		}
	}
	var out []*value.Object
	for _, s := range st.sessions {
		id := sessionID(s)
		name, _ := s.Get("Name")
		if len(names) > 0 && !value.LikeAny(value.ToString(name), names) {
			continue
		}
		if ids != nil && !slices.Contains(want, id) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// removeSessions runs Remove-PSSession.
func removeSessions(c *engine.Call, t *Tenant, st *sessionTable, p *removeSessionParams) error {
	var victims []*value.Object
	if v, ok := p.session.Lookup(c); ok {
		items, ok := value.Enumerate(v)
		if !ok {
			items = []any{v}
		}
		for _, it := range items {
			victims = append(victims, st.list(nil, int32(sessionID(it)))...)
		}
	}
	if p.id.Given(c) || p.name.Given(c) {
		victims = append(victims, st.list(p.name.Get(c), p.id.Get(c))...)
	}
	for _, s := range victims {
		name, _ := s.Get("Name")
		ok, err := c.ShouldProcess(value.ToString(name), "Remove-PSSession")
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		id := sessionID(s)
		st.mu.Lock()
		for i, x := range st.sessions {
			if x == s {
				st.sessions = append(st.sessions[:i], st.sessions[i+1:]...)
				break
			}
		}
		delete(st.accounts, id)
		wasImported := st.imported == id
		if wasImported {
			st.imported = 0
		}
		st.mu.Unlock()
		s.Set("State", "Closed")
		if wasImported {
			t.SetAccount("")
		}
	}
	return nil
}
