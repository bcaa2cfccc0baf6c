package badgerstore

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/dgraph-io/badger/v4/pb"
)

// snapshotKVs decodes a snapshot the store wrote into its header and
// key-values.
func snapshotKVs(t *testing.T, s *Badger, data []byte) (*storage.SnapshotHeader, []*pb.KV) {
	t.Helper()
	var payload bytes.Buffer
	hdr, ok, err := storage.ReadAuthenticatedSnapshot(bytes.NewReader(data), &payload, snapshotMACKey(s.secret))
	if err != nil || !ok {
		t.Fatalf("reading the store's own snapshot: authentic %v, %v", ok, err)
	}
	var kvs []*pb.KV
	if err := eachSnapshotKV(bytes.NewReader(payload.Bytes()), func(kv *pb.KV) error {
		kvs = append(kvs, kv)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return hdr, kvs
}

// craft writes a snapshot of kvs as an attacker (or another tenant)
// would: the header's user count recomputed, indexes rebuilt from the
// users when reindex is set (so only the change itself is wrong), the
// checksum recomputed, the HMAC under macKey with the header naming keyID.
func craft(t *testing.T, hdr storage.SnapshotHeader, kvs []*pb.KV, reindex bool, macKey []byte, keyID string) []byte {
	t.Helper()
	var out []*pb.KV
	users := 0
	for _, kv := range kvs {
		if reindex && isIndexNamespace(kv.Key[0]) {
			continue
		}
		out = append(out, kv)
		if kv.Key[0] != storage.NSUser {
			continue
		}
		users++
		if !reindex {
			continue
		}
		var u storage.User
		if err := decode(kv.Value, &u); err != nil {
			t.Fatal(err)
		}
		for _, e := range storage.UserIndex(&u) {
			if !slices.ContainsFunc(out, func(o *pb.KV) bool { return bytes.Equal(o.Key, e.Key) }) {
				out = append(out, &pb.KV{Key: e.Key, Value: e.Val})
			}
		}
	}
	slices.SortFunc(out, func(a, b *pb.KV) int { return bytes.Compare(a.Key, b.Key) })
	hdr.Users, hdr.KeyID = users, keyID
	var buf bytes.Buffer
	err := writeSnapshot(&buf, &hdr, macKey, func(kv func(*pb.KV) error) error {
		for _, x := range out {
			if err := kv(x); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// editUser returns kvs with the user whose UPN is upn changed by edit.
func editUser(t *testing.T, kvs []*pb.KV, upn string, edit func(u *storage.User)) []*pb.KV {
	t.Helper()
	out := slices.Clone(kvs)
	for i, kv := range out {
		if kv.Key[0] != storage.NSUser {
			continue
		}
		var u storage.User
		if err := decode(kv.Value, &u); err != nil {
			t.Fatal(err)
		}
		if !strings.EqualFold(u.UserPrincipalName, upn) {
			continue
		}
		edit(&u)
		val, err := json.Marshal(&u)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = &pb.KV{Key: kv.Key, Value: val}
		return out
	}
	t.Fatalf("no user %s in the snapshot", upn)
	return nil
}

// TestCraftedSnapshotsRefused: snapshots crafted to break the tenant are
// refused — with the refusal each deserves — and leave every key of the
// tenant as it was; -AllowForeignSnapshot (RestoreOptions.AllowForeign)
// skips only the authentication, never the checks of the records.
func TestCraftedSnapshotsRefused(t *testing.T) {
	s := snapshotStores(t)["disk"]()
	setPIN(t, s, "ken.myer@contoso.com", "48213")
	var good bytes.Buffer
	if err := s.Snapshot(&good); err != nil {
		t.Fatal(err)
	}
	hdr, kvs := snapshotKVs(t, s, good.Bytes())
	setPIN(t, s, "ken.myer@contoso.com", "11223") // the store now differs from the snapshot
	want := dumpAll(t, s)

	ours := snapshotMACKey(s.secret)
	foreign := snapshotMACKey(bytes.Repeat([]byte{7}, secretSize))
	makeAdmin := editUser(t, kvs, "amos.marble@contoso.com", func(u *storage.User) { u.Roles = []string{storage.RoleGlobalAdmin} })
	noAdmin := editUser(t, kvs, storage.DemoAdminUPN, func(u *storage.User) { u.Roles = nil })
	dupUPN := editUser(t, kvs, "amos.marble@contoso.com", func(u *storage.User) { u.UserPrincipalName = "Ken.Myer@contoso.com" })
	dupConf := editUser(t, kvs, "amos.marble@contoso.com", func(u *storage.User) {
		ken := findUser(t, kvs, "ken.myer@contoso.com")
		u.Conferencing.BridgeID, u.Conferencing.ConferenceID = ken.Conferencing.BridgeID, ken.Conferencing.ConferenceID
	})
	badCounter := slices.Clone(kvs)
	for i, kv := range badCounter {
		if bytes.Equal(kv.Key, storage.CounterKey(storage.CounterMail)) {
			badCounter[i] = &pb.KV{Key: kv.Key, Value: storage.AppendU64(nil, 0)}
		}
	}
	staleIndex := append(slices.Clone(kvs), &pb.KV{Key: storage.UPNKey("ghost@contoso.com"), Value: []byte("no-such-user")})
	wrongKey := editUser(t, kvs, "amos.marble@contoso.com", func(u *storage.User) { u.ID = storage.UserIDFor("ken.myer@contoso.com") })
	shortCounter := slices.Clone(kvs)
	for i, kv := range shortCounter {
		if bytes.Equal(kv.Key, storage.CounterKey(storage.CounterAudit)) {
			shortCounter[i] = &pb.KV{Key: kv.Key, Value: []byte{1}}
		}
	}
	garbageUser := slices.Clone(kvs)
	for i, kv := range garbageUser {
		if kv.Key[0] == storage.NSUser {
			garbageUser[i] = &pb.KV{Key: kv.Key, Value: []byte("{not json")}
			break
		}
	}
	meetingKVs := func(m *storage.Meeting) []*pb.KV {
		header := *m
		header.Calls = nil
		v, err := json.Marshal(&header)
		if err != nil {
			t.Fatal(err)
		}
		out := []*pb.KV{{Key: storage.MeetingKey(m.OrganizerID), Value: v}}
		for _, c := range m.Calls {
			cv, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, &pb.KV{Key: storage.CallKey(m.OrganizerID, c.CallID), Value: cv})
		}
		return out
	}
	inLobby := []*storage.MeetingCall{{CallID: 1, Via: storage.ViaPhone, Role: storage.RoleAttendee, State: storage.CallLobby}}
	counter5 := &pb.KV{Key: storage.CounterKey(storage.CounterCall), Value: storage.AppendU64(nil, 5)}
	ghostMeeting := append(append(slices.Clone(kvs), counter5), meetingKVs(&storage.Meeting{OrganizerID: storage.UserIDFor("ghost@contoso.com"),
		State: storage.MeetingNotStarted, Calls: inLobby})...)
	amosID := storage.UserIDFor("amos.marble@contoso.com")
	callsAhead := append(slices.Clone(kvs), meetingKVs(&storage.Meeting{OrganizerID: amosID, State: storage.MeetingNotStarted, Calls: inLobby})...)
	badMeeting := append(append(slices.Clone(kvs), counter5), meetingKVs(&storage.Meeting{OrganizerID: amosID, State: storage.MeetingNotStarted,
		Calls: []*storage.MeetingCall{{CallID: 1, Via: storage.ViaPhone, Role: storage.RoleLeader, State: storage.CallInMeeting}}})...)
	orphanCall := append(append(slices.Clone(kvs), counter5), meetingKVs(&storage.Meeting{OrganizerID: amosID, State: storage.MeetingNotStarted, Calls: inLobby})[1])
	emptyMeeting := append(slices.Clone(kvs), meetingKVs(&storage.Meeting{OrganizerID: amosID, State: storage.MeetingNotStarted})...)
	badOptions := append(slices.Clone(kvs), &pb.KV{Key: storage.DialInOptionsKey(), Value: []byte(`{"LobbyAdmission":"Never"}`)})

	policyKV := func(p storage.AudioConferencingPolicy) *pb.KV {
		v, err := json.Marshal(&p)
		if err != nil {
			t.Fatal(err)
		}
		return &pb.KV{Key: storage.AudioPolicyKey(p.Identity), Value: v}
	}
	onMissingPolicy := editUser(t, kvs, "amos.marble@contoso.com", func(u *storage.User) { u.AudioConferencingPolicy = "EMEA Users" })
	onStoredPolicy := append(slices.Clone(onMissingPolicy), policyKV(storage.AudioConferencingPolicy{Identity: "Tag:EMEA Users"}))
	misfiledPolicy := append(slices.Clone(kvs), &pb.KV{Key: storage.AudioPolicyKey("Tag:Other"),
		Value: policyKV(storage.AudioConferencingPolicy{Identity: "Tag:EMEA Users"}).Value})
	badNumberPolicy := append(slices.Clone(kvs), policyKV(storage.AudioConferencingPolicy{Identity: "Tag:X", MeetingInvitePhoneNumbers: []string{"+1 (425)"}}))
	onGlobalByName := editUser(t, kvs, "amos.marble@contoso.com", func(u *storage.User) { u.AudioConferencingPolicy = "Global" })

	meetingKV := func(p *storage.MeetingPolicy) *pb.KV {
		v, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		return &pb.KV{Key: storage.MeetingPolicyKey(p.Identity), Value: v}
	}
	onMissingMeeting := editUser(t, kvs, "amos.marble@contoso.com", func(u *storage.User) { u.MeetingPolicy = "Sales" })
	onStoredMeeting := append(slices.Clone(onMissingMeeting), meetingKV(storage.NewMeetingPolicy("Sales")))
	badMeetingValue := append(slices.Clone(kvs), meetingKV(&storage.MeetingPolicy{Identity: "Tag:X",
		Settings: map[string]string{storage.MeetingAutoAdmittedUsers: "Nobody"}}))
	phone := func(number string) func(u *storage.User) {
		return func(u *storage.User) { u.PhoneNumber, u.PhoneNumberType = number, storage.PhoneNumberDirectRouting }
	}
	dupPhone := editUser(t, editUser(t, kvs, "amos.marble@contoso.com", phone("14255551000")), "ken.myer@contoso.com", phone("14255551000"))
	servicePhone := editUser(t, kvs, "amos.marble@contoso.com", phone("14255550100"))
	badPhone := editUser(t, kvs, "amos.marble@contoso.com", phone("+1425"))

	format1 := *hdr
	format1.Format = 1
	forged := storage.SnapshotForged
	notOurs := storage.SnapshotForeign
	invalid := storage.SnapshotInvalid
	cases := []struct {
		name string
		data []byte
		// strict is the refusal without AllowForeign; allowed with it
		// (0: restored).
		strict, allowed storage.SnapshotErrorKind
		detail          string
	}{
		// Without the key, a changed snapshot cannot pass as this
		// tenant's, whatever it claims.
		{"admin made, checksum recomputed", craft(t, *hdr, makeAdmin, true, nil, s.KeyID()), forged, forged, ""},
		{"admin made, another key", craft(t, *hdr, makeAdmin, true, foreign, "0123456789abcdef"), notOurs, 0, ""},
		{"admin made, no key id", craft(t, *hdr, makeAdmin, true, nil, ""), notOurs, 0, ""},
		// Whoever wrote it, the records are checked.
		{"no admin", craft(t, *hdr, noAdmin, true, ours, s.KeyID()), invalid, invalid, "no Global Administrator"},
		{"no admin, foreign", craft(t, *hdr, noAdmin, true, foreign, "x"), notOurs, invalid, "no Global Administrator"},
		{"duplicate UPN", craft(t, *hdr, dupUPN, true, ours, s.KeyID()), invalid, invalid, "two users share the UPN 'Ken.Myer@contoso.com'"},
		{"duplicate conference ID", craft(t, *hdr, dupConf, true, foreign, "x"), notOurs, invalid, "two users share the conference ID"},
		{"counter behind its log", craft(t, *hdr, badCounter, false, ours, s.KeyID()), invalid, invalid, "mail counter is behind"},
		{"counter unreadable", craft(t, *hdr, shortCounter, false, ours, s.KeyID()), invalid, invalid, "sequence counter is unreadable"},
		{"stale index entry", craft(t, *hdr, staleIndex, false, ours, s.KeyID()), invalid, invalid, "indexes do not agree"},
		{"indexes not rebuilt", craft(t, *hdr, dupUPN, false, ours, s.KeyID()), invalid, invalid, "indexes do not agree"},
		{"user under another id", craft(t, *hdr, wrongKey, true, ours, s.KeyID()), invalid, invalid, "filed under another object id"},
		{"user not JSON", craft(t, *hdr, garbageUser, false, ours, s.KeyID()), invalid, invalid, "user record is unreadable"},
		{"meeting of no user", craft(t, *hdr, ghostMeeting, false, ours, s.KeyID()), invalid, invalid, "organizer is not a user"},
		{"call counter behind", craft(t, *hdr, callsAhead, false, ours, s.KeyID()), invalid, invalid, "call counter is behind"},
		{"call in a meeting not started", craft(t, *hdr, badMeeting, false, ours, s.KeyID()), invalid, invalid, "meeting call record is malformed"},
		{"call of no meeting", craft(t, *hdr, orphanCall, false, ours, s.KeyID()), invalid, invalid, "belongs to no meeting"},
		{"meeting without calls", craft(t, *hdr, emptyMeeting, false, ours, s.KeyID()), invalid, invalid, "has no calls"},
		{"unknown lobby admission", craft(t, *hdr, badOptions, false, ours, s.KeyID()), invalid, invalid, "dial-in options are unreadable"},
		{"user on a missing audio conferencing policy", craft(t, *hdr, onMissingPolicy, false, ours, s.KeyID()), invalid, invalid,
			"amos.marble@contoso.com is assigned the audio conferencing policy 'emea users'"},
		{"user on Global by name", craft(t, *hdr, onGlobalByName, false, ours, s.KeyID()), invalid, invalid, "audio conferencing policy 'global'"},
		{"audio policy under another key", craft(t, *hdr, misfiledPolicy, false, ours, s.KeyID()), invalid, invalid, "audio conferencing policy record is unreadable"},
		{"audio policy with a malformed number", craft(t, *hdr, badNumberPolicy, false, ours, s.KeyID()), invalid, invalid, "audio conferencing policy record is unreadable"},
		{"user on a stored audio policy, foreign", craft(t, *hdr, onStoredPolicy, false, foreign, "x"), notOurs, 0, ""},
		{"user on a missing meeting policy", craft(t, *hdr, onMissingMeeting, false, ours, s.KeyID()), invalid, invalid,
			"amos.marble@contoso.com is assigned the meeting policy 'sales'"},
		{"meeting policy with an unknown value", craft(t, *hdr, badMeetingValue, false, ours, s.KeyID()), invalid, invalid, "meeting policy record is unreadable"},
		{"user on a stored meeting policy, foreign", craft(t, *hdr, onStoredMeeting, false, foreign, "x"), notOurs, 0, ""},
		{"two users share a phone number", craft(t, *hdr, dupPhone, true, ours, s.KeyID()), invalid, invalid, "two users share the phone number +14255551000"},
		{"a user holds a service number", craft(t, *hdr, servicePhone, true, ours, s.KeyID()), invalid, invalid,
			"holds the service number +14255550100 as their phone number"},
		{"malformed phone number", craft(t, *hdr, badPhone, true, ours, s.KeyID()), invalid, invalid, "phone number of 'amos.marble@contoso.com' is unreadable"},
		// A snapshot from before the HMAC: intact, not authenticated.
		{"format 1", craft(t, format1, kvs, false, ours, s.KeyID()), notOurs, 0, ""},
		{"truncated", good.Bytes()[:good.Len()*2/3], storage.SnapshotTruncated, storage.SnapshotTruncated, ""},
		{"garbage", bytes.Repeat([]byte{0xde, 0xad}, 5000), storage.SnapshotNotSnapshot, storage.SnapshotNotSnapshot, ""},
		{"garbage after the magic", append([]byte(storage.SnapshotMagic), bytes.Repeat([]byte("\xff"), 300)...), storage.SnapshotTruncated, storage.SnapshotTruncated, ""},
	}
	for _, c := range cases {
		for _, allow := range []bool{false, true} {
			wantKind := c.strict
			if allow {
				wantKind = c.allowed
			}
			err := s.RestoreWith(bytes.NewReader(c.data), storage.RestoreOptions{AllowForeign: allow})
			if wantKind == 0 {
				if err != nil {
					t.Errorf("%s (allowed): %v", c.name, err)
				}
				// Put the tenant back as the other cases expect it.
				if err := s.Restore(bytes.NewReader(good.Bytes())); err != nil {
					t.Fatal(err)
				}
				setPIN(t, s, "ken.myer@contoso.com", "11223")
				want = dumpAll(t, s)
				continue
			}
			var se *storage.SnapshotError
			if !errors.As(err, &se) || se.Kind != wantKind {
				t.Errorf("%s (allow %v): got %v, want kind %d", c.name, allow, err, wantKind)
				continue
			}
			if c.detail != "" && se.Kind == storage.SnapshotInvalid && !strings.Contains(se.Detail, c.detail) {
				t.Errorf("%s: detail %q, want it to say %q", c.name, se.Detail, c.detail)
			}
			sameDump(t, c.name, dumpAll(t, s), want)
		}
	}
	// The untouched snapshot still restores, and the store still passes.
	if err := s.Restore(bytes.NewReader(good.Bytes())); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckInvariants(); err != nil {
		t.Fatal(err)
	}
}

// findUser decodes the user upn from a snapshot's key-values.
func findUser(t *testing.T, kvs []*pb.KV, upn string) *storage.User {
	t.Helper()
	for _, kv := range kvs {
		if kv.Key[0] != storage.NSUser {
			continue
		}
		var u storage.User
		if err := decode(kv.Value, &u); err != nil {
			t.Fatal(err)
		}
		if strings.EqualFold(u.UserPrincipalName, upn) {
			return &u
		}
	}
	t.Fatalf("no user %s", upn)
	return nil
}
