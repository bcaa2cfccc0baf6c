package teams

import (
	"errors"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// Set- and Remove-CsPhoneNumberAssignment (the pages in
// MicrosoftDocs/office-docs-powershell, teams/teams-ps/MicrosoftTeams):
// a user's phone number, as the admin scripts assign and remove it. A
// user holds one number, their primary (User.PhoneNumber); assigning one
// sets EnterpriseVoiceEnabled, removing one clears it, as the service
// does. Direct Routing numbers need no inventory (the carrier is the
// customer's): any well-formed number no other user holds and that is no
// conference number is taken. The offline tenant holds no acquired
// Calling Plan or Operator Connect numbers (only conference numbers,
// which cannot be assigned to users), so those are refused as the
// service refuses a number the tenant does not have. Only
// administrators change anything; every change is audited.

// phoneBadRequest is the service's refusal of a number assignment: the
// module reports the service's BadRequest with its message.
func phoneBadRequest(target any, format string, args ...any) *engine.ErrorRecord {
	return engine.NewError("InvalidOperation", "BadRequest", target, format, args...).
		WithException("System.Exception")
}

// phoneNotFound is the service's message for a number the tenant does not
// have (as issue office-docs-powershell#8905 quotes it).
func phoneNotFound(number, tenantID string) *engine.ErrorRecord {
	return phoneBadRequest("+"+number, "Telephone Number '+%s' is not found from tenant '%s'", number, tenantID)
}

// phoneTaken is the service's message for a number another user holds
// (issue office-docs-powershell#9432).
func phoneTaken(number string) *engine.ErrorRecord {
	return phoneBadRequest("+"+number, "Telephone Number '+%s' has already been assigned to another user", number)
}

// phoneIsConference refuses a conference (service) number for a user:
// its only capability is ConferenceAssignment.
func phoneIsConference(r storage.Reader, n *storage.ServiceNumber) *engine.ErrorRecord {
	where := "no conference bridge"
	if n.BridgeID != "" {
		where = "the conference bridge '" + n.BridgeID + "'"
		if b, err := r.Bridge(n.BridgeID); err == nil {
			where = "the conference bridge '" + b.Name + "'"
		}
	}
	return phoneBadRequest("+"+n.Number, "Telephone Number '+%s' is a conference number of the tenant (on %s): its capabilities do not include UserAssignment", n.Number, where)
}

// parsePhoneNumber reads a -TelephoneNumber: E.164 with or without "+",
// an extension after ";ext=".
func parsePhoneNumber(s string) (string, error) {
	n, ok := storage.NormalizePhoneNumber(s)
	if !ok {
		return "", InvalidArgument("InvalidTelephoneNumber", s,
			"The telephone number \"%s\" is not valid. Use E.164 digits with or without \"+\", e.g. +12065551234, or +12065551234;ext=1234 for a Direct Routing extension; \"tel:\" is not accepted.", s)
	}
	return n, nil
}

// parseLocationID reads a -LocationId: a GUID, or the string "null" to
// remove the location ("" in storage). The offline tenant has no LIS
// locations (Get-CsOnlineLisLocation), so any GUID is taken.
func parseLocationID(s string) (string, error) {
	t := strings.TrimSpace(s)
	if strings.EqualFold(t, "null") || t == zeroGUID {
		return "", nil
	}
	if !storage.IsGUID(t) {
		return "", InvalidArgument("InvalidLocationId", s, "The LocationId \"%s\" is not valid: give the LocationId of a location (a GUID), or 'null' to remove it.", s)
	}
	return strings.ToLower(t), nil
}

// numberTypeOf spells a -NumberType as the service does.
func numberTypeOf(s string) string {
	for _, t := range storage.PhoneNumberTypes {
		if strings.EqualFold(t, strings.TrimSpace(s)) {
			return t
		}
	}
	return s
}

// phoneTargetParam is -Identity of the two cmdlets: the user.
func phoneTargetParam(t *Tenant, sets ...string) *engine.ParamInfo {
	p := &engine.ParamInfo{Name: "Identity", Type: "String", Complete: t.CompleteUsers,
		Help: "The user: object id, SIP address (SipProxyAddress) or user principal name."}
	for _, s := range sets {
		p.Sets = append(p.Sets, engine.ParamSet{Name: s, Position: -1, Mandatory: true})
	}
	return p
}

// phoneNumberTypeParam is -NumberType (alias PhoneNumberType).
func phoneNumberTypeParam(help string, sets ...string) *engine.ParamInfo {
	p := &engine.ParamInfo{Name: "NumberType", Type: "String", Aliases: []string{"PhoneNumberType"}, Help: help,
		ValidateSet: storage.PhoneNumberTypes}
	for _, s := range sets {
		p.Sets = append(p.Sets, engine.ParamSet{Name: s, Position: -1, Mandatory: true})
	}
	return p
}

// setPhoneParams are Set-CsPhoneNumberAssignment's parameters: sets
// LocationUpdate (the default), NetworkSiteUpdate, ReverseNumberLookupUpdate,
// Assignment and Attribute.
type setPhoneParams struct {
	identity, number, numberType, location, site, category, rnl engine.Param[string]
	voice, notify                                               engine.Param[bool]
}

func newSetPhoneParams(t *Tenant) *setPhoneParams {
	number := &engine.ParamInfo{Name: "TelephoneNumber", Type: "String", Aliases: []string{"PhoneNumber"},
		Help: "The number to assign: E.164 with or without \"+\" (e.g. +12065551234), or +12065551234;ext=1234 for a Direct Routing extension; \"tel:\" is not accepted."}
	for _, s := range []string{"LocationUpdate", "NetworkSiteUpdate", "ReverseNumberLookupUpdate", "Assignment"} {
		number.Sets = append(number.Sets, engine.ParamSet{Name: s, Position: -1, Mandatory: true})
	}
	location := &engine.ParamInfo{Name: "LocationId", Type: "String",
		Help: "The emergency location of the number (a LocationId from Get-CsOnlineLisLocation), or 'null' to remove it.",
		Sets: []engine.ParamSet{{Name: "LocationUpdate", Position: -1, Mandatory: true}, {Name: "Assignment", Position: -1}}}
	site := &engine.ParamInfo{Name: "NetworkSiteId", Type: "String", Help: "A network site's id (the offline tenant has no network sites).",
		Sets: []engine.ParamSet{{Name: "NetworkSiteUpdate", Position: -1, Mandatory: true}, {Name: "Assignment", Position: -1}}}
	rnl := &engine.ParamInfo{Name: "ReverseNumberLookup", Type: "String", Help: "Reverse number lookup, e.g. SkipInternalVoip (not modelled offline).",
		Sets: []engine.ParamSet{{Name: "ReverseNumberLookupUpdate", Position: -1, Mandatory: true}, {Name: "Assignment", Position: -1}}}
	category := &engine.ParamInfo{Name: "AssignmentCategory", Type: "String", ValidateSet: []string{"Primary", "Private", "Alternate"},
		Help: "The assignment category; csshell keeps one number per user, its Primary one.", Sets: []engine.ParamSet{{Name: "Assignment", Position: -1}}}
	voice := &engine.ParamInfo{Name: "EnterpriseVoiceEnabled", Type: "Boolean", Help: "Sets the user's EnterpriseVoiceEnabled flag.",
		Sets: []engine.ParamSet{{Name: "Attribute", Position: -1, Mandatory: true}}}
	notify := &engine.ParamInfo{Name: "Notify", Type: "SwitchParameter", Help: "Emails the user about the new number (no mail is sent offline).",
		Sets: []engine.ParamSet{{Name: "Assignment", Position: -1}}}
	return &setPhoneParams{
		identity:   engine.Declare[string](phoneTargetParam(t, "Assignment", "Attribute")),
		number:     engine.Declare[string](number),
		numberType: engine.Declare[string](phoneNumberTypeParam("The number's type: DirectRouting, CallingPlan or OperatorConnect.", "Assignment")),
		location:   engine.Declare[string](location),
		site:       engine.Declare[string](site),
		category:   engine.Declare[string](category),
		rnl:        engine.Declare[string](rnl),
		voice:      engine.Declare[bool](voice),
		notify:     engine.Declare[bool](notify),
	}
}

// infos is the declaration list.
func (p *setPhoneParams) infos() []*engine.ParamInfo {
	return append([]*engine.ParamInfo{p.identity.Info(), p.number.Info(), p.numberType.Info(), p.location.Info(), p.site.Info(),
		p.category.Info(), p.rnl.Info(), p.voice.Info(), p.notify.Info()}, autorestParams("HttpPipelinePrepend")...)
}

// registerSetPhoneNumberAssignment adds Set-CsPhoneNumberAssignment.
func registerSetPhoneNumberAssignment(rt *engine.Runtime, t *Tenant) {
	p := newSetPhoneParams(t)
	rt.Register(&engine.Cmdlet{
		Name: "Set-CsPhoneNumberAssignment", Module: "MicrosoftTeams",
		ClassName: "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Cmdlets.SetCsPhoneNumberAssignment_Set", // issue office-docs-powershell#8875
		Synopsis:  "Assigns a phone number to a user or a resource account (online application instance).",
		Description: "Assigns a phone number to a user (-Identity, -TelephoneNumber, -NumberType): when you assign a phone number, " +
			"the EnterpriseVoiceEnabled flag is automatically set to True. A user holds one number: a new one replaces the old. " +
			"Direct Routing numbers need no inventory; the offline tenant holds no Calling Plan or Operator Connect numbers for " +
			"users, and a conference number cannot be assigned. -TelephoneNumber with -LocationId alone sets a number's " +
			"emergency location ('null' removes it); -Identity with -EnterpriseVoiceEnabled sets the flag. Writes no output.",
		DefaultSet: "LocationUpdate",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Set-CsPhoneNumberAssignment -Identity user4@contoso.com -TelephoneNumber \"+14255551000;ext=1234\" -NumberType DirectRouting",
				Remarks: "Assigns a Direct Routing number with an extension."},
			{Title: "Example 2", Code: "Set-CsPhoneNumberAssignment -Identity ken.myer@contoso.com -PhoneNumber +14255551001 -PhoneNumberType DirectRouting -ErrorAction Stop",
				Remarks: "The aliases public scripts use; a failure stops the script."},
			{Title: "Example 3", Code: "Set-CsPhoneNumberAssignment -Identity user3@contoso.com -EnterpriseVoiceEnabled $true", Remarks: "Sets the EnterpriseVoiceEnabled flag."},
			{Title: "Example 4", Code: "Set-CsPhoneNumberAssignment -TelephoneNumber +14255551000 -LocationId 'null'", Remarks: "Removes the number's emergency location."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return setPhoneNumber(c, t, p) }),
	})
}

