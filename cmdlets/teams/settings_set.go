package teams

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// settingBools are the Boolean settings, by parameter name, with access to
// their field.
var settingBools = []struct {
	name  string
	field func(s *storage.Settings) *bool
}{
	{"EnableEntryExitNotifications", func(s *storage.Settings) *bool { return &s.EnableEntryExitNotifications }},
	{"EnableNameRecording", func(s *storage.Settings) *bool { return &s.EnableNameRecording }},
	{"IncludeTollFreeNumberInMeetingInvites", func(s *storage.Settings) *bool { return &s.IncludeTollFreeNumberInMeetingInvites }},
	{"AllowPSTNOnlyMeetingsByDefault", func(s *storage.Settings) *bool { return &s.AllowPSTNOnlyMeetingsByDefault }},
	{"AutomaticallySendEmailsToUsers", func(s *storage.Settings) *bool { return &s.AutomaticallySendEmailsToUsers }},
	{"SendEmailFromOverride", func(s *storage.Settings) *bool { return &s.SendEmailFromOverride }},
	{"AutomaticallyReplaceAcpProvider", func(s *storage.Settings) *bool { return &s.AutomaticallyReplaceAcpProvider }},
	{"UseUniqueConferenceIds", func(s *storage.Settings) *bool { return &s.UseUniqueConferenceIds }},
	{"AutomaticallyMigrateUserMeetings", func(s *storage.Settings) *bool { return &s.AutomaticallyMigrateUserMeetings }},
	{"MigrateServiceNumbersOnCrossForestMove", func(s *storage.Settings) *bool { return &s.MigrateServiceNumbersOnCrossForestMove }},
	{"EnableDialOutJoinConfirmation", func(s *storage.Settings) *bool { return &s.EnableDialOutJoinConfirmation }},
}

// settingEnums are the enumerated string settings with their values (rule 50).
var settingEnums = []struct {
	name   string
	values []string
	field  func(s *storage.Settings) *string
}{
	{"EntryExitAnnouncementsType", []string{"UseNames", "ToneOnly"}, func(s *storage.Settings) *string { return &s.EntryExitAnnouncementsType }},
	{"MaskPstnNumbersType", []string{"MaskedForExternalUsers", "MaskedForAllUsers", "NoMasking"}, func(s *storage.Settings) *string { return &s.MaskPstnNumbersType }},
	{"AllowFederatedUsersToDialOutToSelf", []string{"No", "Yes", "RequireSameEnterpriseUser"}, func(s *storage.Settings) *string { return &s.AllowFederatedUsersToDialOutToSelf }},
	{"AllowFederatedUsersToDialOutToThirdParty", []string{"No", "Yes", "RequireSameEnterpriseUser"}, func(s *storage.Settings) *string { return &s.AllowFederatedUsersToDialOutToThirdParty }},
}

// emailAddressPattern is the <UserAlias>@<Domain> form (rule 20).
var emailAddressPattern = regexp.MustCompile(`^[^@\s<>"(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$`)

// setSettingsParams are Set-CsOnlineDialInConferencingTenantSettings's own
// parameters (the infrastructure ones are cfgInfra's).
type setSettingsParams struct {
	identity, instance engine.Param[any]
	bools              []engine.Param[bool]   // settingBools', in its order
	enums              []engine.Param[string] // settingEnums', in its order
	pinLength          intParam
	fromAddress        engine.Param[string]
	fromName           engine.Param[string]
	dialOutDomains     engine.Param[any]
}

func newSetSettingsParams() *setSettingsParams {
	id := engine.ParamInSets("Identity", "XdsIdentity", "", 1, false, "Identity")
	id.Sets[0].FromPipelineByName = true
	inst := engine.ParamInSets("Instance", "PSObject", "", -1, false, "Instance")
	inst.Sets[0].FromPipeline = true
	p := &setSettingsParams{identity: engine.Declare[any](id), instance: engine.Declare[any](inst)}
	for _, b := range settingBools {
		p.bools = append(p.bools, engine.Declare[bool](engine.NamedParam(b.name, "Boolean", "")))
	}
	for _, e := range settingEnums {
		info := engine.NamedParam(e.name, "String", "")
		info.ValidateSet = e.values
		p.enums = append(p.enums, engine.Declare[string](info))
	}
	pin := engine.NamedParam("PinLength", "Int32", "")
	pin.ValidateRange = &[2]float64{storage.MinPinLength, storage.MaxPinLength}
	p.pinLength = declareInt(pin)
	p.fromAddress = engine.Declare[string](engine.NamedParam("SendEmailFromAddress", "String", ""))
	p.fromName = engine.Declare[string](engine.NamedParam("SendEmailFromDisplayName", "String", ""))
	p.dialOutDomains = engine.Declare[any](engine.NamedParam("AllowedDialOutExternalDomains", "Object", ""))
	return p
}

