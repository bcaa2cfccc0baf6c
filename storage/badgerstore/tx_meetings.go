package badgerstore

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"

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

// loadCalls reads a meeting's calls, in call-id order.
func (t *tx) loadCalls(m *storage.Meeting) error {
	m.Calls = nil
	return t.each(storage.CallPrefix(m.OrganizerID), true, false, func(_, v []byte) (bool, error) {
		var c storage.MeetingCall
		if err := decode(v, &c); err != nil {
			return false, err
		}
		m.Calls = append(m.Calls, &c)
		return true, nil
	})
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
	stored := map[string][]byte{}
	err := t.each(storage.CallPrefix(m.OrganizerID), true, false, func(k, v []byte) (bool, error) {
		stored[string(k)] = bytes.Clone(v)
		return true, nil
	})
	if err != nil {
		return err
	}
	for _, c := range m.Calls {
		key := storage.CallKey(m.OrganizerID, c.CallID)
		val, err := json.Marshal(c)
		if err != nil {
			return err
		}
		old, had := stored[string(key)]
		delete(stored, string(key))
		if had && bytes.Equal(old, val) {
			continue
		}
		if err := t.set(key, val); err != nil {
			return err
		}
	}
	for k := range stored {
		if err := t.del([]byte(k)); err != nil {
			return err
		}
	}
	return nil
}

// DeleteMeeting removes an organizer's meeting record and its calls.
func (t *tx) DeleteMeeting(organizerID string) error {
	if err := t.deletePrefix(storage.CallPrefix(organizerID)); err != nil {
		return err
	}
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
