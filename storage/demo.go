package storage

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The demo tenant's fixed identities, so tests and README examples are
// the same in every store.
const (
	DemoTenantID     = "26efe125-c070-46f9-8ed0-fc02165a167c"
	DemoBridgeID     = "9884626f-dcfb-49f4-8025-912f5bc68fdc" // "Conference Bridge", the default
	DemoEMEABridgeID = "4c1e0a52-8a7d-4f3b-b6d9-2e85c0f7a341" // "EMEA Bridge"
	DemoDomain       = "contoso.com"
	DemoAdminUPN     = "admin@contoso.onmicrosoft.com"
)

// DemoCreated is the creation (and PIN) time of every demo record.
var DemoCreated = time.Date(2024, time.January, 15, 9, 0, 0, 0, time.UTC)

// demoPolicies are the 13 predefined dial-out policies, in the service's
// order: identity, conferencing dial-out, user PSTN calls.
var demoPolicies = [][3]string{
	{"Global", "InternationalAndDomestic", "InternationalAndDomestic"},
	{"Tag:DialoutCPCandPSTNInternational", "InternationalAndDomestic", "InternationalAndDomestic"},
	{"Tag:DialoutCPCDomesticPSTNInternational", "DomesticOnly", "InternationalAndDomestic"},
	{"Tag:DialoutCPCDisabledPSTNInternational", "Disabled", "InternationalAndDomestic"},
	{"Tag:DialoutCPCInternationalPSTNDomestic", "InternationalAndDomestic", "DomesticOnly"},
	{"Tag:DialoutCPCInternationalPSTNDisabled", "InternationalAndDomestic", "Disabled"},
	{"Tag:DialoutCPCandPSTNDomestic", "DomesticOnly", "DomesticOnly"},
	{"Tag:DialoutCPCDomesticPSTNDisabled", "DomesticOnly", "Disabled"},
	{"Tag:DialoutCPCDisabledPSTNDomestic", "Disabled", "DomesticOnly"},
	{"Tag:DialoutCPCandPSTNDisabled", "Disabled", "Disabled"},
	{"Tag:DialoutCPCZoneAPSTNInternational", "ZoneA", "InternationalAndDomestic"},
	{"Tag:DialoutCPCZoneAPSTNDomestic", "ZoneA", "DomesticOnly"},
	{"Tag:DialoutCPCZoneAPSTNDisabled", "ZoneA", "Disabled"},
}

var demoBridges = []Bridge{
	{ID: DemoBridgeID, Name: "Conference Bridge", Region: "NOAM", IsDefault: true, DefaultServiceNumber: "14255550100"},
	{ID: DemoEMEABridgeID, Name: "EMEA Bridge", Region: "EMEA", DefaultServiceNumber: "442075550100"},
}

var demoNumbers = []ServiceNumber{
	{Number: "14255550100", BridgeID: DemoBridgeID, City: "Redmond", PrimaryLanguage: "en-US", SecondaryLanguages: []string{"fr-FR", "es-US"}, Type: NumberToll},
	{Number: "12065550100", BridgeID: DemoBridgeID, City: "Seattle", PrimaryLanguage: "en-US", SecondaryLanguages: []string{"fr-FR", "es-US"}, Type: NumberToll},
	{Number: "18005550100", BridgeID: DemoBridgeID, PrimaryLanguage: "en-US", SecondaryLanguages: []string{"fr-FR", "es-US"}, Type: NumberTollFree},
	{Number: "442075550100", BridgeID: DemoEMEABridgeID, City: "London", PrimaryLanguage: "en-GB", SecondaryLanguages: []string{"fr-FR", "de-DE"}, Type: NumberToll},
	{Number: "448005550100", BridgeID: DemoEMEABridgeID, PrimaryLanguage: "en-GB", SecondaryLanguages: []string{"fr-FR", "de-DE"}, Type: NumberTollFree},
}

