package cmdlets

import (
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
func emuEnable(t *Tenant, w storage.Writer, uc *userContext, u *storage.User, out *changeOutcome) ([]storage.Change, error) {
	settings, err := w.Settings()
	if err != nil {
		return nil, err
	}
	bridge, err := enableBridge(w)
	if err != nil {
		return nil, err
	}
	conf := storage.Conferencing{
		BridgeID: bridge.ID, ServiceNumber: bridge.DefaultServiceNumber,
		AllowPSTNOnlyMeetings: settings.AllowPSTNOnlyMeetingsByDefault, AllowTollFreeDialIn: true,
	}
	if conf.TollFreeServiceNumber, err = firstTollFreeOn(w, bridge.ID); err != nil {
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
	conf.PIN.SetAt = t.now().UTC()
	u.Conferencing = &conf
	changes := conferencingChanges(uc, &storage.Conferencing{}, &conf, false)
	changes = append(changes, storage.Change{Property: "LeaderPin", Old: "", New: maskedPIN})
	if settings.AutomaticallySendEmailsToUsers {
		n := len(out.mails)
		if err := t.queueMail(w, out, mailRequest{kind: storage.MailEnabled, user: u, conf: &conf, pin: pin}); err != nil {
			return nil, err
		}
		if len(out.mails) > n {
			changes = append(changes, storage.Change{Property: "Email", New: storage.MailEnabled})
		}
	}
	return changes, nil
}

// emuDisable removes u's conferencing state (releasing the conference
// ID once u is written) and returns the audit changes.
func emuDisable(t *Tenant, w storage.Writer, uc *userContext, u *storage.User, out *changeOutcome) ([]storage.Change, error) {
	settings, err := w.Settings()
	if err != nil {
		return nil, err
	}
	old := *u.Conferencing
	u.Conferencing = nil
	changes := disabledChanges(uc, &old)
	if settings.AutomaticallySendEmailsToUsers {
		n := len(out.mails)
		if err := t.queueMail(w, out, mailRequest{kind: storage.MailDisabled, user: u, conf: &old}); err != nil {
			return nil, err
		}
		if len(out.mails) > n {
			changes = append(changes, storage.Change{Property: "Email", New: storage.MailDisabled})
		}
	}
	return changes, nil
}

// emuReconcile enables or disables u after its licence or provider
// changed, so its conferencing state follows them.
func emuReconcile(t *Tenant, w storage.Writer, uc *userContext, u *storage.User, out *changeOutcome) ([]storage.Change, error) {
	switch want := emuShouldConference(u); {
	case want && u.Conferencing == nil:
		return emuEnable(t, w, uc, u, out)
	case !want && u.Conferencing != nil:
		return emuDisable(t, w, uc, u, out)
	}
	return nil, nil
}
