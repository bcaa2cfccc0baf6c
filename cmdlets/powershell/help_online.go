package powershell

import (
	"net/url"
	"strings"

	"github.com/csshell/csshell/engine"
)

// helpModuleDocs maps a module to the folder of its reference on
// learn.microsoft.com and the query its help files' "online version"
// carries: the pwsh 7.4 modules' pages end with
// ?view=powershell-7.4&WT.mc_id=ps-gethelp (PowerShell-Docs,
// reference/7.4/*/*.md), MicrosoftTeams' pages are
// /powershell/module/microsoftteams/<cmdlet> (office-docs-powershell,
// teams/teams-ps/MicrosoftTeams/*.md), and the retired
// SkypeOnlineConnector's were under /powershell/module/skype/. Modules
// not listed (Pester, csshell) have no online help in csshell.
var helpModuleDocs = map[string][2]string{
	"microsoft.powershell.core":       {"microsoft.powershell.core", pwshDocsQuery},
	"microsoft.powershell.utility":    {"microsoft.powershell.utility", pwshDocsQuery},
	"microsoft.powershell.management": {"microsoft.powershell.management", pwshDocsQuery},
	"microsoft.powershell.security":   {"microsoft.powershell.security", pwshDocsQuery},
	"microsoft.powershell.host":       {"microsoft.powershell.host", pwshDocsQuery},
	"psreadline":                      {"psreadline", pwshDocsQuery},
	"microsoftteams":                  {"microsoftteams", ""},
	"skypeonlineconnector":            {"skype", ""},
}

// pwshDocsQuery ends the online URIs of pwsh 7.4's own help.
const pwshDocsQuery = "?view=powershell-7.4&WT.mc_id=ps-gethelp"

// cmdletHelpURI is the online page of a cmdlet: the address its module's
// help gives (a versioned module's pages, engine.ModuleHelpURIs), else the
// module's folder on learn.microsoft.com; "" for a module without online
// help.
func cmdletHelpURI(rt *engine.Runtime, module, name string) string {
	if vm, ok := rt.VersionedModule(module); ok {
		if h, ok := vm.(engine.ModuleHelpURIs); ok {
			if u := h.HelpURI(name); u != "" {
				return u
			}
		}
	}
	d, ok := helpModuleDocs[strings.ToLower(module)]
	if !ok {
		return ""
	}
	return "https://learn.microsoft.com/powershell/module/" + d[0] + "/" + strings.ToLower(name) + d[1]
}

// onlineURI is where Get-Help -Online sends the reader: for a cmdlet its
// module's page, for comment-based help the first .LINK that is an
// absolute URI (HelpCommentsParser makes such a link the navigation
// link's uri, and GetUriForOnlineHelp takes the first one).
func (d *helpDoc) onlineURI() string {
	if d.cmdlet {
		return d.uri
	}
	for _, l := range d.links {
		if u, err := url.Parse(strings.TrimSpace(l)); err == nil && u.IsAbs() && u.Host != "" {
			return strings.TrimSpace(l)
		}
	}
	return ""
}
