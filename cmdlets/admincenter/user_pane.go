package admincenter

import (
	"errors"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/internal/secret"
	"github.com/csshell/csshell/storage"
)

// userPane is the selected user's detail pane: what the admin center
// shows of their audio conferencing.
type userPane struct {
	Missing                                   bool // ?user= named no user
	ID, DisplayName, UPN, SipAddress, Mailbox string
	Provider                                  string
	Licence                                   bool
	// Microsoft is true when the actions apply (Microsoft is the
	// provider and the user is licensed); Refusal says why not.
	Microsoft             bool
	Refusal               string
	Bridge                string
	TollNumber, TollFree  string // "+digits (City)"
	ConferenceID          string
	DialOutPolicy         string
	AudioConfPolicy       string
	AllowTollFreeDialIn   bool
	AllowPSTNOnlyMeetings bool
	PIN                   string // always the mask
	// PINLock is the PIN's lockout after wrong PINs on the phone
	// (storage/pinlockout.go), "" when it is not locked.
	PINLock string
}

// loadPane reads the pane of the user with object id id; nil when none.
func loadPane(r storage.Reader, uc *teams.UserContext, id string) (*userPane, error) {
	u, err := r.User(id)
	if errors.Is(err, storage.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	p := &userPane{ID: u.ID, DisplayName: u.DisplayName, UPN: u.UserPrincipalName, SipAddress: u.SipAddress,
		Provider: providerText(u), Licence: u.AudioConferencingLicense, Microsoft: teams.EnabledWithMicrosoft(u),
		PIN: secret.Mask}
	settings, err := r.Settings()
	if err != nil {
		return nil, err
	}
	p.DialOutPolicy = policyName(u.DialOutPolicy, settings.GlobalDialOutPolicy)
	p.AudioConfPolicy = policyName(u.AudioConferencingPolicy, settings.GlobalAudioConferencingPolicy)
	if u.HasMailbox {
		p.Mailbox = u.PrimarySmtpAddress
	}
	switch {
	case teams.IsThirdParty(u):
		p.Refusal = "This user's audio conferencing provider is " + u.Provider + ": their dial-in information is the provider's, and these settings apply only to users of Microsoft."
	case !u.AudioConferencingLicense:
		p.Refusal = "This user has no Audio Conferencing licence."
	case !p.Microsoft:
		p.Refusal = "This user is not enabled for audio conferencing."
	}
	if c := u.Conferencing; c != nil && p.Microsoft {
		p.Bridge = uc.BridgeName(c.BridgeID)
		p.TollNumber = numberWithCity(r, c.ServiceNumber)
		p.TollFree = numberWithCity(r, c.TollFreeServiceNumber)
		p.ConferenceID = c.ConferenceID
		p.AllowTollFreeDialIn = c.AllowTollFreeDialIn
		p.AllowPSTNOnlyMeetings = c.AllowPSTNOnlyMeetings
		switch state, until := c.PIN.LockState(r.Now()); state {
		case storage.PINLockedTemporarily:
			p.PINLock = "Locked after wrong PINs until " + until.UTC().Format("2006-01-02 15:04") + " UTC"
		case storage.PINLockedPermanently:
			p.PINLock = "Locked after too many wrong PINs: reset the PIN to unlock it"
		}
	}
	return p, nil
}

// policyName shows a user's policy assignment: their own, or ("") the
// tenant's default, which is Global unless one was granted tenant-wide.
func policyName(own, tenant string) string {
	switch {
	case own != "":
		return own
	case tenant != "":
		return tenant + " (the tenant's default)"
	}
	return "Global (Org-wide default)"
}

// numberWithCity is "+digits (City)", "" for no number.
func numberWithCity(r storage.Reader, n string) string {
	if n == "" {
		return ""
	}
	s := displayNumber(n)
	if sn, err := r.ServiceNumber(n); err == nil && sn.City != "" {
		s += " (" + sn.City + ")"
	}
	return s
}
