package admincenter

import (
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
)

// Module is the module of the admin center's cmdlets: csshell's own.
const Module = "csshell"

// Register adds Start-TenantAdminCenter and Stop-TenantAdminCenter, which
// serve the admin center of t from the shell's own process: the REPL stays
// usable and both see each other's changes at once.
func Register(rt *engine.Runtime, t *teams.Tenant) {
	var mu sync.Mutex
	var running *Running

	portInfo := engine.NamedParam("Port", "Int32", "The TCP port to listen on (default "+strconv.Itoa(DefaultPort)+"; 0 picks a free one).")
	portInfo.ValidateRange = &[2]float64{0, 65535}
	port := engine.Declare[int](portInfo)
	listen := engine.Declare[string](engine.NamedParam("Listen", "String", "The address to listen on (default "+DefaultHost+", this machine only). Any other address is reachable from the network: a warning says so, and demo passwords do not work there."))
	noBrowser := engine.Declare[bool](engine.NamedParam("NoBrowser", "SwitchParameter", "Does not open the browser named by $env:BROWSER."))
	rt.Register(&engine.Cmdlet{
		Name: "Start-TenantAdminCenter", Module: Module,
		Synopsis: "Serves the admin center (the web pages of audio conferencing) over the session's tenant.",
		Description: "Starts a web server in this process serving the admin center: sign in with an administrator account, " +
			"Audio conferencing > Users > select a user > Reset PIN, send conference info, reset the conference ID, default numbers, " +
			"Bridge settings, the outbox, the audit log and the live meetings. Changes go through the same code as the cmdlets, so " +
			"each side sees the other's at once. It listens on " + DefaultHost + " unless -Listen says otherwise, returns the URL, " +
			"and opens $env:BROWSER unless -NoBrowser. Stop-TenantAdminCenter stops it.",
		Params:  []*engine.ParamInfo{port.Info(), listen.Info(), noBrowser.Info()},
		Outputs: []string{"System.String"},
		Examples: []engine.Example{
			{Title: "Start it on this machine", Code: "Start-TenantAdminCenter -NoBrowser"},
			{Title: "Any free port", Code: "$url = Start-TenantAdminCenter -Port 0 -NoBrowser"},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			mu.Lock()
			defer mu.Unlock()
			if running != nil {
				return engine.NewError("ResourceExists", "AdminCenterRunning", running.URL,
					"The admin center is already running at %s. Stop it with Stop-TenantAdminCenter first.", running.URL).
					WithException("System.InvalidOperationException")
			}
			host := strings.Trim(strings.TrimSpace(listen.Get(c)), "[]")
			if host == "" {
				host = DefaultHost
			}
			addr := net.JoinHostPort(host, strconv.Itoa(port.Or(c, DefaultPort)))
			getenv := os.Getenv
			if h := c.Host(); h != nil && h.Getenv != nil {
				getenv = h.Getenv
			}
			r, err := Listen(t, addr, Options{ErrorLog: os.Stderr,
				MailRelay: func() string { return strings.TrimSpace(getenv("CSSHELL_SMTP")) }})
			if err != nil {
				return engine.NewError("ResourceUnavailable", "AdminCenterListenFailed", addr,
					"The admin center could not listen on %s: %s", addr, err.Error()).
					WithException("System.Net.Sockets.SocketException")
			}
			running = r
			if !r.Loopback {
				c.WriteWarning(NetworkWarning(addr))
			}
			if browser := getenv("BROWSER"); browser != "" && !noBrowser.Get(c) {
				if err := exec.Command(browser, r.URL).Start(); err != nil {
					c.WriteWarning("The browser '" + browser + "' could not be started: " + err.Error())
				}
			}
			return c.WriteObject(r.URL)
		}),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Stop-TenantAdminCenter", Module: Module,
		Synopsis:    "Stops the admin center Start-TenantAdminCenter started.",
		Description: "Stops serving the admin center; requests under way finish first. Signed-in browsers must sign in again after the next start.",
		Examples:    []engine.Example{{Title: "Stop it", Code: "Stop-TenantAdminCenter"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			mu.Lock()
			defer mu.Unlock()
			if running == nil {
				return engine.NewError("InvalidOperation", "AdminCenterNotRunning", nil,
					"The admin center is not running. Start it with Start-TenantAdminCenter.").
					WithException("System.InvalidOperationException")
			}
			err := running.Close()
			running = nil
			return err
		}),
	})
}

// NetworkWarning is the warning for an address other machines can reach.
func NetworkWarning(addr string) string {
	return "The admin center listens on " + addr + ", which other machines can reach, over plain HTTP. " +
		"Demo passwords do not work there: only accounts with a password of their own (Set-TenantUser -Password) can sign in."
}
