package badgerstore

import (
	"errors"
	"slices"
	"strings"

	"github.com/csshell/csshell/storage"
)

// A meeting is kept as a header (0x0C, the Meeting without its calls)
// and one record per call (0x0E), so that a call joining a meeting of
// hundreds writes one small record, not the whole meeting.

// Meeting returns an organizer's meeting record with its calls.
func (t *tx) Meeting(organizerID string) (*storage.Meeting, error) {
	var m storage.Meeting
	if err := t.getJSON(storage.MeetingKey(organizerID), &m); err != nil {
		return nil, err
	}
	return &m, t.loadCalls(&m)
}

// loadCalls reads a meeting's calls, in call-id order (decoded once per
// transaction; each caller gets its own copies).
func (t *tx) loadCalls(m *storage.Meeting) error {
	org := strings.ToLower(m.OrganizerID)
	cached, ok := t.calls[org]
	if !ok {
		err := t.each(storage.CallPrefix(m.OrganizerID), true, false, func(_, v []byte) (bool, error) {
			var c storage.MeetingCall
			if err := decode(v, &c); err != nil {
				return false, err
			}
			cached = append(cached, c)
			return true, nil
		})
		if err != nil {
			return err
		}
		t.cacheCalls(org, cached)
	}
	m.Calls = make([]*storage.MeetingCall, len(cached))
	for i := range cached {
		c := cached[i]
		m.Calls[i] = &c
	}
	return nil
}

// cacheCalls records a meeting's calls as stored now.
func (t *tx) cacheCalls(org string, calls []storage.MeetingCall) {
	if t.calls == nil {
		t.calls = map[string][]storage.MeetingCall{}
	}
	t.calls[org] = calls
}

// Meetings returns every meeting record, by lower-case organizer id.
func (t *tx) Meetings() ([]*storage.Meeting, error) {
	var out []*storage.Meeting
	err := t.each([]byte{storage.NSMeeting}, true, false, func(_, v []byte) (bool, error) {
		var m storage.Meeting
		if err := decode(v, &m); err != nil {
			return false, err
		}
		out = append(out, &m)
		return true, nil
	})
	for _, m := range out {
		if err == nil {
			err = t.loadCalls(m)
		}
	}
	return out, err
}

// PutMeeting inserts or replaces a meeting record; its organizer must be
// a user, and its calls must be in the lobby or in the meeting. Only the
// calls that changed are written.
func (t *tx) PutMeeting(m *storage.Meeting) error {
	if m == nil || m.OrganizerID == "" {
		return errors.New("storage: a meeting needs an organizer")
	}
	if err := storage.CheckMeeting(m); err != nil {
		return err
	}
	if _, err := t.User(m.OrganizerID); err != nil {
		return err
	}
	header := *m
	header.Calls = nil
	if err := t.putJSON(storage.MeetingKey(m.OrganizerID), &header); err != nil {
		return err
	}
	// Write only the calls that differ from what is stored (the cache,
	// filled by reading them first), and delete the calls that left.
	stored := &storage.Meeting{OrganizerID: m.OrganizerID}
	if err := t.loadCalls(stored); err != nil {
		return err
	}
	old := map[uint64]*storage.MeetingCall{}
	for _, c := range stored.Calls {
		old[c.CallID] = c
	}
	now := make([]storage.MeetingCall, 0, len(m.Calls))
	for _, c := range m.Calls {
		now = append(now, *c)
		if prev, had := old[c.CallID]; had {
			delete(old, c.CallID)
			if *prev == *c {
				continue
			}
		}
		if err := t.putJSON(storage.CallKey(m.OrganizerID, c.CallID), c); err != nil {
			return err
		}
	}
	for id := range old {
		if err := t.del(storage.CallKey(m.OrganizerID, id)); err != nil {
			return err
		}
	}
	t.cacheCalls(strings.ToLower(m.OrganizerID), now)
	return nil
}

// DeleteMeeting removes an organizer's meeting record and its calls.
func (t *tx) DeleteMeeting(organizerID string) error {
	if err := t.deletePrefix(storage.CallPrefix(organizerID)); err != nil {
		return err
	}
	t.cacheCalls(strings.ToLower(organizerID), nil)
	return t.del(storage.MeetingKey(organizerID))
}

// DialInOptions returns the dial-in options, the defaults when unset.
func (t *tx) DialInOptions() (*storage.DialInOptions, error) {
	o := storage.NewDefaultDialInOptions()
	err := t.getJSON(storage.DialInOptionsKey(), o)
	if errors.Is(err, storage.ErrNotFound) {
		return storage.NewDefaultDialInOptions(), nil
	}
	return o, err
}

// PutDialInOptions replaces the dial-in options.
func (t *tx) PutDialInOptions(o *storage.DialInOptions) error {
	if o == nil || !slices.Contains(storage.LobbyAdmissionModes, o.LobbyAdmission) {
		return errors.New("storage: unknown lobby admission mode")
	}
	return t.putJSON(storage.DialInOptionsKey(), o)
}

// NextCallID hands out the next call id.
func (t *tx) NextCallID() (uint64, error) { return t.nextSeq(storage.CounterCall) }
