package storagetest

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/csshell/csshell/storage"
)

// meetingOf is a started meeting of the organizer with one caller in it
// and one in the lobby.
func meetingOf(organizerID string) *storage.Meeting {
	at := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	return &storage.Meeting{OrganizerID: organizerID, State: storage.MeetingStarted, StartedBy: Ken + " (leader PIN)",
		StartedAt: at, Changed: at, PINUsed: true, Announcements: true, Calls: []*storage.MeetingCall{
			{CallID: 1, Via: storage.ViaPhone, Number: "14255550100", CallerID: "+14255550123", UserPrincipalName: Ken,
				Role: storage.RoleLeader, State: storage.CallInMeeting, Joined: at},
			{CallID: 2, Via: storage.ViaApp, UserPrincipalName: "admin@contoso.onmicrosoft.com", Role: storage.RoleAttendee,
				State: storage.CallInMeeting, Joined: at, Muted: true},
		}}
}

var _ = conformance(
	conformanceCase{"MeetingsRoundTrip", func(t *testing.T, s storage.Store) {
		ken := UserByUPN(t, s, Ken)
		want := meetingOf(ken.ID)
		View(t, s, func(r storage.Reader) error {
			if _, err := r.Meeting(ken.ID); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("Meeting before any call: err = %v, want ErrNotFound", err)
			}
			return nil
		})
		Update(t, s, func(w storage.Writer) error {
			for range 2 {
				if _, err := w.NextCallID(); err != nil {
					return err
				}
			}
			return w.PutMeeting(want)
		})
		View(t, s, func(r storage.Reader) error {
			got, err := r.Meeting(ken.ID)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("Meeting = %+v, %v; want %+v", got, err, want)
			}
			all, err := r.Meetings()
			if err != nil || len(all) != 1 || all[0].OrganizerID != ken.ID {
				t.Errorf("Meetings = %v, %v", all, err)
			}
			return nil
		})
		Check(t, s)
		Update(t, s, func(w storage.Writer) error { return w.DeleteMeeting(ken.ID) })
		View(t, s, func(r storage.Reader) error {
			if all, err := r.Meetings(); err != nil || len(all) != 0 {
				t.Errorf("Meetings after delete = %v, %v", all, err)
			}
			return nil
		})
	}},
	conformanceCase{"MeetingsRefused", func(t *testing.T, s storage.Store) {
		ken := UserByUPN(t, s, Ken)
		bad := []*storage.Meeting{
			meetingOf(storage.UserIDFor("nobody@contoso.com")), // not a user
			{OrganizerID: ken.ID, State: "Paused"},
		}
		twice := meetingOf(ken.ID)
		twice.Calls[1].CallID = 1
		inLobbyLess := meetingOf(ken.ID)
		inLobbyLess.State = storage.MeetingNotStarted // calls in a meeting that has not started
		lost := meetingOf(ken.ID)
		lost.Calls[0].State = storage.CallEnded // a final state is never kept
		bad = append(bad, twice, inLobbyLess, lost)
		for i, m := range bad {
			err := s.Update(func(w storage.Writer) error { return w.PutMeeting(m) })
			if err == nil {
				t.Errorf("PutMeeting(bad %d) accepted", i)
			}
		}
		View(t, s, func(r storage.Reader) error {
			if all, _ := r.Meetings(); len(all) != 0 {
				t.Errorf("refused meetings stored: %d", len(all))
			}
			return nil
		})
	}},
	conformanceCase{"DeleteUserDeletesMeeting", func(t *testing.T, s storage.Store) {
		ken := UserByUPN(t, s, Ken)
		Update(t, s, func(w storage.Writer) error {
			w.NextCallID()
			w.NextCallID()
			return w.PutMeeting(meetingOf(ken.ID))
		})
		Update(t, s, func(w storage.Writer) error { return w.DeleteUser(ken.ID) })
		View(t, s, func(r storage.Reader) error {
			if _, err := r.Meeting(ken.ID); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("meeting of a deleted user: err = %v", err)
			}
			return nil
		})
		Check(t, s)
	}},
	conformanceCase{"CallIDsAndOptions", func(t *testing.T, s storage.Store) {
		var ids []uint64
		for range 3 {
			Update(t, s, func(w storage.Writer) error {
				id, err := w.NextCallID()
				ids = append(ids, id)
				return err
			})
		}
		if !reflect.DeepEqual(ids, []uint64{1, 2, 3}) {
			t.Errorf("call ids = %v, want 1 2 3", ids)
		}
		View(t, s, func(r storage.Reader) error {
			o, err := r.DialInOptions()
			if err != nil || !reflect.DeepEqual(o, storage.NewDefaultDialInOptions()) {
				t.Errorf("default options = %+v, %v", o, err)
			}
			return nil
		})
		if err := s.Update(func(w storage.Writer) error {
			return w.PutDialInOptions(&storage.DialInOptions{LobbyAdmission: "Whenever"})
		}); err == nil {
			t.Error("an unknown lobby admission mode was accepted")
		}
		Update(t, s, func(w storage.Writer) error {
			return w.PutDialInOptions(&storage.DialInOptions{LobbyAdmission: storage.LobbyAdmitByOrganizer})
		})
		View(t, s, func(r storage.Reader) error {
			if o, _ := r.DialInOptions(); o.LobbyAdmission != storage.LobbyAdmitByOrganizer {
				t.Errorf("options = %+v", o)
			}
			return nil
		})
		Check(t, s)
		Update(t, s, func(w storage.Writer) error { return w.DeleteAll() })
		View(t, s, func(r storage.Reader) error {
			if o, _ := r.DialInOptions(); o.LobbyAdmission != storage.LobbyAdmitOnStart {
				t.Errorf("options after DeleteAll = %+v", o)
			}
			return nil
		})
	}},
)

var _ = conformance(
	conformanceCase{"MeetingAfterDeleteAllInOneTransaction", func(t *testing.T, s storage.Store) {
		ken := UserByUPN(t, s, Ken)
		Update(t, s, func(w storage.Writer) error {
			w.NextCallID()
			w.NextCallID()
			return w.PutMeeting(meetingOf(ken.ID))
		})
		// Read (and so perhaps cache) the calls, delete everything, seed,
		// and put the same meeting again, all in one transaction: the
		// calls must be written again.
		Update(t, s, func(w storage.Writer) error {
			if _, err := w.Meeting(ken.ID); err != nil {
				return err
			}
			if err := w.DeleteAll(); err != nil {
				return err
			}
			if err := storage.SeedDemo(w); err != nil {
				return err
			}
			w.NextCallID()
			w.NextCallID()
			return w.PutMeeting(meetingOf(ken.ID))
		})
		View(t, s, func(r storage.Reader) error {
			m, err := r.Meeting(ken.ID)
			if err != nil || len(m.Calls) != 2 {
				t.Errorf("meeting after DeleteAll and put again: %+v, %v", m, err)
			}
			return nil
		})
		Check(t, s)
	}},
)
