package badgerstore

// The check a snapshot's records pass before a restore changes anything,
// and that CheckInvariants runs over a live store: every record decodes as
// its kind and sits under its own key, the keys come in order with none
// repeated, and the tenant is one the cmdlets can live with — one tenant
// record and settings, at least one Global Administrator, UPN, SIP
// address, mailbox address and conference ID (per bridge) each held by one
// user, every user on a bridge that exists, every audio conferencing and
// meeting policy a user or the tenant is granted held, every user's phone
// number sound, held by no other user and no service number, indexes
// exactly what the users call for, and sequence counters at or past their
// logs' last records.

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"slices"
	"strings"

	"github.com/csshell/csshell/storage"
)

// indexWant is an index entry the users call for: the hash of its value
// and its namespace.
type indexWant struct {
	val uint64
	ns  byte
}

// tenantCheck checks a tenant's records fed in key order (add), then as a
// whole (finish). Index entries are compared by 64-bit hashes under a
// random seed, so the check holds about 24 bytes per entry, not the
// entries (a 100 000-user tenant has about a million); a crafted file
// cannot aim at a collision it cannot predict.
type tenantCheck struct {
	schema   int    // the schema version the records must be at
	tenantID string // the tenant record's id
	users    int    // the user count expected, -1 for any

	seed      maphash.Seed
	last      []byte
	want      map[uint64]indexWant // by hash of key; removed when seen
	collided  map[byte]string      // unique-index namespace → what two users share
	nsSeen    map[byte]bool        // index namespaces that hold entries
	schemaSet bool
	tenant    bool
	settings  bool
	nUsers    int
	admins    int
	bridges   map[string]bool   // lower bridge ids
	onBridge  map[string]string // lower bridge id → a user (or number) on it
	maxSeq    map[byte]uint64   // NSMail/NSAudit → last sequence number
	counters  map[string]uint64
	userIDs   map[uint64]bool // hashes of the lower-case user ids
	maxCall   uint64          // the highest call id in a meeting
	meetings  map[string]*meetingSeen
	// audioPolicies are the lower-case names of the stored audio
	// conferencing policies; assigned maps each policy name users or the
	// tenant default hold (lower case) to one holder, for the message.
	audioPolicies map[string]bool
	assigned      map[string]string
	// meetingPolicies and meetingAssigned are the same for the Teams
	// meeting policies.
	meetingPolicies map[string]bool
	meetingAssigned map[string]string
	// services are the service numbers; phones maps each user's phone
	// number to the user, for the message.
	services map[string]bool
	phones   map[string]string
}

// meetingSeen is what the check keeps of a meeting header: whether it
// has started, and how many calls it holds.
type meetingSeen struct {
	started bool
	calls   int
}

// newTenantCheck checks records at schema version schema of tenant
// tenantID holding users users (-1: any number).
func newTenantCheck(schema int, tenantID string, users int) *tenantCheck {
	return &tenantCheck{schema: schema, tenantID: tenantID, users: users, seed: maphash.MakeSeed(),
		want: map[uint64]indexWant{}, collided: map[byte]string{}, nsSeen: map[byte]bool{},
		bridges: map[string]bool{}, onBridge: map[string]string{}, maxSeq: map[byte]uint64{}, counters: map[string]uint64{},
		userIDs: map[uint64]bool{}, meetings: map[string]*meetingSeen{},
		audioPolicies: map[string]bool{}, assigned: map[string]string{},
		meetingPolicies: map[string]bool{}, meetingAssigned: map[string]string{},
		services: map[string]bool{}, phones: map[string]string{}}
}

// problem is why a tenant's records fail the check (the restore reports
// it as a SnapshotInvalid, CheckInvariants as an error).
type problem string

func (p problem) Error() string { return string(p) }

func (c *tenantCheck) hash(b []byte) uint64 { return maphash.Bytes(c.seed, b) }

