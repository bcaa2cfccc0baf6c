package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// settingsTypeName is the type of the tenant settings object.
const settingsTypeName = "Microsoft.Rtc.Management.WritableConfig.Settings.OnLineDialInConferencing.OnLineDialInConferencingTenantSettings"

// settingsProps are the settings object's properties in the order of the
// module's format view (SfbRpsModule.format.ps1xml).
var settingsProps = []string{
	"Identity", "AllowedDialOutExternalDomains", "EnableEntryExitNotifications", "EntryExitAnnouncementsType",
	"EnableNameRecording", "IncludeTollFreeNumberInMeetingInvites", "MaskPstnNumbersType", "PinLength",
	"AllowPSTNOnlyMeetingsByDefault", "AutomaticallySendEmailsToUsers", "SendEmailFromOverride",
	"SendEmailFromAddress", "SendEmailFromDisplayName", "AutomaticallyReplaceAcpProvider", "UseUniqueConferenceIds",
	"AutomaticallyMigrateUserMeetings", "MigrateServiceNumbersOnCrossForestMove", "EnableDialOutJoinConfirmation",
	"AllowFederatedUsersToDialOutToSelf", "AllowFederatedUsersToDialOutToThirdParty",
}

// settingsIdentity is the one settings instance's identity.
const settingsIdentity = "Global"

// NullIfEmpty is a string property that shows as $null when empty.
func NullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// settingsObject builds the settings object Get-… returns. Besides the
// view's properties it carries DynamicCallerIdMode, which the live module
// shows but no cmdlet sets ($null here).
func settingsObject(s *storage.Settings) *value.Object {
	o := value.NewObject(settingsTypeName, "System.Object")
	o.Set("Identity", settingsIdentity)
	o.Set("AllowedDialOutExternalDomains", StringArray(s.AllowedDialOutExternalDomains))
	o.Set("EnableEntryExitNotifications", s.EnableEntryExitNotifications)
	o.Set("EntryExitAnnouncementsType", s.EntryExitAnnouncementsType)
	o.Set("EnableNameRecording", s.EnableNameRecording)
	o.Set("IncludeTollFreeNumberInMeetingInvites", s.IncludeTollFreeNumberInMeetingInvites)
	o.Set("MaskPstnNumbersType", s.MaskPstnNumbersType)
	o.Set("PinLength", int32(s.PinLength))
	o.Set("AllowPSTNOnlyMeetingsByDefault", s.AllowPSTNOnlyMeetingsByDefault)
	o.Set("AutomaticallySendEmailsToUsers", s.AutomaticallySendEmailsToUsers)
	o.Set("SendEmailFromOverride", s.SendEmailFromOverride)
	o.Set("SendEmailFromAddress", NullIfEmpty(s.SendEmailFromAddress))
	o.Set("SendEmailFromDisplayName", NullIfEmpty(s.SendEmailFromDisplayName))
	o.Set("AutomaticallyReplaceAcpProvider", s.AutomaticallyReplaceAcpProvider)
	o.Set("UseUniqueConferenceIds", s.UseUniqueConferenceIds)
	o.Set("AutomaticallyMigrateUserMeetings", s.AutomaticallyMigrateUserMeetings)
	o.Set("MigrateServiceNumbersOnCrossForestMove", s.MigrateServiceNumbersOnCrossForestMove)
	o.Set("EnableDialOutJoinConfirmation", s.EnableDialOutJoinConfirmation)
	o.Set("AllowFederatedUsersToDialOutToSelf", s.AllowFederatedUsersToDialOutToSelf)
	o.Set("AllowFederatedUsersToDialOutToThirdParty", s.AllowFederatedUsersToDialOutToThirdParty)
	o.Set("DynamicCallerIdMode", nil)
	return o
}

// xdsParams are the -Identity and -Filter of an XDS getter (sets Identity
// and Filter).
type xdsParams struct {
	identity, filter engine.Param[any]
}

// xdsIdentitySets declares the Identity/Filter parameter sets of the XDS
// getters (settings, configuration, dial-in policies). The help is for a
// cmdlet without a page (help.go); the others pass "".
func xdsIdentitySets(identityHelp, filterHelp string) xdsParams {
	id := engine.ParamInSets("Identity", "XdsIdentity", identityHelp, 1, false, "Identity")
	id.Sets[0].FromPipelineByName = true
	return xdsParams{identity: engine.Declare[any](id), filter: engine.Declare[any](engine.ParamInSets("Filter", "String", filterHelp, -1, false, "Filter"))}
}

