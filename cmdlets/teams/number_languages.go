package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// languageTypeName is the ConfigAPI type of a supported language.
const languageTypeName = "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.SupportedLanguage"

// supportedLanguages are the prompt languages of audio-conferencing
// service numbers: the list of the Set-CsOnlineDialInConferencingServiceNumber
// reference, plus Spanish (United States), which the service numbers of
// the demo tenant use as a default secondary language.
var supportedLanguages = [][2]string{
	{"ar-SA", "Arabic"},
	{"zh-CN", "Chinese (Simplified)"},
	{"zh-TW", "Chinese (Traditional)"},
	{"da-DK", "Danish"},
	{"nl-NL", "Dutch"},
	{"en-AU", "English (Australia)"},
	{"en-GB", "English (United Kingdom)"},
	{"en-US", "English (United States)"},
	{"fi-FI", "Finnish"},
	{"fr-CA", "French (Canada)"},
	{"fr-FR", "French (France)"},
	{"de-DE", "German"},
	{"he-IL", "Hebrew"},
	{"it-IT", "Italian"},
	{"ja-JP", "Japanese"},
	{"ko-KR", "Korean"},
	{"nb-NO", "Norwegian (Bokmal)"},
	{"pt-BR", "Portuguese"},
	{"ru-RU", "Russian"},
	{"es-MX", "Spanish (Mexico)"},
	{"es-ES", "Spanish (Spain)"},
	{"es-US", "Spanish (United States)"},
	{"sv-SE", "Swedish"},
	{"tr-TR", "Turkish"},
	{"uk-UA", "Ukrainian"},
}

// canonicalLanguage returns the supported language code for a culture
// name in any case ("de-de" → "de-DE").
func canonicalLanguage(code string) (string, bool) {
	code = strings.TrimSpace(code)
	for _, l := range supportedLanguages {
		if strings.EqualFold(l[0], code) {
			return l[0], true
		}
	}
	return "", false
}

// defaultLanguages are the languages a number gets when none are
// configured, by its country: the demo tenant's defaults for North
// America and the United Kingdom, US English elsewhere.
func defaultLanguages(number string) (string, []string) {
	switch {
	case strings.HasPrefix(number, "1"):
		return "en-US", []string{"fr-FR", "es-US"}
	case strings.HasPrefix(number, "44"):
		return "en-GB", []string{"fr-FR", "de-DE"}
	}
	return "en-US", []string{}
}

// registerTenantLanguageCmdlets adds Get-CsOnlineDialInConferencingLanguagesSupported.
func registerTenantLanguageCmdlets(rt *engine.Runtime, t *Tenant) {
	rt.Formats.Register(format.View{TypeName: languageTypeName, Kind: format.ListView, Columns: []format.Column{
		{Property: "Code"}, {Property: "Name"}}})
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineDialInConferencingLanguagesSupported", Module: "MicrosoftTeams",
		Params:  cfgInfra("DomainController", "Force"),
		Outputs: []string{languageTypeName},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			if err := t.cfgRead(c, func(storage.Reader) error { return nil }); err != nil {
				return Fail(c, err)
			}
			for _, l := range supportedLanguages {
				o := value.NewObject(languageTypeName, "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.ISupportedLanguage", "System.Object")
				o.Set("Code", l[0])
				o.Set("Name", l[1])
				if err := c.WriteObject(o); err != nil {
					return err
				}
			}
			return nil
		}),
	})
}
