package storage

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// maxSynthetic is the highest synthetic user number (six digits).
const maxSynthetic = 999_999

// syntheticChunk is how many synthetic users one Update writes: well
// inside one transaction (~1.4 KB of keys and values per user).
const syntheticChunk = 250

var syntheticUPN = regexp.MustCompile(`^user(\d{6})@`)

// AddSyntheticUsers adds n conferencing-enabled users with mailboxes on the
// default bridge — user000001@<default domain>, "User 000001", … —
// numbered after the synthetic users already there, in durable
// transactions of several hundred users each (100 000 users take about
// 4 s). Each user is written whole; after an error the transactions
// already committed stay.
func AddSyntheticUsers(s Store, n int) error {
	if n <= 0 {
		return nil
	}
	var plan syntheticPlan
	if err := s.View(func(r Reader) error { return plan.load(r) }); err != nil {
		return err
	}
	if plan.next+n-1 > maxSynthetic {
		return fmt.Errorf("storage: at most %d synthetic users (user%06d is next)", maxSynthetic, plan.next)
	}
	now := time.Now().UTC()
	if b, ok := s.(*Badger); ok {
		return b.addSynthetic(&plan, n, now)
	}
	for done := 0; done < n; {
		size := min(syntheticChunk, n-done)
		err := s.Update(func(w Writer) error {
			for i := range size {
				if err := plan.put(w, plan.next+done+i, now); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		done += size
	}
	return nil
}

// syntheticPlan is what every synthetic user shares.
type syntheticPlan struct {
	domain   string
	settings *Settings
	bridge   *Bridge
	tollFree string
	next     int
	taken    map[string]bool // conference ids used on the bridge
	sipTaken map[string]bool // lower SIP addresses (without "sip:") from user<next> on
}

// load reads the tenant's default domain and bridge, the bridge's
// conference ids, and the next free synthetic number.
func (p *syntheticPlan) load(r Reader) error {
	tn, err := r.Tenant()
	if err != nil {
		return err
	}
	p.domain = tn.DefaultDomain
	if p.settings, err = r.Settings(); err != nil {
		return err
	}
	bridges, err := r.Bridges()
	if err != nil {
		return err
	}
	for _, b := range bridges {
		if p.bridge == nil || b.IsDefault {
			p.bridge = b
		}
	}
	if p.bridge == nil {
		return errors.New("storage: the tenant has no bridge")
	}
	if p.tollFree, err = firstTollFree(r, p.bridge.ID); err != nil {
		return err
	}
	t, ok := r.(*tx)
	if !ok {
		return errors.New("storage: AddSyntheticUsers needs a Badger store")
	}
	p.taken = map[string]bool{}
	prefix := confPrefix(p.bridge.ID)
	err = t.each(prefix, false, false, func(k, _ []byte) (bool, error) {
		p.taken[string(k[len(prefix):])] = true
		return true, nil
	})
	if err != nil {
		return err
	}
	if p.next, err = t.lastSynthetic(p.domain); err != nil {
		return err
	}
	p.next++
	// SIP addresses from the first new number on that someone already
	// holds (a short forward scan: normally there are none).
	p.sipTaken = map[string]bool{}
	sipPrefix := sipKey("user")
	return t.eachFrom(sipPrefix, sipKey(fmt.Sprintf("user%06d@", p.next)), false, false, func(k, _ []byte) (bool, error) {
		p.sipTaken[string(k[1:])] = true
		return true, nil
	})
}

// lastSynthetic is the highest number of a user<6 digits>@domain UPN, 0
// when there is none: a short reverse scan of the UPN index from
// user999999@domain.
func (t *tx) lastSynthetic(domain string) (int, error) {
	last := 0
	start := upnKey(fmt.Sprintf("user%06d@%s", maxSynthetic, domain))
	suffix := "@" + lowerUPN(domain)
	err := t.eachFrom(upnKey("user"), start, false, true, func(k, _ []byte) (bool, error) {
		upn := string(k[1:])
		m := syntheticUPN.FindStringSubmatch(upn)
		if m == nil || upn[len(m[0])-1:] != suffix {
			return true, nil
		}
		last, _ = strconv.Atoi(m[1]) // six digits: never fails
		return false, nil
	})
	return last, err
}

// put writes synthetic user number i.
func (p *syntheticPlan) put(w Writer, i int, now time.Time) error {
	u, err := p.user(i, w.HashPIN, now)
	if err != nil {
		return err
	}
	return w.PutUser(u)
}

// user builds synthetic user number i.
func (p *syntheticPlan) user(i int, hash func(string) (PINHash, error), now time.Time) (*User, error) {
	upn := fmt.Sprintf("user%06d@%s", i, p.domain)
	pin, err := GeneratePIN(p.settings.PinLength)
	if err != nil {
		return nil, err
	}
	h, err := hash(pin)
	if err != nil {
		return nil, err
	}
	conf, err := p.conferenceID()
	if err != nil {
		return nil, err
	}
	return &User{
		ID: UserIDFor(upn), UserPrincipalName: upn, DisplayName: fmt.Sprintf("User %06d", i),
		SipAddress: "sip:" + upn, PrimarySmtpAddress: upn, HasMailbox: true,
		UsageLocation: "US", City: "Redmond", Department: "Synthetic",
		AudioConferencingLicense: true, Provider: ProviderMicrosoft,
		Conferencing: &Conferencing{
			BridgeID: p.bridge.ID, ConferenceID: conf,
			ServiceNumber: p.bridge.DefaultServiceNumber, TollFreeServiceNumber: p.tollFree,
			AllowTollFreeDialIn: true, AllowPSTNOnlyMeetings: p.settings.AllowPSTNOnlyMeetingsByDefault,
			PIN: h,
		},
		Created: now, Modified: now,
	}, nil
}

// conferenceID draws a conference id free on the plan's bridge.
func (p *syntheticPlan) conferenceID() (string, error) {
	for {
		id, err := randomConferenceID()
		if err != nil {
			return "", err
		}
		if !p.taken[id] {
			p.taken[id] = true
			return id, nil
		}
	}
}