// setPhoneNumber runs Set-CsPhoneNumberAssignment.
func setPhoneNumber(c *engine.Call, t *Tenant, p *setPhoneParams) error {
	if p.site.Given(c) {
		return Fail(c, InvalidOperation("NetworkSiteNotSupported", p.site.Get(c), "The offline tenant has no network sites: NetworkSiteId cannot be set."))
	}
	if p.rnl.Given(c) {
		return Fail(c, InvalidOperation("ReverseNumberLookupNotSupported", p.rnl.Get(c), "csshell does not model reverse number lookup: ReverseNumberLookup cannot be set."))
	}
	if c.Set == "Attribute" {
		return Fail(c, t.changeUserVoice(c, p.identity.Get(c), func(w storage.Writer, u *storage.User) ([]storage.Change, error) {
			v := p.voice.Get(c)
			changes := AppendChange(nil, "EnterpriseVoiceEnabled", BoolText(u.EnterpriseVoiceEnabled), BoolText(v))
			u.EnterpriseVoiceEnabled = v
			return changes, nil
		}))
	}
	number, err := parsePhoneNumber(p.number.Get(c))
	if err != nil {
		return Fail(c, err)
	}
	location, locGiven := "", p.location.Given(c)
	if locGiven {
		if location, err = parseLocationID(p.location.Get(c)); err != nil {
			return Fail(c, err)
		}
	}
	if c.Set == "LocationUpdate" {
		return Fail(c, t.setPhoneLocation(c, number, location))
	}
	if cat := p.category.Get(c); cat != "" && !strings.EqualFold(cat, "Primary") {
		return Fail(c, InvalidOperation("AssignmentCategoryNotSupported", cat,
			"csshell keeps one phone number per user, their primary one: AssignmentCategory %s is not supported.", cat))
	}
	numberType := numberTypeOf(p.numberType.Get(c))
	return Fail(c, t.changeUserVoice(c, p.identity.Get(c), func(w storage.Writer, u *storage.User) ([]storage.Change, error) {
		tn, err := w.Tenant()
		if err != nil {
			return nil, err
		}
		if s, err := w.ServiceNumber(number); err == nil {
			return nil, phoneIsConference(w, s)
		} else if !errors.Is(err, storage.ErrNotFound) {
			return nil, err
		}
		if numberType != storage.PhoneNumberDirectRouting {
			return nil, phoneNotFound(number, tn.ID)
		}
		if owner, ok, err := w.PhoneNumberOwner(number); err != nil {
			return nil, err
		} else if ok && owner != u.ID {
			return nil, phoneTaken(number)
		}
		old := *u
		u.PhoneNumber, u.PhoneNumberType, u.EnterpriseVoiceEnabled = number, numberType, true
		if locGiven || old.PhoneNumber != number {
			u.PhoneLocationID = location
		}
		changes := AppendChange(nil, "LineUri", storage.LineURI(&old), storage.LineURI(u))
		changes = AppendChange(changes, "NumberType", old.PhoneNumberType, u.PhoneNumberType)
		changes = AppendChange(changes, "LocationId", old.PhoneLocationID, u.PhoneLocationID)
		changes = AppendChange(changes, "EnterpriseVoiceEnabled", BoolText(old.EnterpriseVoiceEnabled), "True")
		return changes, nil
	}))
}

