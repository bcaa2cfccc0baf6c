package storage

import "slices"

// When a user is emailed about their audio conferencing (seed rule and
// cmdlets.md rules 17, 18 and 21): emails go out on enablement and on PIN
// reset, by default (the tenant's AutomaticallySendEmailsToUsers, on by
// default) or when -SendEmail asks; with the automatic emails off, a reset
// sends nothing unless -SendEmail is given. They go to the primary SMTP
// address (a mailbox is needed) unless -SendEmailToAddress, which needs
// -SendEmail, overrides it. Only the enablement and reset emails carry the
// PIN. This file is the one place these decisions are made.

// NoticeProperties are the conferencing properties whose change sends the
// user the change notice when emails are automatic: what their meeting
// invitations show (bridge, conference ID, default numbers).
var NoticeProperties = []string{"BridgeName", "BridgeId", "ConferenceId", "ServiceNumber", "TollFreeServiceNumber"}

// MailsAutomatically reports whether the tenant emails users about their
// conferencing changes without being asked.
func MailsAutomatically(s *Settings) bool { return s != nil && s.AutomaticallySendEmailsToUsers }

// MailOnEnableOrDisable reports whether enabling or disabling a user
// sends the enablement (with the PIN) or the disablement email.
func MailOnEnableOrDisable(s *Settings, sendEmail bool) bool {
	return MailsAutomatically(s) || sendEmail
}

// MailForChange decides the email a change of a conferencing user sends:
// the reset email (with the new PIN) when the PIN was reset and emails are
// automatic or -SendEmail is given; the information email (never the PIN)
// on -SendEmail; the change notice when one of NoticeProperties changed
// and emails are automatic; else none ("").
func MailForChange(s *Settings, sendEmail, pinReset bool, changes []Change) string {
	switch {
	case pinReset && MailOnEnableOrDisable(s, sendEmail):
		return MailPINReset
	case sendEmail:
		return MailInfo
	case MailsAutomatically(s) && slices.ContainsFunc(changes, func(c Change) bool { return slices.Contains(NoticeProperties, c.Property) }):
		return MailChanged
	}
	return ""
}

// MailCarriesPIN reports whether an email of this kind carries the user's
// new PIN in clear: only the enablement and PIN-reset emails do.
func MailCarriesPIN(kind string) bool { return kind == MailEnabled || kind == MailPINReset }