// demoUser is one row of the demo directory.
type demoUser struct {
	upn, name, location, city, dept, role string
	noMailbox, noLicence                  bool
	provider                              string // "" = Microsoft and enabled on bridge
	bridge                                string
}

var demoUsers = []demoUser{
	{upn: DemoAdminUPN, name: "Contoso Admin", location: "US", city: "Redmond", dept: "IT", role: RoleGlobalAdmin, noLicence: true, provider: "-"},
	{upn: "pilar.ackerman@contoso.com", name: "Pilar Ackerman", location: "US", city: "Redmond", dept: "IT", role: RoleTeamsAdmin, bridge: DemoBridgeID},
	{upn: "amos.marble@contoso.com", name: "Amos Marble", location: "US", city: "Seattle", dept: "Operations", bridge: DemoBridgeID},
	{upn: "ken.myer@contoso.com", name: "Ken Myer", location: "US", city: "Redmond", dept: "Finance", bridge: DemoBridgeID},
	{upn: "david.longmuir@contoso.com", name: "David Longmuir", location: "US", city: "Seattle", dept: "Research", noMailbox: true, bridge: DemoBridgeID},
	{upn: "lee.gu@contoso.com", name: "Lee Gu", location: "GB", city: "London", dept: "Legal", bridge: DemoEMEABridgeID},
	{upn: "megan.bowen@contoso.com", name: "Megan Bowen", location: "US", city: "Boston", dept: "Marketing", provider: "Intercall"},
	{upn: "nestor.wilke@contoso.com", name: "Nestor Wilke", location: "US", city: "Redmond", dept: "Operations", noLicence: true, provider: "-"},
	{upn: "alex.wilber@contoso.com", name: "Alex Wilber", location: "US", city: "Seattle", dept: "Sales", bridge: DemoBridgeID},
	{upn: "isaiah.langer@contoso.com", name: "Isaiah Langer", location: "US", city: "Chicago", dept: "Marketing", bridge: DemoBridgeID},
	{upn: "adele.vance@contoso.com", name: "Adele Vance", location: "US", city: "Redmond", dept: "IT", bridge: DemoBridgeID},
	{upn: "grady.archie@contoso.com", name: "Grady Archie", location: "IE", city: "Dublin", dept: "Support", bridge: DemoEMEABridgeID},
}

// SeedIfEmpty seeds the demo tenant (SeedDemo) when w holds no tenant
// record: a new store, or one emptied by DeleteAll. Opening a store runs
// it after the schema migrations.
func SeedIfEmpty(w Writer) error {
	if _, err := w.Tenant(); !errors.Is(err, ErrNotFound) {
		return err
	}
	return SeedDemo(w)
}

// SeedDemo writes the demo tenant into w (normally an empty store): the
// Contoso tenant, default settings, the 13 predefined dial-out policies,
// two bridges with five service numbers, and twelve users. Ids, conference
// ids and times are fixed; leader PINs are random (hashes only). It is the
// one place the demo tenant is written: opening an empty store
// (SeedIfEmpty) and ResetDemo both call it.
func SeedDemo(w Writer) error {
	err := w.PutTenant(&Tenant{
		ID: DemoTenantID, Name: "Contoso",
		Domains:       []string{DemoDomain, "contoso.onmicrosoft.com"},
		DefaultDomain: DemoDomain, ConferencingStatus: "Enabled",
	})
	if err != nil {
		return err
	}
	settings := NewDefaultSettings()
	if err := w.PutSettings(settings); err != nil {
		return err
	}
	for _, p := range demoPolicies {
		err := w.PutDialOutPolicy(&DialOutPolicy{Identity: p[0], AllowPSTNConferencingDialOutType: p[1], AllowPSTNOutboundCallingType: p[2]})
		if err != nil {
			return err
		}
	}
	for i := range demoBridges {
		b := demoBridges[i]
		if err := w.PutBridge(&b); err != nil {
			return err
		}
	}
	for i := range demoNumbers {
		n := demoNumbers[i]
		n.SecondaryLanguages = append([]string(nil), n.SecondaryLanguages...)
		if err := w.PutServiceNumber(&n); err != nil {
			return err
		}
	}
	for _, d := range demoUsers {
		u, err := d.user(w, settings)
		if err != nil {
			return err
		}
		if err := w.PutUser(u); err != nil {
			return fmt.Errorf("storage: seeding %s: %w", d.upn, err)
		}
	}
	return nil
}