// changeUserVoice changes one user's phone fields with fn (which returns
// the changes to audit) in a change transaction: nothing is written when
// nothing changes.
func (t *Tenant) changeUserVoice(c *engine.Call, identity string, fn func(w storage.Writer, u *storage.User) ([]storage.Change, error)) error {
	return t.Change(func(w storage.Writer, admin *storage.User) error {
		u, err := ResolveUser(w, identity)
		if err != nil {
			return err
		}
		changes, err := fn(w, u)
		if err != nil || len(changes) == 0 {
			return err
		}
		u.Modified = w.Now().UTC()
		if err := w.PutUser(u); err != nil {
			return StoreError(err, identity)
		}
		return t.Audit(w, admin, c, u.UserPrincipalName, u.ID, changes)
	})
}

// setPhoneLocation sets the emergency location of a number a user holds
// (the LocationUpdate set).
func (t *Tenant) setPhoneLocation(c *engine.Call, number, location string) error {
	return t.Change(func(w storage.Writer, admin *storage.User) error {
		owner, ok, err := w.PhoneNumberOwner(number)
		if err != nil {
			return err
		}
		if !ok {
			if s, err := w.ServiceNumber(number); err == nil {
				return phoneBadRequest("+"+number, "Telephone Number '+%s' is a conference number of the tenant: the emergency location of a conference number cannot be set", s.Number)
			}
			tn, err := w.Tenant()
			if err != nil {
				return err
			}
			return phoneNotFound(number, tn.ID)
		}
		u, err := w.User(owner)
		if err != nil {
			return err
		}
		changes := AppendChange(nil, "LocationId", u.PhoneLocationID, location)
		if len(changes) == 0 {
			return nil
		}
		u.PhoneLocationID, u.Modified = location, w.Now().UTC()
		if err := w.PutUser(u); err != nil {
			return err
		}
		return t.Audit(w, admin, c, u.UserPrincipalName, u.ID, changes)
	})
}

