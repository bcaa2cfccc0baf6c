package badgerstore

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/csshell/csshell/storage"
)

// processCPU is the process's CPU time so far (user + system).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkGroupedReset10k is the store's share of a bulk PIN reset
// (issue 16), without the shell: for each of 10 000 users of an in-memory
// tenant, what Set-CsOnlineDialInConferencingUser -ResetLeaderPin asks of
// the store in a session's group — resolve the UPN (a group View), then a
// deferred change that reads the user and the settings, hashes a new PIN,
// puts the user and adds an audit record — and the barrier at the end.
// us-cpu/op is the process's CPU per reset (every goroutine, Badger's
// included).
func BenchmarkGroupedReset10k(b *testing.B) {
	const n = 10_000
	s, err := OpenInMemory()
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := storage.AddSyntheticUsers(s, n); err != nil {
		b.Fatal(err)
	}
	upns := make([]string, n)
	for i := range upns {
		upns[i] = fmt.Sprintf("user%06d@contoso.com", i+1)
	}
	var cpu time.Duration
	b.ReportAllocs()
	for b.Loop() {
		c0 := processCPU()
		g := s.NewGroup()
		for _, upn := range upns {
			var id string
			err := g.View(func(r storage.Reader) error {
				users, err := r.FindUsers(upn)
				if err == nil && len(users) != 1 {
					err = fmt.Errorf("%s: %d users", upn, len(users))
				}
				if err == nil {
					id = users[0].ID
				}
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
			err = g.UpdateDeferred(func(w storage.Writer) error {
				u, err := resetUserPIN(w, id)
				if err != nil {
					return err
				}
				return w.AddAudit(&storage.AuditRecord{Time: w.Now(), Account: "admin@contoso.com",
					Cmdlet: "Set-CsOnlineDialInConferencingUser", Target: u.UserPrincipalName, TargetID: u.ID,
					Changes: []storage.Change{{Property: "LeaderPin", Old: "", New: "(reset)"}}})
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		if err := g.Sync(); err != nil {
			b.Fatal(err)
		}
		cpu += processCPU() - c0
	}
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*n), "us-cpu/op")
}
