package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/csshell/csshell/cmdlets/admincenter"
	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/shell"
)

// adminCenterArgs finds -AdminCenter [addr] (any case, any dash, any
// prefix from -adm, or -AdminCenter:addr) among the flags before -File or
// -Command (whose arguments are the script's): ok when it is there, with
// the address ("" for the default) and the other arguments.
func adminCenterArgs(args []string) (addr string, rest []string, ok bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		name := strings.TrimLeft(a, "-–—")
		if name == a || name == "" {
			rest = append(rest, a)
			continue
		}
		key, _, hasValue := strings.Cut(strings.ToLower(name), ":")
		if strings.HasPrefix("command", key) || strings.HasPrefix("file", key) {
			return addr, append(rest, args[i:]...), ok
		}
		if len(key) < 3 || !strings.HasPrefix("admincenter", key) {
			rest = append(rest, a)
			continue
		}
		ok = true
		switch {
		case hasValue:
			addr = name[strings.IndexByte(name, ':')+1:]
		case i+1 < len(args) && strings.TrimLeft(args[i+1], "-–—") == args[i+1]:
			i++
			addr = args[i]
		}
	}
	return addr, rest, ok
}

// runAdminCenter serves the admin center headless over the tenant the
// other flags name (-TenantPath, -InMemory) until SIGINT or SIGTERM, and
// returns the exit code.
func runAdminCenter(addr string, rest []string, stdout, stderr io.Writer) int {
	opts, err := shell.ParseArgs(rest)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 64
	}
	store, err := openStore(opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer store.Close()
	tenant, err := teams.NewTenant(store)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	listen := admincenter.Address(addr)
	r, err := admincenter.Listen(tenant, listen, admincenter.Options{ErrorLog: stderr})
	if err != nil {
		fmt.Fprintf(stderr, "The admin center could not listen on %s: %v\n", listen, err)
		return 1
	}
	if !r.Loopback {
		fmt.Fprintln(stderr, "WARNING: "+admincenter.NetworkWarning(listen))
	}
	fmt.Fprintf(stdout, "csshell admin center: %s (Ctrl-C to stop)\n", r.URL)
	<-ctx.Done()
	if err := r.Close(); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
