package complete

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/badgerstore"
)

// The identity benchmark builds its 100 000-user tenant once per process
// (a few seconds), on disk as the shell keeps it:
//
//	go test -run '^$' -bench CompleteIdentity100k ./shell/complete/

var (
	tenantOnce  sync.Once
	tenantStore *badgerstore.Badger
	tenantDir   string
	tenantErr   error
)

const tenantUsersN = 100_000

func bigTenant(b *testing.B) *badgerstore.Badger {
	tenantOnce.Do(func() {
		tenantDir, tenantErr = os.MkdirTemp("", "csshell-complete-bench-*")
		if tenantErr != nil {
			return
		}
		tenantStore, tenantErr = badgerstore.Open(filepath.Join(tenantDir, "tenant"))
		if tenantErr == nil {
			tenantErr = storage.AddSyntheticUsers(tenantStore, tenantUsersN)
		}
	})
	if tenantErr != nil {
		b.Fatal(tenantErr)
	}
	return tenantStore
}

func TestMain(m *testing.M) {
	code := m.Run()
	if tenantStore != nil {
		tenantStore.Close()
	}
	if tenantDir != "" {
		os.RemoveAll(tenantDir)
	}
	os.Exit(code)
}

// identityLimit is how many users one completion asks the store for.
const identityLimit = 50

// storeIdentityHook completes -Identity as the tenant cmdlets do: an index
// prefix scan (UPN, SIP address, display-name words) with a limit,
// offering each user's UPN and display name.
func storeIdentityHook(s storage.Store) func(string) []string {
	return func(prefix string) []string {
		var out []string
		_ = s.View(func(r storage.Reader) error {
			users, err := r.SearchUsers(prefix, identityLimit)
			for _, u := range users {
				out = append(out, u.UserPrincipalName)
				if u.DisplayName != "" {
					out = append(out, u.DisplayName)
				}
			}
			return err
		})
		return out
	}
}

// BenchmarkCompleteIdentity100k measures a whole completion of
// "Set-CsOnlineDialInConferencingUser -Identity <prefix>" against a
// 100 000-user tenant, over prefixes from one character to a full UPN,
// and reports the latency percentiles (the goal is p99 ≤ 5 ms).
func BenchmarkCompleteIdentity100k(b *testing.B) {
	store := bigTenant(b)
	f := newFake(b)
	f.addCmdlet("Set-CsOnlineDialInConferencingUser", "Changes a user's audio-conferencing settings.", &binding.Meta{SupportsShouldProcess: true, Params: []*binding.ParamInfo{
		{Name: "Identity", Type: "UserIdParameter", Sets: pos(0), Complete: storeIdentityHook(store)},
	}})
	c := New(f)
	prefixes := []string{
		"u", "us", "use", "user", "user0", "user01", "user012", "user0123", "user01234", "user012345",
		"user099999@", "user100000", "'User 0", "\"user 05", "0", "00", "000", "0001", "00012", "000123",
		"a", "am", "amos", "adele", "sip:user00", "z", "x", "User", "'User 000", "user05000",
	}
	var lat, long []time.Duration // long: prefixes of 6+ characters
	worst := map[string]time.Duration{}
	items := 0
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		p := prefixes[i%len(prefixes)]
		in := "Set-CsOnlineDialInConferencingUser -Identity " + p
		i++
		start := time.Now()
		r := c.Complete(in, len(in))
		d := time.Since(start)
		lat = append(lat, d)
		if len(strings.Trim(p, `'"`)) >= 6 {
			long = append(long, d)
		}
		worst[p] = max(worst[p], d)
		items += len(r.Items)
	}
	b.StopTimer()
	if items == 0 {
		b.Fatal("no identities completed")
	}
	b.ReportMetric(percentile(lat, 0.50), "p50-ms")
	b.ReportMetric(percentile(lat, 0.99), "p99-ms")
	b.ReportMetric(percentile(long, 0.99), "p99-6char-ms")
	b.ReportMetric(float64(items)/float64(len(lat)), "items/op")
	for _, p := range prefixes {
		if d, ok := worst[p]; ok {
			b.Logf("%-14q worst %8.2f ms", p, float64(d.Microseconds())/1000)
		}
	}
}

// percentile is the p-th latency of lat in milliseconds (0 when empty).
func percentile(lat []time.Duration, p float64) float64 {
	if len(lat) == 0 {
		return 0
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	return float64(s[int(p*float64(len(s)-1))].Microseconds()) / 1000
}

// BenchmarkCompleteOverhead is the completer's own cost on typical lines
// (tokenizing, finding the command, binding, sorting, quoting), with a
// Complete hook that answers at once with 50 identities.
func BenchmarkCompleteOverhead(b *testing.B) {
	f := newFake(b)
	vals := make([]string, 0, 100)
	for i := range 50 {
		vals = append(vals, fmt.Sprintf("user%06d@contoso.com", i), fmt.Sprintf("User %06d", i))
	}
	f.addCmdlet("Set-CsOnlineDialInConferencingUser", "", &binding.Meta{SupportsShouldProcess: true, Params: []*binding.ParamInfo{
		{Name: "Identity", Type: "UserIdParameter", Sets: pos(0), Complete: func(string) []string { return vals }},
		{Name: "BridgeName", Type: "String", Sets: named()},
	}})
	lines := []string{
		"Set-CsOnlineDialInConferencingUser -Identity us",
		"Get-CsOnlineDialInConferencingUser | % { Set-CsOnlineDialInConferencingUser -Identity $_.Identity -",
		"Get-C", "$user.Conferencing.", "Get-Thing -Kind:", "$env:H",
	}
	c := New(f)
	c.now = func() time.Time { return time.Unix(0, 0) } // no reuse between prefixes below
	var lat []time.Duration
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		in := lines[i%len(lines)]
		c.memo = hookMemo{} // measure the hook path every time
		i++
		start := time.Now()
		c.Complete(in, len(in))
		lat = append(lat, time.Since(start))
	}
	b.ReportMetric(percentile(lat, 0.99), "p99-ms")
}

// TestIdentityHookShape checks, on a small store, what the benchmark's
// hook offers: UPNs and quoted display names, found by a display-name word.
func TestIdentityHookShape(t *testing.T) {
	if testing.Short() {
		t.Skip("opens a store")
	}
	store, err := badgerstore.OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := storage.AddSyntheticUsers(store, 30); err != nil {
		t.Fatal(err)
	}
	f := newFake(t)
	f.addCmdlet("Set-CsOnlineDialInConferencingUser", "", &binding.Meta{Params: []*binding.ParamInfo{
		{Name: "Identity", Type: "UserIdParameter", Sets: pos(0), Complete: storeIdentityHook(store)},
	}})
	in := "Set-CsOnlineDialInConferencingUser -Identity 00002"
	r := New(f).Complete(in, len(in))
	got := texts(r.Items)
	if len(got) < 2 || !strings.HasPrefix(got[0], "user00002") || !slices.Contains(got, "'User 000020'") {
		t.Fatalf("got %q", got)
	}
}
