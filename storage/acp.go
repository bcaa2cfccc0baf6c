package storage

// ACPDialIn is what a third-party audio conferencing provider (ACP) gave a
// user to dial in with, as Skype for Business Online kept it in the user's
// AcpInfo (Set-CsUserAcp's -TollNumber, -TollFreeNumbers, -ParticipantPasscode,
// -Domain and -Url; the provider's name is User.Provider). Third-party
// ACPs were retired with Skype for Business Online on 2021-07-31; the
// details only serve the legacy generations' Get-CsOnlineUser.
type ACPDialIn struct {
	TollNumber          string // digits, without "+"
	TollFreeNumber      string // digits, without "+"; "" for none
	ParticipantPassCode string
	Domain              string // the provider's domain, e.g. "intercall.com"
	URL                 string
}