// removePhoneParams are Remove-CsPhoneNumberAssignment's parameters: sets
// RemoveSome (the default) and RemoveAll.
type removePhoneParams struct {
	identity, number, numberType engine.Param[string]
	removeAll, notify, forever   engine.Param[bool]
	days                         engine.Param[int]
}

func newRemovePhoneParams(t *Tenant) *removePhoneParams {
	number := &engine.ParamInfo{Name: "TelephoneNumber", Type: "String", Aliases: []string{"PhoneNumber"},
		Help: "The number to unassign: E.164 with or without \"+\"; \"tel:\" is not accepted.",
		Sets: []engine.ParamSet{{Name: "RemoveSome", Position: -1, Mandatory: true}}}
	removeAll := &engine.ParamInfo{Name: "RemoveAll", Type: "SwitchParameter", Help: "Unassigns all the user's phone numbers.",
		Sets: []engine.ParamSet{{Name: "RemoveAll", Position: -1, Mandatory: true}}}
	days := engine.NamedParam("AssignmentBlockedDays", "Int32", "Blocks the number's assignment for 1 to 365 days (not supported offline: csshell keeps no assignment blocks).")
	days.ValidateRange = &[2]float64{1, 365}
	return &removePhoneParams{
		identity:   engine.Declare[string](phoneTargetParam(t, engine.AllSets)),
		number:     engine.Declare[string](number),
		numberType: engine.Declare[string](phoneNumberTypeParam("The number's type: DirectRouting, CallingPlan or OperatorConnect.", "RemoveSome")),
		removeAll:  engine.Declare[bool](removeAll),
		notify:     engine.Declare[bool](engine.NamedParam("Notify", "SwitchParameter", "Emails the user about the removal (no mail is sent offline).")),
		forever: engine.Declare[bool](engine.NamedParam("AssignmentBlockedForever", "SwitchParameter",
			"Blocks the number's assignment indefinitely (not supported offline: csshell keeps no assignment blocks).")),
		days: engine.Declare[int](days),
	}
}

