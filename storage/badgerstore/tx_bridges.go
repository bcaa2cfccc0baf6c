package badgerstore

import (
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/csshell/csshell/storage"
)

// Bridges returns every bridge, by name.
func (t *tx) Bridges() ([]*storage.Bridge, error) {
	if t.g != nil && t.g.bridges != nil {
		return cloneBridges(t.g.bridges), nil
	}
	var out []*storage.Bridge
	err := t.each([]byte{storage.NSBridge}, true, false, func(_, v []byte) (bool, error) {
		var b storage.Bridge
		if err := decode(v, &b); err != nil {
			return false, err
		}
		out = append(out, &b)
		return true, nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name)
	})
	if err == nil && t.g != nil {
		t.g.bridges = cloneBridges(out) // dropped at the next bridge write
		if t.g.bridges == nil {
			t.g.bridges = []*storage.Bridge{}
		}
	}
	return out, err
}

// cloneBridges copies a list of bridges (a Bridge holds no references).
func cloneBridges(bs []*storage.Bridge) []*storage.Bridge {
	var out []*storage.Bridge
	for _, b := range bs {
		c := *b
		out = append(out, &c)
	}
	return out
}

// Bridge returns the bridge with that id.
func (t *tx) Bridge(id string) (*storage.Bridge, error) {
	b, err := sharedRecord[storage.Bridge](t, storage.BridgeKey(strings.TrimSpace(id)))
	if err != nil || t.g == nil {
		return b, err
	}
	c := *b // a Bridge holds no references
	return &c, nil
}

// BridgeByName returns the bridge with that name (case-insensitive).
func (t *tx) BridgeByName(name string) (*storage.Bridge, error) {
	bridges, err := t.Bridges()
	if err != nil {
		return nil, err
	}
	for _, b := range bridges {
		if strings.EqualFold(b.Name, strings.TrimSpace(name)) {
			return b, nil
		}
	}
	return nil, storage.ErrNotFound
}

// PutBridge inserts or replaces a bridge. Bridge names are unique
// (case-insensitive), and one bridge is the default: putting a default
// bridge clears IsDefault on the others.
func (t *tx) PutBridge(b *storage.Bridge) error {
	if b == nil || b.ID == "" || strings.TrimSpace(b.Name) == "" {
		return errors.New("storage: a bridge needs an id and a name")
	}
	bridges, err := t.Bridges()
	if err != nil {
		return err
	}
	for _, o := range bridges {
		if o.ID == b.ID {
			continue
		}
		if strings.EqualFold(o.Name, b.Name) {
			return &storage.DuplicateError{What: "bridge name", Value: b.Name}
		}
		if b.IsDefault && o.IsDefault {
			o.IsDefault = false
			if err := t.putJSON(storage.BridgeKey(o.ID), o); err != nil {
				return err
			}
		}
	}
	return t.putJSON(storage.BridgeKey(b.ID), b)
}

// DeleteBridge removes a bridge (its numbers and users are left as they
// are: callers decide what happens to them).
func (t *tx) DeleteBridge(id string) error {
	key := storage.BridgeKey(id)
	if ok, err := t.has(key); err != nil || !ok {
		return notFoundOr(err)
	}
	return t.del(key)
}

func notFoundOr(err error) error {
	if err != nil {
		return err
	}
	return storage.ErrNotFound
}

// ServiceNumbers returns every service number, in number order.
func (t *tx) ServiceNumbers() ([]*storage.ServiceNumber, error) {
	if t.g != nil && t.g.numbers != nil {
		return cloneNumbers(t.g.numbers), nil
	}
	var out []*storage.ServiceNumber
	err := t.each([]byte{storage.NSNumber}, true, false, func(_, v []byte) (bool, error) {
		var n storage.ServiceNumber
		if err := decode(v, &n); err != nil {
			return false, err
		}
		out = append(out, &n)
		return true, nil
	})
	if err == nil && t.g != nil {
		t.g.numbers = cloneNumbers(out) // dropped at the next number write
		if t.g.numbers == nil {
			t.g.numbers = []*storage.ServiceNumber{}
		}
	}
	return out, err
}

// cloneNumbers copies a list of service numbers.
func cloneNumbers(ns []*storage.ServiceNumber) []*storage.ServiceNumber {
	var out []*storage.ServiceNumber
	for _, n := range ns {
		c := *n
		c.SecondaryLanguages = slices.Clone(n.SecondaryLanguages)
		out = append(out, &c)
	}
	return out
}

// ServiceNumber returns one number, given in any form NormalizeNumber takes.
func (t *tx) ServiceNumber(number string) (*storage.ServiceNumber, error) {
	var n storage.ServiceNumber
	if err := t.getJSON(storage.NumberKey(storage.NormalizeNumber(number)), &n); err != nil {
		return nil, err
	}
	return &n, nil
}

// PutServiceNumber inserts or replaces a number (stored normalised).
func (t *tx) PutServiceNumber(n *storage.ServiceNumber) error {
	if n == nil || storage.NormalizeNumber(n.Number) == "" {
		return errors.New("storage: a service number needs a number")
	}
	c := *n
	c.Number = storage.NormalizeNumber(n.Number)
	if _, held, err := t.PhoneNumberOwner(c.Number); err != nil || held {
		return dupOr(err, "service number (a user's phone number)", "+"+c.Number)
	}
	return t.putJSON(storage.NumberKey(c.Number), &c)
}

// DeleteServiceNumber removes a number.
func (t *tx) DeleteServiceNumber(number string) error {
	key := storage.NumberKey(storage.NormalizeNumber(number))
	if ok, err := t.has(key); err != nil || !ok {
		return notFoundOr(err)
	}
	return t.del(key)
}

// policyRecord is a stored dial-out policy with its listing position, so
// the policies list in the order the service shows them.
type policyRecord struct {
	Policy storage.DialOutPolicy
	Order  int
}

func (t *tx) policyRecords() ([]policyRecord, error) {
	var out []policyRecord
	err := t.each([]byte{storage.NSPolicy}, true, false, func(_, v []byte) (bool, error) {
		var r policyRecord
		if err := decode(v, &r); err != nil {
			return false, err
		}
		out = append(out, r)
		return true, nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out, err
}

// DialOutPolicies returns the dial-out policies in the order they were
// first put (Global first for the predefined set).
func (t *tx) DialOutPolicies() ([]*storage.DialOutPolicy, error) {
	recs, err := t.policyRecords()
	out := make([]*storage.DialOutPolicy, len(recs))
	for i := range recs {
		out[i] = &recs[i].Policy
	}
	return out, err
}

// PutDialOutPolicy inserts or replaces a policy (identities compare
// case-insensitively); a new one goes last.
func (t *tx) PutDialOutPolicy(p *storage.DialOutPolicy) error {
	if p == nil || strings.TrimSpace(p.Identity) == "" {
		return errors.New("storage: a dial-out policy needs an identity")
	}
	recs, err := t.policyRecords()
	if err != nil {
		return err
	}
	order := len(recs)
	for _, r := range recs {
		if strings.EqualFold(r.Policy.Identity, p.Identity) {
			order = r.Order
			break
		}
		order = max(order, r.Order+1)
	}
	return t.putJSON(storage.PolicyKey(p.Identity), policyRecord{Policy: *p, Order: order})
}
