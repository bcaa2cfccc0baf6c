package teams

import (
	"fmt"
	"slices"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// legacyOnlineUserTypes are the type names of the objects the remote
// Skype for Business Online session returned (module 2.x and the
// connector; csshell's reading of the schema's name).
var legacyOnlineUserTypes = []string{"Deserialized.Microsoft.Rtc.Management.ADConnect.Schema.OCSADUser", "Deserialized.System.Object"}

// onlineUserShape is the shape of one invocation's objects: the
// generation's properties (all, which -Filter and -Sort may name) and the
// ones written after -Properties and -SkipUserPolicies (shown).
type onlineUserShape struct {
	gen   generation
	all   []onlineUserProp
	shown []onlineUserProp
	types []string
}

// shapeFor is the shape of generation g. Module 2.5.1 to 2.6.x already
// gave the 3.0 shape for -Identity ("using this parameter will cause the
// Get-CsOnlineUser command to no longer emit deprecated properties").
func shapeFor(g generation, byIdentity bool, properties string, skipPolicies bool) onlineUserShape {
	if byIdentity && g.before("3.0.0") && !g.before("2.5.1") {
		g = generation{module: moduleTeams, version: "3.0.0"}
	}
	s := onlineUserShape{gen: g, types: []string{"System.Management.Automation.PSCustomObject", "System.Object"}}
	if g.before("3.0.0") {
		s.types = legacyOnlineUserTypes
	}
	for _, p := range onlineUserProps {
		if g.hasProperty(cmdOnlineUser, p.name) {
			s.all = append(s.all, p)
		}
	}
	var want map[string]bool
	if strings.TrimSpace(properties) != "" {
		want = map[string]bool{}
		for _, n := range onlineUserAlways {
			want[strings.ToLower(n)] = true
		}
		for _, n := range strings.FieldsFunc(properties, func(r rune) bool { return r == ',' || r == ' ' }) {
			want[strings.ToLower(n)] = true
		}
	}
	for _, p := range s.all {
		if want != nil && !want[strings.ToLower(p.name)] || skipPolicies && p.policy {
			continue
		}
		s.shown = append(s.shown, p)
	}
	return s
}

// has reports whether the shape's generation has a property (any case).
func (s onlineUserShape) has(name string) bool {
	return slices.ContainsFunc(s.all, func(p onlineUserProp) bool { return strings.EqualFold(p.name, name) })
}

// object builds a user's object with every property of the generation;
// shown then leaves out what -Properties and -SkipUserPolicies exclude.
func (s onlineUserShape) object(v *onlineUserView) *value.Object {
	o := value.NewObject(s.types...)
	for _, p := range s.all {
		o.Set(p.name, p.get(v))
	}
	return o
}

// partial builds a user's object with only the named properties (lower
// case): what a filter reads.
func (s onlineUserShape) partial(v *onlineUserView, names map[string]bool) *value.Object {
	o := value.NewObject(s.types...)
	for _, p := range s.all {
		if names[strings.ToLower(p.name)] {
			o.Set(p.name, p.get(v))
		}
	}
	return o
}

// project is o with only the shown properties.
func (s onlineUserShape) project(o *value.Object) *value.Object {
	if len(s.shown) == len(s.all) {
		return o
	}
	out := value.NewObject(s.types...)
	for _, p := range s.shown {
		x, _ := o.Get(p.name)
		out.Set(p.name, x)
	}
	return out
}

// checkFilterProperty returns -Filter's property check: a property the
// generation's objects lack fails, naming what became of it when
// surfaceItems knows (csshell's choice: the service's reply is not
// documented, and a filter on a renamed property must not silently match
// nobody).
func (s onlineUserShape) checkFilterProperty(src string) func(string) error {
	return func(name string) error {
		if s.has(name) {
			return nil
		}
		it, ok := surfaceItemFor(propertyItem, cmdOnlineUser, name)
		if !ok {
			return badFilter(src, name)
		}
		var why string
		switch {
		case it.added != "" && s.gen.before(it.added):
			why = fmt.Sprintf("it came in MicrosoftTeams %s", it.added)
		case it.removed != "":
			why = fmt.Sprintf("%s; use %s", it.retired, it.replacement)
		}
		return engine.NewError("InvalidArgument", "InvalidFilter", src,
			"The filter \"%s\" is not valid: \"%s\" is not a property of Get-CsOnlineUser in %s (%s).", src, it.name, s.gen, why).
			WithException("System.ArgumentException")
	}
}

// onlineUserObject is a user as today's Get-CsOnlineUser -Identity shows
// it (the -PassThru of the Grant cmdlets).
func onlineUserObject(tn *storage.Tenant, s *storage.Settings, u *storage.User) *value.Object {
	sh := shapeFor(newestGeneration, true, "", false)
	return sh.object(&onlineUserView{tn: tn, s: s, u: u, gen: sh.gen})
}