// infos is the declaration list.
func (p *removePhoneParams) infos() []*engine.ParamInfo {
	return append([]*engine.ParamInfo{p.identity.Info(), p.number.Info(), p.numberType.Info(), p.removeAll.Info(), p.notify.Info(),
		p.forever.Info(), p.days.Info()}, autorestParams("HttpPipelinePrepend")...)
}

// registerRemovePhoneNumberAssignment adds Remove-CsPhoneNumberAssignment.
func registerRemovePhoneNumberAssignment(rt *engine.Runtime, t *Tenant) {
	p := newRemovePhoneParams(t)
	rt.Register(&engine.Cmdlet{
		Name: "Remove-CsPhoneNumberAssignment", Module: "MicrosoftTeams",
		ClassName: "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Cmdlets.RemoveCsPhoneNumberAssignment_Remove",
		Synopsis:  "Removes or unassigns a phone number from a user or resource account (online application instance).",
		Description: "Unassigns a phone number from a user (-TelephoneNumber with its -NumberType), or all of them (-RemoveAll). " +
			"Unassigning a phone number automatically sets EnterpriseVoiceEnabled to False. Assignment blocks are not kept " +
			"offline. Writes no output.",
		DefaultSet: "RemoveSome",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Remove-CsPhoneNumberAssignment -Identity user1@contoso.com -TelephoneNumber +14255551000 -NumberType DirectRouting",
				Remarks: "Unassigns the Direct Routing number from the user."},
			{Title: "Example 2", Code: "Remove-CsPhoneNumberAssignment -Identity user2@contoso.com -RemoveAll", Remarks: "Unassigns every number of the user."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return removePhoneNumber(c, t, p) }),
	})
}

// removePhoneNumber runs Remove-CsPhoneNumberAssignment.
func removePhoneNumber(c *engine.Call, t *Tenant, p *removePhoneParams) error {
	if p.forever.Get(c) || p.days.Given(c) {
		return Fail(c, InvalidOperation("AssignmentBlockNotSupported", nil,
			"csshell keeps no assignment blocks: a number removed from a user can be assigned again at once. Remove it without AssignmentBlockedForever or AssignmentBlockedDays."))
	}
	var number, numberType string
	if c.Set != "RemoveAll" {
		var err error
		if number, err = parsePhoneNumber(p.number.Get(c)); err != nil {
			return Fail(c, err)
		}
		numberType = numberTypeOf(p.numberType.Get(c))
	}
	return Fail(c, t.changeUserVoice(c, p.identity.Get(c), func(w storage.Writer, u *storage.User) ([]storage.Change, error) {
		if c.Set != "RemoveAll" && (u.PhoneNumber != number || u.PhoneNumberType != numberType) {
			tn, err := w.Tenant()
			if err != nil {
				return nil, err
			}
			if u.PhoneNumber == number {
				return nil, phoneBadRequest("+"+number, "Telephone Number '+%s' is a %s number, not %s", number, u.PhoneNumberType, numberType)
			}
			if owner, ok, err := w.PhoneNumberOwner(number); err == nil && ok && owner != u.ID {
				return nil, phoneBadRequest("+"+number, "Telephone Number '+%s' is not assigned to the user '%s'", number, u.UserPrincipalName)
			}
			return nil, phoneNotFound(number, tn.ID)
		}
		old := *u
		u.PhoneNumber, u.PhoneNumberType, u.PhoneLocationID, u.EnterpriseVoiceEnabled = "", "", "", false
		changes := AppendChange(nil, "LineUri", storage.LineURI(&old), "")
		changes = AppendChange(changes, "NumberType", old.PhoneNumberType, "")
		changes = AppendChange(changes, "LocationId", old.PhoneLocationID, "")
		changes = AppendChange(changes, "EnterpriseVoiceEnabled", BoolText(old.EnterpriseVoiceEnabled), "False")
		return changes, nil
	}))
}
