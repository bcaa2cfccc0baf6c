package badgerstore

import (
	"errors"
	"slices"

	"github.com/csshell/csshell/storage"
)

// Meeting returns an organizer's meeting record.
func (t *tx) Meeting(organizerID string) (*storage.Meeting, error) {
	var m storage.Meeting
	if err := t.getJSON(storage.MeetingKey(organizerID), &m); err != nil {
		return nil, err
	}
	return &m, nil
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
	return out, err
}

// PutMeeting inserts or replaces a meeting record; its organizer must be
// a user, and its calls must be in the lobby or in the meeting.
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
	return t.putJSON(storage.MeetingKey(m.OrganizerID), m)
}

// DeleteMeeting removes an organizer's meeting record.
func (t *tx) DeleteMeeting(organizerID string) error {
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
