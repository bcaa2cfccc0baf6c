package storage

// demoDirectory is the demo users' directory attributes beyond the
// demoUsers rows (the fictitious people of Microsoft's sample tenants,
// at real-looking addresses): given name, surname, job title, state or
// province, postal code and street.
var demoDirectory = map[string][6]string{
	DemoAdminUPN:                 {"", "", "", "WA", "98052", "One Microsoft Way"},
	"pilar.ackerman@contoso.com": {"Pilar", "Ackerman", "IT Manager", "WA", "98052", "One Microsoft Way"},
	"amos.marble@contoso.com":    {"Amos", "Marble", "Operations Lead", "WA", "98101", "1600 Seventh Avenue"},
	"ken.myer@contoso.com":       {"Ken", "Myer", "Controller", "WA", "98052", "One Microsoft Way"},
	"david.longmuir@contoso.com": {"David", "Longmuir", "Research Scientist", "WA", "98101", "1600 Seventh Avenue"},
	"lee.gu@contoso.com":         {"Lee", "Gu", "Counsel", "England", "EC2M 4AA", "2 Exchange Square"},
	"megan.bowen@contoso.com":    {"Megan", "Bowen", "Marketing Manager", "MA", "02110", "1 Federal Street"},
	"nestor.wilke@contoso.com":   {"Nestor", "Wilke", "Operations Director", "WA", "98052", "One Microsoft Way"},
	"alex.wilber@contoso.com":    {"Alex", "Wilber", "Account Executive", "WA", "98101", "1600 Seventh Avenue"},
	"isaiah.langer@contoso.com":  {"Isaiah", "Langer", "Marketing Assistant", "IL", "60606", "200 South Wacker Drive"},
	"adele.vance@contoso.com":    {"Adele", "Vance", "Systems Engineer", "WA", "98052", "One Microsoft Way"},
	"grady.archie@contoso.com":   {"Grady", "Archie", "Support Engineer", "Dublin", "D18 P521", "South County Business Park"},
}

// demoCountries names the demo users' countries (the directory's
// "country or region", a name) by usage location, and gives their
// preferred language.
var demoCountries = map[string][2]string{
	"US": {"United States", "en-US"},
	"GB": {"United Kingdom", "en-GB"},
	"IE": {"Ireland", "en-IE"},
}

// demoACP is the dial-in the third-party provider gave the demo tenant's
// Intercall user (an invented number in the 555 range and passcode).
var demoACP = ACPDialIn{
	TollNumber: "16175550199", TollFreeNumber: "18775550199", ParticipantPassCode: "4417203",
	Domain: "intercall.com", URL: "https://www.intercall.com/conference",
}

// applyDemoDirectory fills u's directory attributes from the tables above.
func applyDemoDirectory(u *User) {
	d := demoDirectory[u.UserPrincipalName]
	u.GivenName, u.Surname, u.Title, u.StateOrProvince, u.PostalCode, u.StreetAddress = d[0], d[1], d[2], d[3], d[4], d[5]
	c := demoCountries[u.UsageLocation]
	u.Country, u.PreferredLanguage = c[0], c[1]
	u.Company = "Contoso"
	if u.Provider != "" && u.Provider != ProviderMicrosoft {
		u.ACP = demoACP
	}
}
