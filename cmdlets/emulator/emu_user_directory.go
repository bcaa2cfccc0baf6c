package emulator

import (
	"strings"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// directoryField is a directory attribute New- and Set-TenantUser set and
// Get-CsOnlineUser shows, named as Get-CsOnlineUser names it.
type directoryField struct {
	name, help string
	aliases    []string
	field      func(u *storage.User) *string
}

// directoryFields are the attributes beyond the display name, location,
// city and department: for rehearsing scripts that read them.
var directoryFields = []directoryField{
	{name: "GivenName", help: "The user's given (first) name.", aliases: []string{"FirstName"}, field: func(u *storage.User) *string { return &u.GivenName }},
	{name: "LastName", help: "The user's surname.", aliases: []string{"Surname"}, field: func(u *storage.User) *string { return &u.Surname }},
	{name: "Title", help: "The user's job title.", field: func(u *storage.User) *string { return &u.Title }},
	{name: "Company", help: "The user's company name.", field: func(u *storage.User) *string { return &u.Company }},
	{name: "Country", help: "The user's country or region, as a name (\"United States\"); Get-CsOnlineUser shows it as Country (CountryOrRegionDisplayName before module 3.0).", field: func(u *storage.User) *string { return &u.Country }},
	{name: "StateOrProvince", help: "The user's state or province.", field: func(u *storage.User) *string { return &u.StateOrProvince }},
	{name: "PostalCode", help: "The user's postal code.", field: func(u *storage.User) *string { return &u.PostalCode }},
	{name: "StreetAddress", help: "The user's street address.", field: func(u *storage.User) *string { return &u.StreetAddress }},
	{name: "PreferredLanguage", help: "The user's preferred language, e.g. en-US.", field: func(u *storage.User) *string { return &u.PreferredLanguage }},
}

// directoryParams are the declared parameters of directoryFields, in
// their order.
type directoryParams []engine.Param[string]

// declareDirectoryParams declares the parameters; byName makes them bind
// from the pipeline by property name (New-TenantUser's Import-Csv rows).
func declareDirectoryParams(byName bool) directoryParams {
	out := make(directoryParams, len(directoryFields))
	for i, f := range directoryFields {
		p := engine.NamedParam(f.name, "String", f.help, f.aliases...)
		p.Sets[0].FromPipelineByName = byName
		out[i] = engine.Declare[string](p)
	}
	return out
}

// infos are the declarations.
func (ps directoryParams) infos() []*engine.ParamInfo {
	out := make([]*engine.ParamInfo, len(ps))
	for i, p := range ps {
		out[i] = p.Info()
	}
	return out
}

// texts are the parameters for the length and control-character checks.
func (ps directoryParams) texts() []namedText {
	out := make([]namedText, len(ps))
	for i, p := range ps {
		out[i] = namedText{directoryFields[i].name, p}
	}
	return out
}

// apply sets the given attributes on u and returns the changes.
func (ps directoryParams) apply(c *engine.Call, u *storage.User, ch []storage.Change) []storage.Change {
	for i, p := range ps {
		if v, ok := p.Lookup(c); ok {
			f := directoryFields[i].field(u)
			v = strings.TrimSpace(v)
			ch = teams.AppendChange(ch, directoryFields[i].name, *f, v)
			*f = v
		}
	}
	return ch
}