// user builds the stored user of a demo row.
func (d demoUser) user(w Writer, s *Settings) (*User, error) {
	u := &User{
		ID: UserIDFor(d.upn), UserPrincipalName: d.upn, DisplayName: d.name,
		SipAddress: "sip:" + d.upn, PrimarySmtpAddress: d.upn, HasMailbox: true,
		UsageLocation: d.location, City: d.city, Department: d.dept,
		AudioConferencingLicense: !d.noLicence, Provider: ProviderMicrosoft,
		Created: DemoCreated, Modified: DemoCreated,
	}
	if d.noMailbox {
		u.HasMailbox, u.PrimarySmtpAddress = false, ""
	}
	if d.role != "" {
		u.Roles = []string{d.role}
	}
	switch d.provider {
	case "-":
		u.Provider = ""
	case "":
	default:
		u.Provider = d.provider
	}
	applyDemoDirectory(u)
	if d.bridge == "" {
		return u, nil
	}
	c, err := enableOn(w, d.bridge, s, stableConferenceID(w, d.bridge, d.upn))
	if err != nil {
		return nil, err
	}
	c.PIN.SetAt = DemoCreated
	u.Conferencing = c
	return u, nil
}

// enableOn returns the conferencing state of a user newly enabled on a
// bridge: that conference id, the bridge's default toll number, its first
// toll-free number, toll-free dial-in allowed, PSTN-only meetings as the
// tenant default, and a fresh PIN at the tenant's PIN length.
func enableOn(w Writer, bridgeID string, s *Settings, confID string) (*Conferencing, error) {
	b, err := w.Bridge(bridgeID)
	if err != nil {
		return nil, fmt.Errorf("storage: bridge %s: %w", bridgeID, err)
	}
	tollFree, err := firstTollFree(w, b.ID)
	if err != nil {
		return nil, err
	}
	pin, err := GeneratePIN(s.PinLength)
	if err != nil {
		return nil, err
	}
	h, err := w.HashPIN(pin)
	if err != nil {
		return nil, err
	}
	return &Conferencing{
		BridgeID: b.ID, ConferenceID: confID,
		ServiceNumber: b.DefaultServiceNumber, TollFreeServiceNumber: tollFree,
		AllowTollFreeDialIn: true, AllowPSTNOnlyMeetings: s.AllowPSTNOnlyMeetingsByDefault,
		PIN: h,
	}, nil
}

// firstTollFree is the bridge's first toll-free number, "" when none.
func firstTollFree(r Reader, bridgeID string) (string, error) {
	numbers, err := r.ServiceNumbers()
	if err != nil {
		return "", err
	}
	for _, n := range numbers {
		if strings.EqualFold(n.BridgeID, bridgeID) && n.Type == NumberTollFree {
			return n.Number, nil
		}
	}
	return "", nil
}

// stableConferenceID derives a 7-digit conference id from the UPN, moving
// on to the next free one on a clash, so the demo's ids never change.
func stableConferenceID(r Reader, bridgeID, upn string) string {
	sum := sha256.Sum256([]byte(LowerUPN(upn)))
	n := binary.BigEndian.Uint64(sum[:8]) % 9_000_000
	for {
		id := fmt.Sprintf("%07d", 1_000_000+n)
		if _, taken, err := r.ConferenceIDOwner(bridgeID, id); err != nil || !taken {
			return id
		}
		n = (n + 1) % 9_000_000
	}
}
