package teams

import "strings"

// countryCodes maps the country names the directory holds (Country,
// CountryOrRegionDisplayName) to the ISO 3166 codes Get-CsOnlineUser shows
// as CountryAbbreviation. A name not listed shows no abbreviation.
var countryCodes = map[string]string{
	"australia": "AU", "austria": "AT", "belgium": "BE", "brazil": "BR", "canada": "CA", "china": "CN",
	"denmark": "DK", "finland": "FI", "france": "FR", "germany": "DE", "greece": "GR", "india": "IN",
	"ireland": "IE", "italy": "IT", "japan": "JP", "mexico": "MX", "netherlands": "NL", "new zealand": "NZ",
	"norway": "NO", "poland": "PL", "portugal": "PT", "singapore": "SG", "south africa": "ZA", "spain": "ES",
	"sweden": "SE", "switzerland": "CH", "united kingdom": "GB", "united states": "US",
}

// countryCode is the ISO code of a country name, "" when unknown.
func countryCode(name string) string {
	return countryCodes[strings.ToLower(strings.TrimSpace(name))]
}
