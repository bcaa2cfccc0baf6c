package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// ldapFilter is a parsed -LdapFilter: an attribute test, or an and/or/not
// of filters. The forms are the simple ones of RFC 4515 that admin
// scripts use: "Department=Finance", "(l=Redmond)",
// "(&(l=Redmond)(department=IT))", "(|(...)(...))", "(!(...))", with *
// wildcards in values.
type ldapFilter struct {
	op       byte // '=', '&', '|', '!'
	attr     string
	val      string
	children []*ldapFilter
}

// parseLdapFilter parses a filter or returns the service's error for it.
func parseLdapFilter(s string) (*ldapFilter, error) {
	text := strings.TrimSpace(s)
	p := &ldapParser{s: text}
	var f *ldapFilter
	if !strings.HasPrefix(text, "(") {
		f = p.item(text)
		p.i = len(text)
	} else {
		f = p.filter()
	}
	if f == nil || p.bad || p.i != len(p.s) {
		return nil, badLdap(s)
	}
	return f, nil
}

type ldapParser struct {
	s   string
	i   int
	bad bool
}

func (p *ldapParser) filter() *ldapFilter {
	if p.i >= len(p.s) || p.s[p.i] != '(' {
		p.bad = true
		return nil
	}
	p.i++
	var f *ldapFilter
	if p.i < len(p.s) && strings.IndexByte("&|!", p.s[p.i]) >= 0 {
		f = &ldapFilter{op: p.s[p.i]}
		p.i++
		for p.i < len(p.s) && p.s[p.i] == '(' && !p.bad {
			f.children = append(f.children, p.filter())
		}
		if len(f.children) == 0 || f.op == '!' && len(f.children) != 1 {
			p.bad = true
		}
	} else {
		end := strings.IndexByte(p.s[p.i:], ')')
		if end < 0 {
			p.bad = true
			return nil
		}
		f = p.item(p.s[p.i : p.i+end])
		p.i += end
	}
	if p.bad || p.i >= len(p.s) || p.s[p.i] != ')' {
		p.bad = true
		return nil
	}
	p.i++
	return f
}

func (p *ldapParser) item(s string) *ldapFilter {
	attr, val, ok := strings.Cut(s, "=")
	attr = strings.TrimSpace(attr)
	if !ok || attr == "" || strings.ContainsAny(attr, "()&|!*") {
		p.bad = true
		return nil
	}
	return &ldapFilter{op: '=', attr: strings.ToLower(attr), val: strings.TrimSpace(val)}
}

func badLdap(s string) *engine.ErrorRecord {
	return engine.NewError("InvalidArgument", "InvalidLdapFilter", s,
		"The LDAP filter \"%s\" is not valid. Use the form \"attribute=value\", for example \"Department=Finance\" or \"(&(l=Redmond)(department=IT))\".", s).
		WithException("System.ArgumentException")
}

// ldapAttr reads a directory attribute of a user by its LDAP name.
func ldapAttr(u *storage.User, attr string) (string, bool) {
	switch attr {
	case "department":
		return u.Department, true
	case "l", "city":
		return u.City, true
	case "c", "usagelocation", "msexchusagelocation":
		// c is the two-letter country code; the usage location is the
		// code the tenant keeps.
		return u.UsageLocation, true
	case "co":
		return u.Country, true
	case "st":
		return u.StateOrProvince, true
	case "title":
		return u.Title, true
	case "company":
		return u.Company, true
	case "givenname":
		return u.GivenName, true
	case "sn":
		return u.Surname, true
	case "postalcode":
		return u.PostalCode, true
	case "streetaddress":
		return u.StreetAddress, true
	case "preferredlanguage":
		return u.PreferredLanguage, true
	case "displayname", "name", "cn":
		return u.DisplayName, true
	case "userprincipalname", "upn":
		return u.UserPrincipalName, true
	case "mail", "primarysmtpaddress":
		return u.PrimarySmtpAddress, true
	case "msrtcsip-primaryuseraddress", "sipaddress":
		return u.SipAddress, true
	case "objectguid", "objectid":
		return u.ID, true
	}
	return "", false
}

// match reports whether a user passes the filter; unknown attributes
// match nothing, as an absent directory attribute does.
func (f *ldapFilter) match(u *storage.User) bool {
	switch f.op {
	case '&':
		for _, c := range f.children {
			if !c.match(u) {
				return false
			}
		}
		return true
	case '|':
		for _, c := range f.children {
			if c.match(u) {
				return true
			}
		}
		return false
	case '!':
		return !f.children[0].match(u)
	}
	v, ok := ldapAttr(u, f.attr)
	if !ok {
		return false
	}
	if f.val == "*" {
		return v != ""
	}
	return value.Like(v, f.val, false)
}