// infos is the declaration list, in the module's order.
func (p *setSettingsParams) infos() []*engine.ParamInfo {
	ps := []*engine.ParamInfo{p.identity.Info(), p.instance.Info()}
	for _, b := range p.bools {
		ps = append(ps, b.Info())
	}
	for _, e := range p.enums {
		ps = append(ps, e.Info())
	}
	ps = append(ps, p.pinLength.Info(), p.fromAddress.Info(), p.fromName.Info(), p.dialOutDomains.Info())
	return append(ps, cfgInfra("Tenant", "MsftInternalProcessingMode", "Force", "AsJob")...)
}

// checkSettingsIdentity accepts only the tenant's one instance.
func checkSettingsIdentity(c *engine.Call, identity engine.Param[any]) error {
	v := identity.Get(c)
	if v == nil {
		return nil
	}
	id := strings.TrimSpace(value.ToString(v))
	if strings.EqualFold(id, settingsIdentity) {
		return nil
	}
	return notFound(id)
}

// applyInstance copies the settings of an -Instance object into s.
func applyInstance(s *storage.Settings, inst any) error {
	if id, ok := cfgObjectString(inst, "Identity"); ok && id != "" && !strings.EqualFold(id, settingsIdentity) {
		return notFound(id)
	}
	for _, b := range settingBools {
		if v, ok := value.GetMember(inst, b.name); ok && v != nil {
			*b.field(s) = value.ToBool(v)
		}
	}
	for _, e := range settingEnums {
		if v, ok := cfgObjectString(inst, e.name); ok && v != "" {
			canon, ok := Canonical(v, e.values)
			if !ok {
				return InvalidArgument("InvalidSettingValue", v, "The value \"%s\" of %s is not valid. Valid values are: %s.", v, e.name, strings.Join(e.values, ", "))
			}
			*e.field(s) = canon
		}
	}
	if v, ok := cfgObjectString(inst, "PinLength"); ok && v != "" {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 4 || n > 12 {
			return pinLengthError(v)
		}
		s.PinLength = n
	}
	if v, ok := value.GetMember(inst, "SendEmailFromAddress"); ok {
		s.SendEmailFromAddress = strings.TrimSpace(value.ToString(v))
	}
	if v, ok := value.GetMember(inst, "SendEmailFromDisplayName"); ok {
		s.SendEmailFromDisplayName = strings.TrimSpace(value.ToString(v))
	}
	if v, ok := value.GetMember(inst, "AllowedDialOutExternalDomains"); ok {
		s.AllowedDialOutExternalDomains = StringList(v)
	}
	return nil
}

// pinLengthError is the validation error for a PinLength outside the PIN
// policy's range, worded as the binder's ValidateRange error.
func pinLengthError(v string) *engine.ErrorRecord {
	return engine.NewError("InvalidData", "ParameterArgumentValidationError", v,
		"Cannot validate argument on parameter 'PinLength'. The %s argument is outside the allowed range of %d to %d. Supply an argument that is between %d and %d and then try the command again.",
		v, storage.MinPinLength, storage.MaxPinLength, storage.MinPinLength, storage.MaxPinLength).
		WithException("System.Management.Automation.ParameterBindingValidationException")
}

// Canonical returns the canonical spelling of v among values.
func Canonical(v string, values []string) (string, bool) {
	for _, x := range values {
		if strings.EqualFold(strings.TrimSpace(v), x) {
			return x, true
		}
	}
	return "", false
}

