package storage

import (
	"errors"
	"sort"
	"strings"
)

// Bridges returns every bridge, by name.
func (t *tx) Bridges() ([]*Bridge, error) {
	var out []*Bridge
	err := t.each([]byte{nsBridge}, true, false, func(_, v []byte) (bool, error) {
		var b Bridge
		if err := decode(v, &b); err != nil {
			return false, err
		}
		out = append(out, &b)
		return true, nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name)
	})
	return out, err
}

// Bridge returns the bridge with that id.
func (t *tx) Bridge(id string) (*Bridge, error) {
	var b Bridge
	if err := t.getJSON(bridgeKey(strings.TrimSpace(id)), &b); err != nil {
		return nil, err
	}
	return &b, nil
}

// BridgeByName returns the bridge with that name (case-insensitive).
func (t *tx) BridgeByName(name string) (*Bridge, error) {
	bridges, err := t.Bridges()
	if err != nil {
		return nil, err
	}
	for _, b := range bridges {
		if strings.EqualFold(b.Name, strings.TrimSpace(name)) {
			return b, nil
		}
	}
	return nil, ErrNotFound
}

// PutBridge inserts or replaces a bridge. Bridge names are unique
// (case-insensitive), and one bridge is the default: putting a default
// bridge clears IsDefault on the others.
func (t *tx) PutBridge(b *Bridge) error {
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
			return &DuplicateError{What: "bridge name", Value: b.Name}
		}
		if b.IsDefault && o.IsDefault {
			o.IsDefault = false
			if err := t.putJSON(bridgeKey(o.ID), o); err != nil {
				return err
			}
		}
	}
	return t.putJSON(bridgeKey(b.ID), b)
}

// DeleteBridge removes a bridge (its numbers and users are left as they
// are: callers decide what happens to them).
func (t *tx) DeleteBridge(id string) error {
	key := bridgeKey(id)
	if ok, err := t.has(key); err != nil || !ok {
		return notFoundOr(err)
	}
	return t.del(key)
}

func notFoundOr(err error) error {
	if err != nil {
		return err
	}
	return ErrNotFound
}

// ServiceNumbers returns every service number, in number order.
func (t *tx) ServiceNumbers() ([]*ServiceNumber, error) {
	var out []*ServiceNumber
	err := t.each([]byte{nsNumber}, true, false, func(_, v []byte) (bool, error) {
		var n ServiceNumber
		if err := decode(v, &n); err != nil {
			return false, err
		}
		out = append(out, &n)
		return true, nil
	})
	return out, err
}

// ServiceNumber returns one number, given in any form NormalizeNumber takes.
func (t *tx) ServiceNumber(number string) (*ServiceNumber, error) {
	var n ServiceNumber
	if err := t.getJSON(numberKey(NormalizeNumber(number)), &n); err != nil {
		return nil, err
	}
	return &n, nil
}

// PutServiceNumber inserts or replaces a number (stored normalised).
func (t *tx) PutServiceNumber(n *ServiceNumber) error {
	if n == nil || NormalizeNumber(n.Number) == "" {
		return errors.New("storage: a service number needs a number")
	}
	c := *n
	c.Number = NormalizeNumber(n.Number)
	return t.putJSON(numberKey(c.Number), &c)
}

// DeleteServiceNumber removes a number.
func (t *tx) DeleteServiceNumber(number string) error {
	key := numberKey(NormalizeNumber(number))
	if ok, err := t.has(key); err != nil || !ok {
		return notFoundOr(err)
	}
	return t.del(key)
}

// policyRecord is a stored dial-out policy with its listing position, so
// the policies list in the order the service shows them.
type policyRecord struct {
	Policy DialOutPolicy
	Order  int
}

func (t *tx) policyRecords() ([]policyRecord, error) {
	var out []policyRecord
	err := t.each([]byte{nsPolicy}, true, false, func(_, v []byte) (bool, error) {
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
func (t *tx) DialOutPolicies() ([]*DialOutPolicy, error) {
	recs, err := t.policyRecords()
	out := make([]*DialOutPolicy, len(recs))
	for i := range recs {
		out[i] = &recs[i].Policy
	}
	return out, err
}

// PutDialOutPolicy inserts or replaces a policy (identities compare
// case-insensitively); a new one goes last.
func (t *tx) PutDialOutPolicy(p *DialOutPolicy) error {
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
	return t.putJSON(policyKey(p.Identity), policyRecord{Policy: *p, Order: order})
}
