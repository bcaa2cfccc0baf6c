package storage

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
)

// MaxSyntheticUsers is the highest synthetic user number, so the most
// synthetic users one tenant holds: six digits up to
// user999999, seven from user1000000. Every synthetic user holds its own
// conference id on the default bridge, of which there are 9 000 000 (7
// digits, the first not zero); stopping at 5 000 000 keeps more than
// four in ten of them free, so a random draw finds a free one in fewer
// than three tries. (A million users take ~1.5 GB of disk.)
const MaxSyntheticUsers = 5_000_000

// syntheticChunk is how many synthetic users one Update writes: well
// inside one transaction (~1.4 KB of keys and values per user).
const syntheticChunk = 250

// syntheticUPN matches the start of a synthetic UPN: six digits, or seven
// without a leading zero.
var syntheticUPN = regexp.MustCompile(`^user(\d{6}|[1-9]\d{6})@`)

// BulkUserAdder is implemented by stores that can add many new users
// faster than through Update. AddSyntheticUsers uses it.
type BulkUserAdder interface {
	// AddNewUsers writes n users, made in turn by next, each whole, in
	// durable transactions of many users, without reading: next must only
	// make users whose object id, UPN, SIP address and conference ID no
	// user holds. After an error the transactions already committed stay.
	AddNewUsers(n int, next func(st Stamper) (*User, error)) error
}

