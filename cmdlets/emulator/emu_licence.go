package emulator

import (
	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/internal/secret"
	"github.com/csshell/csshell/storage"
)

// Audio conferencing is licence-driven, as in the real service since the
// Enable/Disable cmdlets were deprecated: a user who holds an
// audio-conferencing licence and has Microsoft as provider is enabled
// (default bridge, new conference ID, the bridge's default numbers, a new
// PIN at the tenant's PinLength, AllowPSTNOnlyMeetings from
// AllowPSTNOnlyMeetingsByDefault) and, when automatic emails are on, gets
// the enable email with the PIN; removing the licence or moving the user
// to another provider disables them and sends the disable email.

// emuShouldConference reports whether a user's licence and provider make
// them a Microsoft audio-conferencing user.
func emuShouldConference(u *storage.User) bool {
	return u.AudioConferencingLicense && u.Provider == storage.ProviderMicrosoft
}

// emuEnable enables u (not yet written) and returns the audit changes.
func emuEnable(t *teams.Tenant, w storage.Writer, uc *teams.UserContext, u *storage.User, out *teams.ChangeOutcome) ([]storage.Change, error) {
	settings, err := w.Settings()
	if err != nil {
		return nil, err
	}
	bridge, err := teams.EnableBridge(w)
	if err != nil {
		return nil, err
	}
	conf := storage.Conferencing{
		BridgeID: bridge.ID, ServiceNumber: bridge.DefaultServiceNumber,
		AllowPSTNOnlyMeetings: settings.AllowPSTNOnlyMeetingsByDefault, AllowTollFreeDialIn: true,
	}
	if conf.TollFreeServiceNumber, err = teams.FirstTollFreeOn(w, bridge.ID); err != nil {
		return nil, err
	}
	if conf.ConferenceID, err = storage.GenerateConferenceID(w, bridge.ID); err != nil {
		return nil, err
	}
	pin, err := storage.GeneratePIN(settings.PinLength)
	if err != nil {
		return nil, err
	}
	if conf.PIN, err = w.HashPIN(pin); err != nil {
		return nil, err
	}
	u.Conferencing = &conf
	changes := teams.ConferencingChanges(uc, &storage.Conferencing{}, &conf, false)
	changes = append(changes, storage.Change{Property: "LeaderPin", Old: "", New: secret.Mask})
	if storage.MailsAutomatically(settings) {
		n := len(out.Mails)
		if err := t.QueueMail(w, out, teams.MailRequest{Kind: storage.MailEnabled, User: u, Conf: &conf, PIN: pin}); err != nil {
			return nil, err
		}
		if len(out.Mails) > n {
			changes = append(changes, storage.Change{Property: "Email", New: storage.MailEnabled})
		}
	}
	return changes, nil
}

// emuDisable removes u's conferencing state (releasing the conference
// ID once u is written) and returns the audit changes.
func emuDisable(t *teams.Tenant, w storage.Writer, uc *teams.UserContext, u *storage.User, out *teams.ChangeOutcome) ([]storage.Change, error) {
	settings, err := w.Settings()
	if err != nil {
		return nil, err
	}
	old := *u.Conferencing
	u.Conferencing = nil
	changes := teams.DisabledChanges(uc, &old)
	if storage.MailsAutomatically(settings) {
		n := len(out.Mails)
		if err := t.QueueMail(w, out, teams.MailRequest{Kind: storage.MailDisabled, User: u, Conf: &old}); err != nil {
			return nil, err
		}
		if len(out.Mails) > n {
			changes = append(changes, storage.Change{Property: "Email", New: storage.MailDisabled})
		}
	}
	return changes, nil
}

// emuReconcile enables or disables u after its licence or provider
// changed, so its conferencing state follows them.
func emuReconcile(t *teams.Tenant, w storage.Writer, uc *teams.UserContext, u *storage.User, out *teams.ChangeOutcome) ([]storage.Change, error) {
	switch want := emuShouldConference(u); {
	case want && u.Conferencing == nil:
		return emuEnable(t, w, uc, u, out)
	case !want && u.Conferencing != nil:
		return emuDisable(t, w, uc, u, out)
	}
	return nil, nil
}
