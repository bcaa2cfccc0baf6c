package teams

import (
	"html"
	"regexp"
	"strings"

	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// acpInfoType is the type name of an AcpInfo entry (csshell's: the
// remote session showed the Skype for Business Online AD schema type).
const acpInfoType = "Microsoft.Rtc.Management.ADConnect.Schema.AcpInfo"

// Microsoft as an audio conferencing provider, as AcpInfo named it.
const (
	microsoftACPDomain = "resources.lync.com"
	microsoftACPURL    = "https://dialin.lync.com/"
)

// acpInfo is the legacy AcpInfo of a user: a list of the user's audio
// conferencing providers — one entry, for Microsoft when the user is
// enabled with Microsoft, for the third party otherwise — or $null for a
// user without a provider. Each entry has the properties IsDefault,
// TollNumber, TollFreeNumbers, ParticipantPassCode, Domain, Name and Url,
// and reads as the <acpInformation> XML the service kept, so scripts can
// read both $u.AcpInfo.Name and [string]$u.AcpInfo -match '<name>(.*)</name>'.
func acpInfo(v *onlineUserView) any {
	u := v.u
	var d storage.ACPDialIn
	var name string
	switch {
	case IsThirdParty(u):
		name, d = u.Provider, u.ACP
		if d.Domain == "" {
			d.Domain = thirdPartyDomain(u.Provider)
		}
	case EnabledWithMicrosoft(u):
		name = storage.ProviderMicrosoft
		d = storage.ACPDialIn{TollNumber: u.Conferencing.ServiceNumber, TollFreeNumber: u.Conferencing.TollFreeServiceNumber,
			ParticipantPassCode: "0", Domain: microsoftACPDomain, URL: microsoftACPURL + v.tn.ID}
	default:
		return nil
	}
	return []any{acpInfoObject(name, d)}
}

// acpInfoObject builds one AcpInfo entry.
func acpInfoObject(name string, d storage.ACPDialIn) *value.Object {
	o := value.NewObject(acpInfoType, "System.Object")
	tollFree := []any{}
	if d.TollFreeNumber != "" {
		tollFree = append(tollFree, d.TollFreeNumber)
	}
	o.Set("IsDefault", true)
	o.Set("TollNumber", d.TollNumber)
	o.Set("TollFreeNumbers", tollFree)
	o.Set("ParticipantPassCode", d.ParticipantPassCode)
	o.Set("Domain", d.Domain)
	o.Set("Name", name)
	o.Set("Url", userNullIfEmpty(d.URL))
	o.Stringer = func(*value.Object) string { return acpInfoXML(name, d) }
	return o
}

// acpInfoXML is the entry's text: the <acpInformation> element the
// service stored, on one line, its elements in the schema's order.
func acpInfoXML(name string, d storage.ACPDialIn) string {
	var b strings.Builder
	el := func(tag, text string) {
		if text != "" {
			b.WriteString("<" + tag + ">" + html.EscapeString(text) + "</" + tag + ">")
		}
	}
	b.WriteString(`<acpInformation default="true">`)
	el("tollNumber", d.TollNumber)
	el("tollFreeNumber", d.TollFreeNumber)
	el("participantPassCode", d.ParticipantPassCode)
	el("domain", d.Domain)
	el("name", name)
	el("url", d.URL)
	b.WriteString("</acpInformation>")
	return b.String()
}

// thirdPartyDomain is the domain csshell gives a third-party provider
// with no dial-in on record: its name, lower-case, letters and digits
// only, then ".com".
func thirdPartyDomain(provider string) string {
	return nonAlnum.ReplaceAllString(strings.ToLower(provider), "") + ".com"
}

var nonAlnum = regexp.MustCompile(`[^a-z0-9]`)
