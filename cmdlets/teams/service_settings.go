package teams

import "github.com/csshell/csshell/storage"

// ApplySettingsChange stores the settings next makes of the current ones
// and audits what changed, as admin through cmdlet (nothing is written
// when nothing changed). Set- and
// Remove-CsOnlineDialInConferencingTenantSettings and the admin center's
// Bridge settings all change the settings through it.
func ApplySettingsChange(w storage.Writer, admin *storage.User, cmdlet string, next func(old *storage.Settings) (*storage.Settings, error)) error {
	old, err := w.Settings()
	if err != nil {
		return StoreError(err, settingsIdentity)
	}
	s, err := next(old)
	if err != nil {
		return err
	}
	changes := settingsChanges(old, s)
	if len(changes) == 0 {
		return nil
	}
	if err := w.PutSettings(s); err != nil {
		return StoreError(err, settingsIdentity)
	}
	return AuditAs(w, admin, cmdlet, settingsIdentity, "", changes)
}

// SettingsFromObject copies the settings an object carries (the members
// of Get-CsOnlineDialInConferencingTenantSettings' object that it has)
// onto a copy of old and validates the result, with the messages
// Set-CsOnlineDialInConferencingTenantSettings -Instance gives.
func SettingsFromObject(old *storage.Settings, obj any) (*storage.Settings, error) {
	s := copySettings(old)
	if err := applyInstance(s, obj); err != nil {
		return nil, err
	}
	if err := validateSettings(s); err != nil {
		return nil, err
	}
	return s, nil
}
