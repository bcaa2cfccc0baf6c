package admincenter

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/csshell/csshell/cmdlets/teams"
)

// The default address: loopback only.
const (
	DefaultHost = "127.0.0.1"
	DefaultPort = 8450
)

// Running is an admin center serving on an address.
type Running struct {
	// URL is where to open it.
	URL string
	// Loopback is true when only this machine can reach it.
	Loopback bool
	srv      *http.Server
	done     chan struct{}
}

// Address is the listen address of a -AdminCenter or -Listen/-Port
// value: "" is DefaultHost:DefaultPort, a bare number a port on
// DefaultHost, a bare host DefaultPort on it, "host:port" itself.
func Address(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return net.JoinHostPort(DefaultHost, strconv.Itoa(DefaultPort))
	case isDigits(s):
		return net.JoinHostPort(DefaultHost, s)
	}
	if _, _, err := net.SplitHostPort(s); err == nil {
		return s
	}
	return net.JoinHostPort(strings.Trim(s, "[]"), strconv.Itoa(DefaultPort))
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// IsLoopback reports whether a listen host reaches only this machine.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// Listen serves the admin center of tenant on addr (Address form) until
// Close, with opts (ErrorLog: internal errors; nil: standard error).
// Demo passwords work only on a loopback address, whatever opts says.
func Listen(tenant *teams.Tenant, addr string, opts Options) (*Running, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("the address %q is not host:port", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	loopback := IsLoopback(host)
	if opts.ErrorLog == nil {
		opts.ErrorLog = os.Stderr
	}
	errLog := opts.ErrorLog
	opts.AllowDemoPasswords = loopback
	s := New(tenant, opts)
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(errLog, "admincenter: ", 0),
	}
	shown := ln.Addr().(*net.TCPAddr)
	urlHost := shown.IP.String()
	if shown.IP.IsUnspecified() {
		urlHost = "localhost"
	}
	r := &Running{URL: "http://" + net.JoinHostPort(urlHost, strconv.Itoa(shown.Port)) + "/", Loopback: loopback, srv: srv, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(errLog, "admincenter: %v\n", err)
		}
	}()
	return r, nil
}

// Close stops serving: requests under way get a few seconds to finish.
func (r *Running) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := r.srv.Shutdown(ctx)
	<-r.done
	return err
}