// add checks one record; keys must come in strictly increasing order.
func (c *tenantCheck) add(key, val []byte) error {
	if len(key) == 0 || (c.last != nil && bytes.Compare(key, c.last) <= 0) {
		return problem("its records are out of order or repeated")
	}
	c.last = append(c.last[:0], key...)
	ns := key[0]
	single := func(what string) error {
		if len(key) != 1 {
			return problem("it holds a malformed " + what + " key")
		}
		return nil
	}
	switch ns {
	case storage.NSSchema:
		if err := single("schema version"); err != nil {
			return err
		}
		if len(val) != 8 || binary.BigEndian.Uint64(val) != uint64(c.schema) {
			return problem("its schema version is not the one its header names")
		}
		c.schemaSet = true
	case storage.NSTenant:
		if err := single("tenant"); err != nil {
			return err
		}
		var tn storage.Tenant
		if decode(val, &tn) != nil || tn.ID == "" || strings.TrimSpace(tn.Name) == "" || tn.DefaultDomain == "" {
			return problem("its tenant record is unreadable")
		}
		if c.tenantID != "" && tn.ID != c.tenantID {
			return problem("its contents are not the tenant its header names")
		}
		c.tenant = true
	case storage.NSSettings:
		if err := single("settings"); err != nil {
			return err
		}
		var st storage.Settings
		if decode(val, &st) != nil || st.PinLength < storage.MinPinLength || st.PinLength > storage.MaxPinLength {
			return problem("its tenant settings are unreadable")
		}
		if st.GlobalAudioConferencingPolicy != "" {
			c.assigned[strings.ToLower(st.GlobalAudioConferencingPolicy)] = "the tenant"
		}
		if st.GlobalMeetingPolicy != "" {
			c.meetingAssigned[strings.ToLower(st.GlobalMeetingPolicy)] = "the tenant"
		}
		c.settings = true
	case storage.NSUser:
		return c.addUser(key, val)
	case storage.NSPolicy:
		var p policyRecord
		if decode(val, &p) != nil || p.Policy.Identity == "" || !bytes.Equal(key, storage.PolicyKey(p.Policy.Identity)) {
			return problem("a dial-out policy record is unreadable")
		}
	case storage.NSBridge:
		var br storage.Bridge
		if decode(val, &br) != nil || br.ID == "" || !bytes.Equal(key, storage.BridgeKey(br.ID)) {
			return problem("a bridge record is unreadable")
		}
		c.bridges[strings.ToLower(br.ID)] = true
	case storage.NSNumber:
		var n storage.ServiceNumber
		if decode(val, &n) != nil || n.Number == "" || !bytes.Equal(key, storage.NumberKey(n.Number)) {
			return problem("a service number record is unreadable")
		}
		if n.BridgeID != "" {
			c.onBridge[strings.ToLower(n.BridgeID)] = "the service number " + n.Number
		}
		c.services[n.Number] = true
	case storage.NSMail, storage.NSAudit:
		return c.addLog(key, val)
	case storage.NSCounter:
		name := string(key[1:])
		if (name != storage.CounterMail && name != storage.CounterAudit && name != storage.CounterCall && name != storage.CounterSharedMailbox) || len(val) != 8 {
			return problem("a sequence counter is unreadable")
		}
		c.counters[name] = binary.BigEndian.Uint64(val)
	case storage.NSAudioPol:
		var p storage.AudioConferencingPolicy
		if decode(val, &p) != nil || storage.CheckAudioConferencingPolicy(&p) != nil || !bytes.Equal(key, storage.AudioPolicyKey(p.Identity)) {
			return problem("an audio conferencing policy record is unreadable")
		}
		c.audioPolicies[strings.ToLower(p.Name())] = true
	case storage.NSMeetPol:
		var p storage.MeetingPolicy
		if decode(val, &p) != nil || storage.CheckMeetingPolicy(&p) != nil || !bytes.Equal(key, storage.MeetingPolicyKey(p.Identity)) {
			return problem("a meeting policy record is unreadable")
		}
		c.meetingPolicies[strings.ToLower(p.Name())] = true
	case storage.NSMeeting:
		return c.addMeeting(key, val)
	case storage.NSCall:
		return c.addCall(key, val)
	case storage.NSDialIn:
		var o storage.DialInOptions
		if err := single("dial-in options"); err != nil {
			return err
		}
		if decode(val, &o) != nil || !slices.Contains(storage.LobbyAdmissionModes, o.LobbyAdmission) {
			return problem("its dial-in options are unreadable")
		}
	case storage.NSPending:
		return problem("it holds a half-finished reset")
	default:
		if !isIndexNamespace(ns) {
			return problem("it holds a record of an unknown kind")
		}
		return c.addIndex(key, val)
	}
	return nil
}

// isIndexNamespace reports whether ns is a user index.
func isIndexNamespace(ns byte) bool { return bytes.IndexByte(storage.IndexNamespaces(), ns) >= 0 }

