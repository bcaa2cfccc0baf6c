package emulator

import (
	"fmt"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/dialin"
)

// StopMeeting ends organizer's meeting inside a change (dialin.Stop: every
// call in it and in its lobby) and audits it as admin through cmdlet.
// Stop-TenantMeeting and the admin center's Live meetings page both end
// meetings through it.
func StopMeeting(w storage.Writer, admin *storage.User, cmdlet string, organizer *storage.User) (ended int, err error) {
	calls, err := dialin.Stop(w, organizer)
	if err != nil {
		return 0, err
	}
	return len(calls), teams.AuditAs(w, admin, cmdlet, organizer.UserPrincipalName, organizer.ID, []storage.Change{
		{Property: "MeetingState", Old: "Started", New: storage.MeetingNotStarted},
		{Property: "CallsEnded", New: fmt.Sprint(len(calls))}})
}
