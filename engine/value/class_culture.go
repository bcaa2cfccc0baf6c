package value

import "strings"

// CultureInfo is a [cultureinfo]. csshell formats in the invariant culture
// with en-US names, so a culture is its name and descriptions only.
type CultureInfo struct {
	name, display, english string
	lcid                   int32
}

// knownCultures are the cultures csshell can name.
var knownCultures = []*CultureInfo{
	{"", "Invariant Language (Invariant Country)", "Invariant Language (Invariant Country)", 127},
	{"en", "English", "English", 9},
	{"en-US", "English (United States)", "English (United States)", 1033},
	{"en-GB", "English (United Kingdom)", "English (United Kingdom)", 2057},
	{"fr", "French", "French", 12},
	{"fr-FR", "French (France)", "French (France)", 1036},
	{"de", "German", "German", 7},
	{"de-DE", "German (Germany)", "German (Germany)", 1031},
	{"es-ES", "Spanish (Spain)", "Spanish (Spain)", 3082},
	{"it-IT", "Italian (Italy)", "Italian (Italy)", 1040},
	{"ja-JP", "Japanese (Japan)", "Japanese (Japan)", 1041},
	{"nl-NL", "Dutch (Netherlands)", "Dutch (Netherlands)", 1043},
}

// CurrentCulture is the culture csshell runs in (en-US).
func CurrentCulture() *CultureInfo { return knownCultures[2] }

// LookupCulture finds a culture by name, case-insensitively.
func LookupCulture(name string) (*CultureInfo, bool) {
	for _, c := range knownCultures {
		if strings.EqualFold(c.name, name) {
			return c, true
		}
	}
	return nil, false
}

// errCulture is .NET's CultureNotFoundException text.
func errCulture(method string, nargs int, name string) error {
	return errMethodCall(method, nargs, "CultureNotFoundException",
		"Culture is not supported. (Parameter 'name')\n"+name+" is an invalid culture identifier.")
}

// TCultureInfo is System.Globalization.CultureInfo.
var TCultureInfo = defineClass("System.Globalization.CultureInfo", "cultureinfo", nil, &class{
	call: func(name, lname string, args []any) (any, bool, error) {
		if (lname == "new" || lname == "getcultureinfo" || lname == "createspecificculture") && len(args) >= 1 {
			s := ToString(args[0])
			if c, ok := LookupCulture(s); ok {
				return c, true, nil
			}
			return nil, true, errCulture(name, len(args), s)
		}
		return nil, false, nil
	},
	get: func(lname string) (any, bool) {
		switch lname {
		case "invariantculture":
			return knownCultures[0], true
		case "currentculture", "currentuiculture", "defaultthreadcurrentculture":
			return CurrentCulture(), true
		}
		return nil, false
	},
	from: func(v any) (any, bool) {
		if s, ok := unwrapBase(v).(string); ok {
			if c, ok := LookupCulture(s); ok {
				return c, true
			}
		}
		return nil, false
	},
})

// NativeType implements Native.
func (c *CultureInfo) NativeType() *Type { return TCultureInfo }

// String implements Native: the name.
func (c *CultureInfo) String() string { return c.name }

// Properties implements Native: Get-Culture's table.
func (c *CultureInfo) Properties() []string { return []string{"LCID", "Name", "DisplayName"} }

// Member implements Native.
func (c *CultureInfo) Member(lname string) (any, bool) {
	switch lname {
	case "name", "ietflanguagetag":
		return c.name, true
	case "displayname", "nativename":
		return c.display, true
	case "englishname":
		return c.english, true
	case "lcid", "keyboardlayoutid":
		return c.lcid, true
	case "twoletterisolanguagename":
		if c.name == "" {
			return "iv", true
		}
		return strings.SplitN(c.name, "-", 2)[0], true
	case "isneutralculture":
		return c.name != "" && !strings.Contains(c.name, "-"), true
	case "isreadonly":
		return true, true
	case "parent":
		if i := strings.IndexByte(c.name, '-'); i > 0 {
			p, _ := LookupCulture(c.name[:i])
			if p != nil {
				return p, true
			}
		}
		return knownCultures[0], true
	}
	return nil, false
}

// Method implements Native.
func (c *CultureInfo) Method(name, lname string, args []any) (any, bool, error) {
	if lname == "tostring" && len(args) == 0 {
		return c.name, true, nil
	}
	return nil, false, nil
}

// Cultures lists the cultures csshell knows, by name.
func Cultures() []*CultureInfo { return append([]*CultureInfo(nil), knownCultures...) }