// addUser checks a user record and notes the index entries it calls for.
func (c *tenantCheck) addUser(key, val []byte) error {
	var u storage.User
	if decode(val, &u) != nil || u.ID == "" {
		return problem("a user record is unreadable")
	}
	if !bytes.Equal(key, storage.UserKey(u.ID)) {
		return problem("the user record of '" + printable(u.UserPrincipalName) + "' is filed under another object id")
	}
	if storage.LowerUPN(u.UserPrincipalName) == "" {
		return problem("a user has no UPN")
	}
	for _, s := range []string{u.UserPrincipalName, u.SipAddress, u.PrimarySmtpAddress, u.DisplayName} {
		if strings.ContainsRune(s, 0) {
			return problem("the user '" + printable(u.UserPrincipalName) + "' has a NUL character in a name or address")
		}
	}
	if cf := u.Conferencing; cf != nil {
		if len(cf.PIN.Hash) != 0 && len(cf.PIN.Hash) != 32 {
			return problem("the leader PIN of '" + printable(u.UserPrincipalName) + "' is unreadable")
		}
		if cf.BridgeID != "" {
			c.onBridge[strings.ToLower(cf.BridgeID)] = "the user " + u.UserPrincipalName
		}
	}
	if u.AudioConferencingPolicy != "" {
		c.assigned[strings.ToLower(u.AudioConferencingPolicy)] = "the user " + u.UserPrincipalName
	}
	if u.MeetingPolicy != "" {
		c.meetingAssigned[strings.ToLower(u.MeetingPolicy)] = "the user " + u.UserPrincipalName
	}
	if storage.CheckUserPhone(&u) != nil {
		return problem("the phone number of '" + printable(u.UserPrincipalName) + "' is unreadable")
	}
	if u.PhoneNumber != "" {
		c.phones[u.PhoneNumber] = u.UserPrincipalName
	}
	c.nUsers++
	c.userIDs[c.hash([]byte(strings.ToLower(u.ID)))] = true
	if storage.HasRole(&u, storage.RoleGlobalAdmin) {
		c.admins++
	}
	for _, e := range storage.UserIndex(&u) {
		if e.Key[0] == storage.NSIdxWord && c.schema < storage.SchemaWordUPNCase {
			e.Val = []byte(storage.LowerUPN(u.UserPrincipalName)) // the older form
		}
		h := c.hash(e.Key)
		if _, dup := c.want[h]; dup {
			if _, seen := c.collided[e.Key[0]]; !seen {
				c.collided[e.Key[0]] = sharedWhat(&u, e.Key[0])
			}
			continue
		}
		c.want[h] = indexWant{val: c.hash(e.Val), ns: e.Key[0]}
	}
	return nil
}

// addMeeting checks a meeting header: it decodes, sits under its
// organizer's key, holds no calls itself, and its organizer is a user
// (users' keys sort before meetings', so they have all been seen).
func (c *tenantCheck) addMeeting(key, val []byte) error {
	var m storage.Meeting
	if decode(val, &m) != nil || m.OrganizerID == "" || !bytes.Equal(key, storage.MeetingKey(m.OrganizerID)) || len(m.Calls) != 0 {
		return problem("a meeting record is unreadable")
	}
	if storage.CheckMeeting(&m) != nil {
		return problem("a meeting record is malformed")
	}
	if !c.userIDs[c.hash([]byte(strings.ToLower(m.OrganizerID)))] {
		return problem("a meeting's organizer is not a user of the tenant")
	}
	c.meetings[strings.ToLower(m.OrganizerID)] = &meetingSeen{started: m.State == storage.MeetingStarted}
	return nil
}

// addCall checks one call of a meeting: it decodes, sits under its
// meeting's key and its own id, is sound, and its meeting's header came
// before it (0x0C sorts before 0x0E); a call in the meeting needs a
// started one.
func (c *tenantCheck) addCall(key, val []byte) error {
	var call storage.MeetingCall
	if decode(val, &call) != nil {
		return problem("a meeting call record is unreadable")
	}
	org, id, ok := storage.ParseCallKey(key)
	seen := c.meetings[org]
	switch {
	case !ok || id != call.CallID || !bytes.Equal(key, storage.CallKey(org, id)):
		return problem("a meeting call record is filed under another key")
	case seen == nil:
		return problem("a meeting call record belongs to no meeting")
	}
	m := &storage.Meeting{OrganizerID: org, State: storage.MeetingNotStarted, Calls: []*storage.MeetingCall{&call}}
	if seen.started {
		m.State = storage.MeetingStarted
	}
	if storage.CheckMeeting(m) != nil {
		return problem("a meeting call record is malformed")
	}
	seen.calls++
	c.maxCall = max(c.maxCall, call.CallID)
	return nil
}