// AddSyntheticUsers adds n conferencing-enabled users with mailboxes on the
// default bridge — user000001@<default domain>, "User 000001", … —
// numbered after the synthetic users already there, in durable
// transactions of several hundred users each (100 000 users take about
// 4 s on a BulkUserAdder). Each user is written whole; after an error the
// transactions already committed stay.
func AddSyntheticUsers(s Store, n int) error {
	if n <= 0 {
		return nil
	}
	var plan syntheticPlan
	if err := s.View(func(r Reader) error { return plan.load(r) }); err != nil {
		return err
	}
	if plan.next+n-1 > MaxSyntheticUsers {
		return fmt.Errorf("storage: at most %d synthetic users (user%06d is next)", MaxSyntheticUsers, plan.next)
	}
	first := plan.next
	if a, ok := s.(BulkUserAdder); ok {
		return a.AddNewUsers(n, plan.generator())
	}
	for done := 0; done < n; {
		size := min(syntheticChunk, n-done)
		err := s.Update(func(w Writer) error {
			for i := range size {
				u, err := plan.user(first+done+i, w)
				if err != nil {
					return err
				}
				if err := w.PutUser(u); err != nil {
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

// SyntheticUsers returns the maker of the next n synthetic users of the
// tenant r reads — each call makes the next, stamped by st; made users
// hold UPNs, SIP addresses and conference IDs no user of r holds, nor one
// another — for a store's AddNewUsers (a BulkResetter adding them inside
// its reset uses it).
func SyntheticUsers(r Reader, n int) (func(st Stamper) (*User, error), error) {
	var plan syntheticPlan
	if err := plan.load(r); err != nil {
		return nil, err
	}
	if plan.next+n-1 > MaxSyntheticUsers {
		return nil, fmt.Errorf("storage: at most %d synthetic users (user%06d is next)", MaxSyntheticUsers, plan.next)
	}
	return plan.generator(), nil
}

// generator makes the plan's users in turn, from plan.next on.
func (p *syntheticPlan) generator() func(st Stamper) (*User, error) {
	i := p.next
	return func(st Stamper) (*User, error) {
		i++
		return p.user(i-1, st)
	}
}

// syntheticPlan is what every synthetic user shares.
type syntheticPlan struct {
	domain   string
	settings *Settings
	bridge   *Bridge
	tollFree string
	next     int
	taken    conferenceIDSet // conference ids used on the bridge
	sipTaken map[string]bool // lower synthetic SIP addresses (without "sip:") from user<next> on
}

// conferenceIDSet is a set of conference ids: a bit per 7-digit id (1.2 MB
// whatever the tenant's size, where a map of a million ids took ~60 MB),
// and a map for any other id a user holds.
type conferenceIDSet struct {
	bits  []uint64
	other map[string]bool
}

// sevenDigits is id as a number when it has 7 digits, else -1.
func sevenDigits(id string) int {
	if len(id) != 7 {
		return -1
	}
	n := 0
	for i := range len(id) {
		if id[i] < '0' || id[i] > '9' {
			return -1
		}
		n = n*10 + int(id[i]-'0')
	}
	return n
}

// add puts id in the set and reports whether it was new.
func (c *conferenceIDSet) add(id string) bool {
	n := sevenDigits(id)
	if n < 0 {
		if c.other[id] {
			return false
		}
		if c.other == nil {
			c.other = map[string]bool{}
		}
		c.other[id] = true
		return true
	}
	if c.bits == nil {
		c.bits = make([]uint64, 10_000_000/64+1)
	}
	w, bit := n/64, uint64(1)<<(n%64)
	if c.bits[w]&bit != 0 {
		return false
	}
	c.bits[w] |= bit
	return true
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
	idx := indexScannerOf(r)
	err = idx.EachConferenceID(p.bridge.ID, func(id string) { p.taken.add(id) })
	if err != nil {
		return err
	}
	if p.next, err = lastSynthetic(idx, p.domain); err != nil {
		return err
	}
	p.next++
	// Synthetic SIP addresses from the first new number on that someone
	// already holds (normally none; only those are kept). Six- and
	// seven-digit numbers interleave in key order (user1000000@ sorts
	// between user100000@ and user100001@), so the scan goes from the
	// start of the six-digit number's first five digits.
	p.sipTaken = map[string]bool{}
	from := fmt.Sprintf("user%06d", p.next)[:9]
	return idx.ScanSIPs("user", from, func(sip string) bool {
		if n, ok := syntheticNumber(sip); ok && n >= p.next {
			p.sipTaken[sip] = true
		}
		return true
	})
}

// syntheticNumber is the number of a synthetic UPN or SIP address (any
// domain).
func syntheticNumber(s string) (int, bool) {
	m := syntheticUPN.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil
}

// lastSynthetic is the highest number of a user<digits>@domain UPN, 0
// when there is none: a reverse scan of the UPN index from
// user999999@domain, the highest of them in key order. A seven-digit
// number is higher than any six-digit one and the first met is the
// highest, so the scan stops there; six-digit numbers interleave with
// them in key order, so while only those are met it goes on to the end
// of the user prefix (a key-only scan: ~1 s per million users, paid only
// when adding synthetic users to a tenant that holds many).
func lastSynthetic(idx IndexScanner, domain string) (int, error) {
	last := 0
	start := LowerUPN(fmt.Sprintf("user%06d@%s", 999_999, domain))
	suffix := "@" + LowerUPN(domain)
	err := idx.ScanUPNs("user", start, true, func(upn string) bool {
		m := syntheticUPN.FindStringSubmatch(upn)
		if m == nil || upn[len(m[0])-1:] != suffix {
			return true
		}
		n, _ := strconv.Atoi(m[1]) // six or seven digits: never fails
		last = max(last, n)
		return len(m[1]) == 6
	})
	return last, err
}

// user builds synthetic user number i, stamped by st.
func (p *syntheticPlan) user(i int, st Stamper) (*User, error) {
	upn := fmt.Sprintf("user%06d@%s", i, p.domain)
	if p.sipTaken[LowerSIP(upn)] {
		return nil, &DuplicateError{What: "SIP address", Value: "sip:" + upn}
	}
	pin, err := GeneratePIN(p.settings.PinLength)
	if err != nil {
		return nil, err
	}
	h, err := st.HashPIN(pin)
	if err != nil {
		return nil, err
	}
	conf, err := p.conferenceID()
	if err != nil {
		return nil, err
	}
	now := h.SetAt // one moment for the whole user
	return &User{
		ID: UserIDFor(upn), UserPrincipalName: upn, DisplayName: fmt.Sprintf("User %06d", i),
		SipAddress: "sip:" + upn, PrimarySmtpAddress: upn, HasMailbox: true,
		UsageLocation: "US", City: "Redmond", Department: "Synthetic",
		Country: "United States", StateOrProvince: "WA", Company: "Contoso", PreferredLanguage: "en-US",
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
		if p.taken.add(id) {
			return id, nil
		}
	}
}
