package admincenter

import (
	"errors"
	"net/http"
	"strings"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/storage"
)

// editData is the Edit audio conferencing form's.
type editData struct {
	ID, DisplayName, Bridge            string
	Toll, TollFree                     []numberOption
	AllowTollFreeDialIn, AllowPSTNOnly bool
	CurrentToll, CurrentTollFree, Back string
}

// numberOption is one service number in a list.
type numberOption struct {
	Number, Label string
	Selected      bool
}

// editUserPage shows the user's default numbers (the bridge's toll and
// toll-free numbers), toll-free dial-in and anonymous start.
func (s *Server) editUserPage(w http.ResponseWriter, r *http.Request, ss *session) {
	d, err := s.loadEdit(r.PathValue("id"))
	if errors.Is(err, storage.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.refused(w, r, ss, err, paneLink(r.PathValue("id")))
		return
	}
	s.render(w, r, http.StatusOK, "edit", s.adminView(ss, "Edit audio conferencing", "users", d))
}

// loadEdit reads the form's choices for user id.
func (s *Server) loadEdit(id string) (*editData, error) {
	d := &editData{ID: id, Back: paneLink(id)}
	err := s.read(func(r storage.Reader) error {
		u, err := r.User(id)
		if err != nil {
			return err
		}
		if !teams.EnabledWithMicrosoft(u) || u.Conferencing == nil {
			return teams.InvalidOperation("NotMicrosoftUser", u.UserPrincipalName,
				"%s is not enabled for audio conferencing with Microsoft: there is nothing to edit.", u.DisplayName)
		}
		c := u.Conferencing
		d.DisplayName = u.DisplayName
		d.AllowTollFreeDialIn, d.AllowPSTNOnly = c.AllowTollFreeDialIn, c.AllowPSTNOnlyMeetings
		d.CurrentToll, d.CurrentTollFree = c.ServiceNumber, c.TollFreeServiceNumber
		uc, err := teams.LoadUserContext(r)
		if err != nil {
			return err
		}
		d.Bridge = uc.BridgeName(c.BridgeID)
		numbers, err := r.ServiceNumbers()
		if err != nil {
			return err
		}
		for _, n := range numbers {
			if !strings.EqualFold(n.BridgeID, c.BridgeID) {
				continue
			}
			o := numberOption{Number: n.Number, Label: numberWithCity(r, n.Number)}
			switch n.Type {
			case storage.NumberToll:
				o.Selected = n.Number == c.ServiceNumber
				d.Toll = append(d.Toll, o)
			case storage.NumberTollFree:
				o.Selected = n.Number == c.TollFreeServiceNumber
				d.TollFree = append(d.TollFree, o)
			}
		}
		return nil
	})
	return d, err
}

// editUser saves the form through ApplyUserEdit, as
// Set-CsOnlineDialInConferencingUser -ServiceNumber -TollFreeServiceNumber
// -AllowTollFreeDialIn -AllowPSTNOnlyMeetings would: the same checks
// (a number of the user's bridge, of the right type), mail and audit.
func (s *Server) editUser(w http.ResponseWriter, r *http.Request, ss *session) {
	id := r.PathValue("id")
	toll, tollFree := r.PostFormValue("toll"), r.PostFormValue("tollfree")
	allowTollFree, allowPSTN := r.PostFormValue("allowtollfree") == "on", r.PostFormValue("allowpstnonly") == "on"
	edit := &teams.UserEdit{Cmdlet: actionEditUser, ServiceNumber: &toll, TollFreeServiceNumber: &tollFree,
		AllowTollFreeDialIn: &allowTollFree, AllowPSTNOnlyMeetings: &allowPSTN}
	res, ok := s.editUser1(w, r, ss, id, edit)
	if !ok {
		return
	}
	s.doneFlash(ss, res, "The audio conferencing settings of "+res.User.DisplayName+" are saved.")
	http.Redirect(w, r, paneLink(id), http.StatusSeeOther)
}