// sharedWhat names the value of u a unique index entry in ns holds.
func sharedWhat(u *storage.User, ns byte) string {
	switch ns {
	case storage.NSIdxUPN:
		return "the UPN '" + printable(u.UserPrincipalName) + "'"
	case storage.NSIdxSIP:
		return "the SIP address '" + printable(u.SipAddress) + "'"
	case storage.NSIdxConf:
		return "the conference ID " + printable(u.Conferencing.ConferenceID) + " on one bridge"
	case storage.NSIdxPhone:
		return "the phone number +" + printable(u.PhoneNumber)
	}
	return "the mailbox address '" + printable(u.PrimarySmtpAddress) + "'"
}

// addIndex checks an index entry against the entries the users call for.
func (c *tenantCheck) addIndex(key, val []byte) error {
	c.nsSeen[key[0]] = true
	h := c.hash(key)
	w, ok := c.want[h]
	if !ok || w.val != c.hash(val) {
		return problem("its indexes do not agree with its users")
	}
	delete(c.want, h)
	return nil
}

// addLog checks a mail or audit record: filed under its own number.
func (c *tenantCheck) addLog(key, val []byte) error {
	ns := key[0]
	what := "a mail"
	if ns == storage.NSAudit {
		what = "an audit"
	}
	if len(key) != 9 {
		return problem(what + " record is unreadable")
	}
	seq := binary.BigEndian.Uint64(key[1:])
	var got uint64
	if ns == storage.NSMail {
		var m storedMail
		if decode(val, &m) != nil {
			return problem(what + " record is unreadable")
		}
		got = m.Seq
	} else {
		var a storage.AuditRecord
		if decode(val, &a) != nil {
			return problem(what + " record is unreadable")
		}
		got = a.Seq
	}
	if got != seq || seq == 0 {
		return problem(what + " record is filed under another number")
	}
	c.maxSeq[ns] = max(c.maxSeq[ns], seq)
	return nil
}

// finish checks the tenant as a whole once every record is in.
func (c *tenantCheck) finish() error {
	switch {
	case !c.schemaSet:
		return problem("it holds no schema version")
	case !c.tenant:
		return problem("it holds no tenant record")
	case !c.settings:
		return problem("it holds no tenant settings")
	case c.users >= 0 && c.nUsers != c.users:
		return problem("it holds a different number of users than its header says")
	case c.admins == 0:
		return problem("it holds no Global Administrator, so nobody could change the tenant again")
	}
	for id, who := range c.onBridge {
		if !c.bridges[id] {
			return problem(printable(who) + " is on a bridge it does not hold")
		}
	}
	// An index of the current layout must be whole; one a migration adds
	// (absent from an older snapshot) is built by that migration, under
	// its own rules.
	has := func(ns byte) bool { return c.schema >= storage.SchemaVersion || c.nsSeen[ns] }
	for ns, what := range c.collided {
		if has(ns) {
			return problem("two users share " + what)
		}
	}
	for _, w := range c.want {
		if has(w.ns) {
			return problem("its indexes do not agree with its users")
		}
	}
	for ns, name := range map[byte]string{storage.NSMail: storage.CounterMail, storage.NSAudit: storage.CounterAudit} {
		if c.counters[name] < c.maxSeq[ns] {
			return problem("its " + name + " counter is behind its last " + name + " record, so new records would overwrite old ones")
		}
	}
	for _, m := range c.meetings {
		if m.calls == 0 {
			return problem("a meeting record has no calls")
		}
	}
	for name, who := range c.assigned {
		if name == "global" || (!c.audioPolicies[name] && storage.BuiltinAudioConferencingPolicy(name) == nil) {
			return problem(printable(who) + " is assigned the audio conferencing policy '" + printable(name) + "', which it does not hold")
		}
	}
	for name, who := range c.meetingAssigned {
		if name == "global" || (!c.meetingPolicies[name] && storage.BuiltinMeetingPolicy(name) == nil) {
			return problem(printable(who) + " is assigned the meeting policy '" + printable(name) + "', which it does not hold")
		}
	}
	for number, who := range c.phones {
		if c.services[number] {
			return problem("the user " + printable(who) + " holds the service number +" + printable(number) + " as their phone number")
		}
	}
	if c.counters[storage.CounterCall] < c.maxCall {
		return problem("its call counter is behind its meetings' calls, so new calls would take their ids")
	}
	return nil
}

// printable is s for a message: valid UTF-8, no control characters, at
// most 80 characters.
func printable(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return s
}
