package admincenter

import (
	"fmt"
	"net/http"

	"github.com/csshell/csshell/cmdlets/emulator"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/dialin"
)

// meetingRow is one live meeting: its organizer, state and calls.
type meetingRow struct {
	Organizer, OrganizerID, State, StartedBy string
	Participants, Lobby                      []*storage.MeetingCall
}

// meetingsPage lists the meetings that have calls, as Get-TenantMeeting
// does (dialin.Load: a meeting past its length limit has ended); the
// page refreshes itself every few seconds, without script.
func (s *Server) meetingsPage(w http.ResponseWriter, r *http.Request, ss *session) {
	var rows []meetingRow
	err := s.read(func(rd storage.Reader) error {
		meetings, err := rd.Meetings()
		if err != nil {
			return err
		}
		for _, rec := range meetings {
			u, err := rd.User(rec.OrganizerID)
			if err != nil {
				return err
			}
			m, _, err := dialin.Load(rd, u, rd.Now())
			if err != nil {
				return err
			}
			if len(m.Calls) == 0 {
				continue
			}
			rows = append(rows, meetingRow{Organizer: u.DisplayName + " (" + u.UserPrincipalName + ")", OrganizerID: u.ID,
				State: m.State, StartedBy: m.StartedBy, Participants: dialin.Participants(m), Lobby: dialin.Lobby(m)})
		}
		return nil
	})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "meetings", s.adminView(ss, "Live meetings", "meetings", rows))
}

// stopMeeting ends an organizer's meeting, every call in it and in its
// lobby, as Stop-TenantMeeting does (emulator.StopMeeting).
func (s *Server) stopMeeting(w http.ResponseWriter, r *http.Request, ss *session) {
	id := r.PathValue("id")
	var name string
	var ended int
	err := s.tenant.ChangeAs(ss.account, func(wr storage.Writer, admin *storage.User) error {
		u, err := wr.User(id)
		if err != nil {
			return err
		}
		name = u.DisplayName
		ended, err = emulator.StopMeeting(wr, admin, actionStopMeeting, u)
		return err
	})
	if err != nil {
		s.refused(w, r, ss, err, "/meetings")
		return
	}
	s.sessions.setFlash(ss, fmt.Sprintf("The meeting of %s ended: %d calls were disconnected.", name, ended))
	http.Redirect(w, r, "/meetings", http.StatusSeeOther)
}
