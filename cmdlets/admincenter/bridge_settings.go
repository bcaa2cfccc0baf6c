package admincenter

import (
	"errors"
	"net/http"
	"reflect"
	"strconv"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// settingsData is the Bridge settings panel's.
type settingsData struct {
	EntryExit, NameRecording, AutoEmail, AnonymousStart bool
	AnnouncementType                                    string
	PinLength                                           string
	PinLengths                                          []int
}

// settingsDataOf shows stored settings.
func settingsDataOf(st *storage.Settings) *settingsData {
	d := &settingsData{EntryExit: st.EnableEntryExitNotifications, NameRecording: st.EnableNameRecording,
		AutoEmail: st.AutomaticallySendEmailsToUsers, AnonymousStart: st.AllowPSTNOnlyMeetingsByDefault,
		AnnouncementType: st.EntryExitAnnouncementsType, PinLength: strconv.Itoa(st.PinLength)}
	for n := storage.MinPinLength; n <= storage.MaxPinLength; n++ {
		d.PinLengths = append(d.PinLengths, n)
	}
	return d
}

// bridgeSettingsPage is Meetings > Conference bridges > Bridge settings.
func (s *Server) bridgeSettingsPage(w http.ResponseWriter, r *http.Request, ss *session) {
	var st *storage.Settings
	err := s.read(func(rd storage.Reader) error {
		var err error
		st, err = rd.Settings()
		return err
	})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "settings", s.adminView(ss, "Bridge settings", "settings", settingsDataOf(st)))
}

// saveBridgeSettings stores the panel: the form becomes the object
// Set-CsOnlineDialInConferencingTenantSettings -Instance reads, checked
// and stored by the same code, with the same messages.
func (s *Server) saveBridgeSettings(w http.ResponseWriter, r *http.Request, ss *session) {
	form := value.NewObject("csshell.AdminCenter.BridgeSettings")
	form.Set("Identity", "Global")
	form.Set("EnableEntryExitNotifications", r.PostFormValue("entryexit") == "on")
	form.Set("EnableNameRecording", r.PostFormValue("namerecording") == "on")
	form.Set("AutomaticallySendEmailsToUsers", r.PostFormValue("autoemail") == "on")
	form.Set("AllowPSTNOnlyMeetingsByDefault", r.PostFormValue("anonymousstart") == "on")
	form.Set("EntryExitAnnouncementsType", r.PostFormValue("announcementtype"))
	form.Set("PinLength", r.PostFormValue("pinlength"))
	var changed bool
	err := s.tenant.ChangeAs(ss.account, func(w storage.Writer, admin *storage.User) error {
		return teams.ApplySettingsChange(w, admin, actionBridgeSettings, func(old *storage.Settings) (*storage.Settings, error) {
			next, err := teams.SettingsFromObject(old, form)
			changed = err == nil && !reflect.DeepEqual(next, old)
			return next, err
		})
	})
	var rec *engine.ErrorRecord
	if err != nil && !errors.As(err, &rec) {
		s.internal(w, r, err)
		return
	}
	if err != nil {
		v := s.adminView(ss, "Bridge settings", "settings", s.formSettings(r))
		v.Error = rec.Message
		s.render(w, r, http.StatusUnprocessableEntity, "settings", v)
		return
	}
	msg := "The bridge settings are saved."
	if !changed {
		msg = "Nothing changed."
	}
	s.sessions.setFlash(ss, msg)
	http.Redirect(w, r, "/bridge-settings", http.StatusSeeOther)
}

// formSettings shows the submitted form again after a refusal.
func (s *Server) formSettings(r *http.Request) *settingsData {
	d := settingsDataOf(storage.NewDefaultSettings())
	d.EntryExit = r.PostFormValue("entryexit") == "on"
	d.NameRecording = r.PostFormValue("namerecording") == "on"
	d.AutoEmail = r.PostFormValue("autoemail") == "on"
	d.AnonymousStart = r.PostFormValue("anonymousstart") == "on"
	d.AnnouncementType = r.PostFormValue("announcementtype")
	d.PinLength = r.PostFormValue("pinlength")
	return d
}
