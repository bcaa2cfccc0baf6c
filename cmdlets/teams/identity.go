package teams

import (
	"sort"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// notFound is the Skype for Business Online error for an identity that
// names no user.
func notFound(identity string) *engine.ErrorRecord {
	return engine.NewError("ObjectNotFound", "ManagementException", identity,
		"Management object not found for identity \"%s\".", identity).
		WithException("Microsoft.Rtc.Management.ManagementException")
}

// ambiguous is the error for a display name shared by several users.
func ambiguous(identity string, users []*storage.User) *engine.ErrorRecord {
	upns := make([]string, len(users))
	for i, u := range users {
		upns[i] = u.UserPrincipalName
	}
	sort.Strings(upns)
	return engine.NewError("InvalidArgument", "AmbiguousIdentity", identity,
		"The identity \"%s\" matches more than one user: %s. Specify the user principal name, SIP address or object id instead.",
		identity, strings.Join(upns, ", "))
}

// IdentityText turns an -Identity argument into the text to resolve: a
// string as is; an object (a user from Get-*, an Import-Csv row) by its
// Identity, UserPrincipalName or SipAddress property.
func IdentityText(v any) string {
	if o, ok := v.(*value.Object); ok {
		for _, p := range []string{"Identity", "ObjectId", "UserPrincipalName", "SipAddress"} {
			if x, ok := o.Get(p); ok && x != nil && value.ToString(x) != "" {
				return value.ToString(x)
			}
		}
	}
	return strings.TrimSpace(value.ToString(v))
}

// ResolveUser finds exactly one user for an identity; unknown and
// ambiguous identities are errors naming the identity.
func ResolveUser(r storage.Reader, identity string) (*storage.User, error) {
	if identity == "" {
		return nil, notFound(identity)
	}
	users, err := r.FindUsers(identity)
	if err != nil {
		return nil, StoreError(err, identity)
	}
	switch len(users) {
	case 0:
		return nil, notFound(identity)
	case 1:
		return users[0], nil
	}
	return nil, ambiguous(identity, users)
}
