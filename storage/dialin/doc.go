// Package dialin is the caller's side of audio conferencing: the
// conferencing auto attendant (an IVR fed by touch-tones) that answers a
// service number, the lobby, who starts a meeting, the organizer's leader
// PIN with its lockout, and the keypad commands in a meeting. It works on
// the tenant through storage.Writer, so a call is one more change of the
// tenant, kept durable like the others.
//
// The flow (../shared/reference/dialin-admin-center.md §1; wording in
// prompts.go, the limits in limits.go):
//
//  1. The caller dials a service number that is on a bridge; the attendant
//     greets in the number's primary language and asks for the conference
//     ID followed by #.
//  2. The ID must belong to an organizer enabled for audio conferencing on
//     that bridge (a toll-free number also needs the organizer's
//     AllowTollFreeDialIn, and AllowTollFreeDialin in their effective
//     audio conferencing policy). A wrong ID is asked again,
//     MaxIDAttempts in all; then the call is rejected.
//  3. If the meeting has started, the caller joins it and is never asked
//     whether they are the organizer. If not, and anonymous callers may
//     not start it (the organizer's AllowPSTNOnlyMeetings and their
//     meeting policy's AllowAnonymousUsersToStartMeeting are False,
//     policy.go), the caller is asked to press * if they are the
//     organizer, then for the PIN followed by #; the right PIN starts the
//     meeting with the caller as its leader. A caller who does not press *
//     waits in the lobby, with music. When anonymous callers may start it
//     nobody is asked: the first caller starts the meeting (SFB-NOPIN, the
//     version of the article whose bullets are not swapped).
//  4. Anonymous callers record their name first when the tenant's
//     EnableNameRecording is on and its announcements use names.
//  5. When the meeting starts — the leader PIN, an app user joining — the
//     lobby joins it at once (the seed article's rule, the default), or
//     stays until the organizer admits it (*21) under the Teams rule
//     since 2021 (storage.LobbyAdmitByOrganizer) — unless the organizer's
//     meeting policy has AllowPSTNUsersToBypassLobby True: then phone
//     callers join once an authenticated user is in the meeting.
//  6. In the meeting, the Teams keypad: *1 help, *5 hand, *6 mute; for the
//     organizer *21 admit the lobby, *22 mute all, *23 announcements.
//
// A wrong PIN counts toward the PIN lockout (storage/pinlockout.go), as a
// Test-TenantLeaderPin failure does: CheckLeaderPIN is the one check both
// use. The PIN a caller keys in is held only while the call waits for its
// #, is never part of a transcript (the keys show as the mask) and never
// stored.
package dialin
