// Command csshell is an offline PowerShell 7 compatible shell that
// emulates the audio-conferencing administration of a Teams / Skype for
// Business Online tenant.
package main

import (
	"errors"
	"os"
	"strings"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/shell"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/badgerstore"
	"golang.org/x/term"
)

func main() {
	if addr, rest, ok := adminCenterArgs(os.Args[1:]); ok {
		os.Exit(runAdminCenter(addr, rest, os.Stdout, os.Stderr))
	}
	os.Exit(shell.Main(shell.Config{
		Args:        os.Args[1:],
		Stdin:       os.Stdin,
		Stdout:      os.Stdout,
		Stderr:      os.Stderr,
		Setup:       setup,
		SessionInfo: sessionInfo,
		IsTerminal: func(s any) bool {
			f, ok := s.(*os.File)
			return ok && term.IsTerminal(int(f.Fd()))
		},
	}))
}

// setup registers every cmdlet and connects the session to its tenant:
// in memory with -InMemory, else the store at -TenantPath,
// $CSSHELL_TENANT_PATH, or the default location.
func setup(rt *engine.Runtime, opts shell.Options) (func(), error) {
	cmdlets.Register(rt)
	store, err := openStore(opts)
	if err != nil {
		return nil, err
	}
	tenant, err := teams.NewTenant(store)
	if err != nil {
		store.Close()
		return nil, err
	}
	cmdlets.RegisterTenant(rt, tenant)
	session = tenant
	return func() { store.Close() }, nil
}

// openStore opens the tenant store the options name: in memory with
// -InMemory, else the store at -TenantPath, $CSSHELL_TENANT_PATH, or the
// default location.
func openStore(opts shell.Options) (storage.Store, error) {
	var store storage.Store
	var err error
	if opts.InMemory {
		store, err = badgerstore.OpenInMemory()
	} else {
		dir := opts.TenantPath
		if dir == "" {
			dir = os.Getenv("CSSHELL_TENANT_PATH")
		}
		if dir == "" {
			dir = storage.DefaultDir(os.Getenv)
		}
		store, err = badgerstore.Open(dir)
	}
	if err != nil {
		return nil, oneLine(err)
	}
	return store, nil
}

// oneLine is the error csshell prints, as one line, when the tenant store
// does not open. The store's refusals (in use, damaged, key file, disk
// space, schema) are one line already, ending with what to do; a message
// from deeper down (Badger's run to several lines) is cut to its first.
func oneLine(err error) error {
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		return errors.New(strings.TrimSpace(msg[:i]))
	}
	return err
}

// session is the tenant connection setup made, for the banner.
var session *teams.Tenant

// sessionInfo is the banner line naming the tenant and the signed-in
// account, e.g. "Tenant: Contoso (contoso.com) — signed in as
// admin@contoso.onmicrosoft.com".
func sessionInfo() string {
	if session == nil {
		return ""
	}
	var name, domain string
	session.Store().View(func(r storage.Reader) error {
		t, err := r.Tenant()
		if err == nil && t != nil {
			name, domain = t.Name, t.DefaultDomain
			if domain == "" && len(t.Domains) > 0 {
				domain = t.Domains[0]
			}
		}
		return err
	})
	info := "Tenant: " + name
	if domain != "" {
		info += " (" + domain + ")"
	}
	if acct := session.Account(); acct != "" {
		info += " — signed in as " + acct
	} else {
		info += " — not signed in"
	}
	return info
}
