package teams

import (
	"slices"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// onlineUserOrder is Get-CsOnlineUser's -Sort (alias -OrderBy):
// "<Property> [asc|desc]", for example "DisplayName asc" or
// {DisplayName desc}.
type onlineUserOrder struct {
	prop string
	desc bool
}

// parseOnlineUserOrder reads -Sort against the shape's properties.
func parseOnlineUserOrder(s string, shape onlineUserShape) (*onlineUserOrder, error) {
	f := strings.Fields(strings.Trim(strings.TrimSpace(s), "{}"))
	bad := func() error {
		return engine.NewError("InvalidArgument", "InvalidSort", s,
			"The sort order \"%s\" is not valid. Use \"<Property> asc\" or \"<Property> desc\", for example \"DisplayName asc\".", s).
			WithException("System.ArgumentException")
	}
	if len(f) == 0 || len(f) > 2 {
		return nil, bad()
	}
	o := &onlineUserOrder{prop: f[0]}
	if len(f) == 2 {
		switch strings.ToLower(f[1]) {
		case "asc":
		case "desc":
			o.desc = true
		default:
			return nil, bad()
		}
	}
	if !shape.has(o.prop) {
		return nil, engine.NewError("InvalidArgument", "InvalidSort", s,
			"The sort order \"%s\" is not valid: \"%s\" is not a property of Get-CsOnlineUser in %s.", s, o.prop, shape.gen).
			WithException("System.ArgumentException")
	}
	return o, nil
}

// sort orders the users, stably, by the property of their key objects
// (case-insensitively, $null first in ascending order).
func (o *onlineUserOrder) sort(users []*storage.User, key func(*storage.User) *value.Object) {
	slices.SortStableFunc(users, func(a, b *storage.User) int {
		x, _ := key(a).Get(o.prop)
		y, _ := key(b).Get(o.prop)
		c, err := value.CompareValues(x, y, false)
		if err != nil {
			c = strings.Compare(strings.ToLower(value.ToString(x)), strings.ToLower(value.ToString(y)))
		}
		if o.desc {
			return -c
		}
		return c
	})
}
