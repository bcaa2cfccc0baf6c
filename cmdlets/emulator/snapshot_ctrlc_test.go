package emulator_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/badgerstore"
)

// cancelAfter is a host output that presses Ctrl-C (cancels the
// command's context) once it has shown n lines.
type cancelAfter struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	n      int
	cancel context.CancelFunc
}

func (w *cancelAfter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if bytes.Count(w.buf.Bytes(), []byte("\n")) >= w.n {
		w.cancel()
	}
	return len(p), nil
}

// TestCtrlCLongPipeline (issue 5, Batch I/O): a pipeline resetting the
// PINs of 2 000 users, stopped by Ctrl-C after it has shown 300, leaves
// every finished change durable and no half-made one. After the store is
// closed and reopened: every PIN shown verifies; the users whose PIN
// changed are exactly the targets of the audit records (one each) — no
// change without its record, no record without its change; every user is
// found through each of its indexes; and the pipeline did stop midway.
func TestCtrlCLongPipeline(t *testing.T) {
	const users, stopAt = 2000, 300
	dir := filepath.Join(t.TempDir(), "tenant")
	store := tenanttest.OpenDir(t, dir)
	if err := storage.AddSyntheticUsers(store, users); err != nil {
		t.Fatal(err)
	}
	before := pinSalts(t, store)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &cancelAfter{n: stopAt + 1, cancel: cancel}
	h := engine.NewHost(strings.NewReader(""), out, out)
	h.Getenv = func(string) string { return "" }
	rt := engine.New(h)
	cmdlets.Register(rt)
	cmdlets.RegisterTenant(rt, tenanttest.Connect(t, store))
	rt.Execute(context.Background(), "<test>", "Set-CsOnlineDialInConferencingTenantSettings -AutomaticallySendEmailsToUsers $false; 'ready'")
	res := rt.Execute(ctx, "<test>", `Get-CsOnlineDialInConferencingUser -ResultSize 5000 |
		Set-CsOnlineDialInConferencingUser -ResetLeaderPin |
		ForEach-Object { "$($_.SipAddress) $($_.LeaderPin)" }`)
	t.Logf("result: %+v", res)
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}

	shown := map[string]string{}
	for _, line := range strings.Split(out.buf.String(), "\n") {
		if f := strings.Fields(line); len(f) == 2 && strings.HasPrefix(f[0], "sip:") {
			shown[strings.TrimPrefix(f[0], "sip:")] = f[1]
		}
	}

	store, err := badgerstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	after := pinSalts(t, store)
	changed := map[string]bool{}
	for upn, salt := range after {
		if salt != before[upn] {
			changed[upn] = true
		}
	}
	if len(shown) < stopAt || len(changed) >= users-1 {
		t.Fatalf("the pipeline was not stopped midway: %d shown, %d changed of %d", len(shown), len(changed), users)
	}
	t.Logf("%d PINs shown, %d changes finished when Ctrl-C stopped the pipeline", len(shown), len(changed))
	err = store.View(func(r storage.Reader) error {
		for upn, pin := range shown {
			us, err := r.FindUsers(upn)
			if err != nil || len(us) != 1 || !r.VerifyPIN(us[0].Conferencing.PIN, pin) {
				t.Errorf("PIN shown for %s does not verify after reopening (%v)", upn, err)
			}
			if !changed[upn] {
				t.Errorf("%s: PIN shown but not changed", upn)
			}
		}
		audits, err := r.Audit(0, func(a *storage.AuditRecord) bool { return a.Cmdlet == "Set-CsOnlineDialInConferencingUser" })
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, a := range audits {
			upn := strings.ToLower(a.Target)
			if seen[upn] || !changed[upn] {
				t.Errorf("audit record for %s: duplicate %v, PIN changed %v", upn, seen[upn], changed[upn])
			}
			seen[upn] = true
		}
		if len(seen) != len(changed) {
			t.Errorf("%d changes finished but %d audit records", len(changed), len(seen))
		}
		// Every user is whole: found through each index.
		return r.ScanUsers("", 0, func(u *storage.User) error {
			for _, id := range []string{u.UserPrincipalName, u.SipAddress, u.DisplayName, u.ID} {
				us, err := r.FindUsers(id)
				if err != nil || len(us) != 1 || us[0].ID != u.ID {
					t.Errorf("%s: FindUsers(%q) = %d users, %v", u.UserPrincipalName, id, len(us), err)
				}
			}
			if c := u.Conferencing; c != nil {
				if owner, ok, err := r.ConferenceIDOwner(c.BridgeID, c.ConferenceID); err != nil || !ok || owner != u.ID {
					t.Errorf("%s: conference id index", u.UserPrincipalName)
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// pinSalts maps each conferencing user's lower UPN to its PIN salt.
func pinSalts(t *testing.T, s storage.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := s.View(func(r storage.Reader) error {
		return r.ScanUsers("", 0, func(u *storage.User) error {
			if u.Conferencing != nil {
				out[strings.ToLower(u.UserPrincipalName)] = string(u.Conferencing.PIN.Salt)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