// infos are the declarations, -Identity then -Filter.
func (p xdsParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.identity.Info(), p.filter.Info()}
}

// xdsMatch reports whether an XDS instance identity is selected by the
// call's -Identity (exact, case-insensitive; "Tag:" optional when tagged
// is set) or -Filter (wildcards); neither selects everything.
func xdsMatch(c *engine.Call, p xdsParams, identity string, tagged bool) bool {
	if f := p.filter.Get(c); f != nil {
		return value.Like(identity, value.ToString(f), false)
	}
	if id := p.identity.Get(c); id != nil {
		want := strings.TrimSpace(value.ToString(id))
		if strings.EqualFold(want, identity) {
			return true
		}
		return tagged && strings.EqualFold("Tag:"+want, identity)
	}
	return true
}

// xdsWantsOne reports whether the call names one instance by -Identity
// (so finding none is an error rather than an empty result).
func xdsWantsOne(c *engine.Call, p xdsParams) bool {
	return p.identity.Get(c) != nil && !p.filter.Given(c)
}

// getGlobalInstance is the Process of a Get- cmdlet of the tenant's one
// "Global" XDS instance: it loads the instance's data with load in a config
// read and writes obj of it when -Identity/-Filter select "Global" (an
// -Identity that names another instance is a not-found error).
func getGlobalInstance[T any](t *Tenant, p xdsParams, load func(storage.Reader) (T, error), obj func(T) *value.Object) func(*engine.Call) error {
	return func(c *engine.Call) error {
		var data T
		err := t.cfgRead(c, func(r storage.Reader) error {
			var err error
			data, err = load(r)
			return err
		})
		if err != nil {
			return Fail(c, err)
		}
		if !xdsMatch(c, p, settingsIdentity, false) {
			if xdsWantsOne(c, p) {
				return Fail(c, notFound(textOf(p.identity.Get(c))))
			}
			return nil
		}
		return c.WriteObject(obj(data))
	}
}

// registerTenantSettingsCmdlets adds Get-CsOnlineDialInConferencingTenantSettings
// and Get-CsOnlineDialinConferencingTenantConfiguration (Set and Remove
// are in tenant_settings_set.go) and their views.
func registerTenantSettingsCmdlets(rt *engine.Runtime, t *Tenant) {
	cols := make([]format.Column, len(settingsProps))
	for i, p := range settingsProps {
		cols[i] = format.Column{Property: p}
	}
	rt.Formats.Register(format.View{TypeName: settingsTypeName, Kind: format.ListView, Columns: cols})
	rt.Formats.Register(format.View{TypeName: configTypeName, Kind: format.ListView, Columns: []format.Column{
		{Property: "Identity"}, {Property: "Status"}, {Property: "EnableCustomTrunking"}, {Property: "ThirdPartyNumberStatus"}}})

	settings := xdsIdentitySets("", "")
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineDialInConferencingTenantSettings", Module: "MicrosoftTeams",
		DefaultSet: "Identity",
		Params:     cfgParams(settings.infos(), cfgInfra("Tenant", "LocalStore")),
		Outputs:    []string{settingsTypeName},
		OutputType: settingsOutput,
		New:        engine.ProcessOnly(getGlobalInstance(t, settings, storage.Reader.Settings, settingsObject)),
	})

	config := xdsIdentitySets("", "")
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineDialinConferencingTenantConfiguration", Module: "MicrosoftTeams",
		DefaultSet: "Identity",
		Params:     cfgParams(config.infos(), cfgInfra("Tenant", "LocalStore")),
		Outputs:    []string{configTypeName},
		OutputType: configOutput,
		New:        engine.ProcessOnly(getGlobalInstance(t, config, storage.Reader.Tenant, configObject)),
	})
}

// configTypeName is the type of the tenant configuration object.
const configTypeName = "Microsoft.Rtc.Management.WritableConfig.Settings.OnLineDialInConferencing.OnLineDialInConferencingTenantConfiguration"

// configObject builds the tenant configuration object: the conferencing
// status from the tenant, no custom trunking, no third-party numbers.
func configObject(tn *storage.Tenant) *value.Object {
	status := tn.ConferencingStatus
	if status == "" {
		status = "Enabled"
	}
	o := value.NewObject(configTypeName, "System.Object")
	o.Set("Identity", settingsIdentity)
	o.Set("Status", status)
	o.Set("EnableCustomTrunking", false)
	o.Set("ThirdPartyNumberStatus", "Disabled")
	return o
}