// StringList turns a value (a string, an array, $null) into strings,
// skipping empty ones.
func StringList(v any) []string {
	out := []string{}
	items, ok := value.Enumerate(v)
	if !ok {
		items = []any{v}
	}
	for _, it := range items {
		if s := strings.TrimSpace(value.ToString(it)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// applySettingParams applies the explicit parameters of the call to s.
func applySettingParams(c *engine.Call, p *setSettingsParams, s *storage.Settings) {
	for i, b := range settingBools {
		if v, ok := p.bools[i].Lookup(c); ok {
			*b.field(s) = v
		}
	}
	for i, e := range settingEnums {
		// $null or an unknown value (ValidateSet refuses those) changes nothing.
		if canon, ok := Canonical(p.enums[i].Get(c), e.values); ok {
			*e.field(s) = canon
		}
	}
	s.PinLength = p.pinLength.Or(c, s.PinLength)
	if v, ok := p.fromAddress.Lookup(c); ok {
		s.SendEmailFromAddress = strings.TrimSpace(v)
	}
	if v, ok := p.fromName.Lookup(c); ok {
		s.SendEmailFromDisplayName = strings.TrimSpace(v)
	}
	if v, ok := p.dialOutDomains.Lookup(c); ok {
		s.AllowedDialOutExternalDomains = StringList(v)
	}
}

// validateSettings checks the settings as they would be after the change
// (rules 19, 20, 22).
func validateSettings(s *storage.Settings) error {
	if s.PinLength < storage.MinPinLength || s.PinLength > storage.MaxPinLength {
		return pinLengthError(strconv.Itoa(s.PinLength))
	}
	if err := CheckAddress("SendEmailFromAddress", s.SendEmailFromAddress); err != nil {
		return err
	}
	if err := CheckDisplayName("SendEmailFromDisplayName", s.SendEmailFromDisplayName); err != nil {
		return err
	}
	if a := s.SendEmailFromAddress; a != "" && !emailAddressPattern.MatchString(a) {
		return InvalidArgument("InvalidSendEmailFromAddress", a,
			"The value \"%s\" of SendEmailFromAddress is not a valid email address. Use the form <UserAlias>@<Domain>, for example admin@contoso.com.", a)
	}
	if s.SendEmailFromOverride && (s.SendEmailFromAddress == "" || s.SendEmailFromDisplayName == "") {
		return InvalidOperation("SendEmailFromOverrideRequiresAddress", "SendEmailFromOverride",
			"SendEmailFromOverride cannot be set to True unless SendEmailFromAddress and SendEmailFromDisplayName are both set. Set them in the same command or before.")
	}
	return nil
}

// settingsChanges lists the differences between two settings as audit
// changes, in the view's property order.
func settingsChanges(old, new *storage.Settings) []storage.Change {
	a, b := settingsObject(old), settingsObject(new)
	var changes []storage.Change
	for _, p := range settingsProps {
		x, _ := a.Get(p)
		y, _ := b.Get(p)
		changes = AppendChange(changes, p, settingText(x), settingText(y))
	}
	return changes
}

// settingText is a setting value as an audit string.
func settingText(v any) string {
	if items, ok := value.Enumerate(v); ok {
		s := make([]string, len(items))
		for i, it := range items {
			s[i] = value.ToString(it)
		}
		return ListText(s)
	}
	return value.ToString(v)
}

// copySettings returns a deep copy of s.
func copySettings(s *storage.Settings) *storage.Settings {
	c := *s
	c.AllowedDialOutExternalDomains = append([]string{}, s.AllowedDialOutExternalDomains...)
	return &c
}

// changeSettings is the Process of Set- and
// Remove-CsOnlineDialInConferencingTenantSettings: after the -Identity check
// and ShouldProcess it stores the settings next makes of the current ones
// and audits what changed (nothing is written when nothing changed).
func (t *Tenant) changeSettings(c *engine.Call, identity engine.Param[any], next func(old *storage.Settings) (*storage.Settings, error)) error {
	if err := checkSettingsIdentity(c, identity); err != nil {
		return Fail(c, err)
	}
	if ok, err := c.ShouldProcess(settingsIdentity, c.Cmdlet.Name); err != nil || !ok {
		return err
	}
	return t.Do(c, func(w storage.Writer, admin *storage.User) error {
		return ApplySettingsChange(w, admin, c.Cmdlet.Name, next)
	})
}

// registerTenantSettingsSetCmdlets adds Set- and
// Remove-CsOnlineDialInConferencingTenantSettings.
func registerTenantSettingsSetCmdlets(rt *engine.Runtime, t *Tenant) {
	p := newSetSettingsParams()
	rt.Register(&engine.Cmdlet{
		Name: "Set-CsOnlineDialInConferencingTenantSettings", Module: "MicrosoftTeams",
		DefaultSet: "Identity", SupportsShouldProcess: true, ConfirmImpact: "Medium",
		Params: p.infos(),
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return t.changeSettings(c, p.identity, func(old *storage.Settings) (*storage.Settings, error) {
				s := copySettings(old)
				if inst := p.instance.Get(c); inst != nil {
					if err := applyInstance(s, inst); err != nil {
						return nil, err
					}
				}
				applySettingParams(c, p, s)
				if err := validateSettings(s); err != nil {
					return nil, err
				}
				return s, nil
			})
		}),
	})

	id := engine.ParamInSets("Identity", "XdsIdentity", "", 1, false, engine.AllSets)
	id.Sets[0].FromPipelineByName = true
	removeID := engine.Declare[any](id)
	rt.Register(&engine.Cmdlet{
		Name: "Remove-CsOnlineDialInConferencingTenantSettings", Module: "MicrosoftTeams",
		SupportsShouldProcess: true, ConfirmImpact: "Medium",
		Params: cfgParams([]*engine.ParamInfo{id}, cfgInfra("Tenant", "Force")),
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return t.changeSettings(c, removeID, func(old *storage.Settings) (*storage.Settings, error) {
				s := storage.NewDefaultSettings()
				// The tenant-wide policy grants are not settings of
				// this object: they survive.
				s.GlobalDialOutPolicy = old.GlobalDialOutPolicy
				s.GlobalAudioConferencingPolicy = old.GlobalAudioConferencingPolicy
				s.GlobalMeetingPolicy = old.GlobalMeetingPolicy
				return s, nil
			})
		}),
	})
}
