//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// The interactive dial-in phone (Invoke-TenantDialIn with no keys given)
// driven through the real csshell in a pty: the attendant's prompts as
// they are played, touch-tones read one key at a time by Host.ReadKey
// with no Enter, the PIN's digits never echoed, and the call's effect on
// the tenant seen by the next command.

// The demo tenant's organizer, their conference ID, and what the phone
// and the attendant say (cmdlets/emulator/dialin_phone.go,
// storage/dialin/prompts.go).
const (
	phoneOrganizer    = "amos.marble@contoso.com"
	phoneConfID       = "9212081"
	phoneKeysHelp     = "Keys: 0-9 * # are touch-tones; Enter stays silent; H hangs up; Q puts the phone down, leaving the call in its lobby or meeting."
	phoneAskID        = "Attendant: Please enter your conference ID, followed by the pound key."
	phoneAskLeader    = "Attendant: If you are the meeting organizer, press star now."
	phoneAskPIN       = "Attendant: Please enter your PIN, followed by the pound key."
	phoneBadPIN       = "Attendant: That PIN is not valid."
	phoneLobby        = "Attendant: Please wait. The meeting will start when the organizer joins."
	phoneLeader       = "Attendant: You are now joining the meeting as the leader."
	phoneAnnounceOff  = "Attendant: Entry and exit announcements are off."
	phoneTooManyTries = "Attendant: Sorry, that was too many attempts. Goodbye."
)

// pickUp starts the phone and waits until it reads keys at the
// conference-ID prompt.
func (s *session) pickUp(args string) {
	s.t.Helper()
	s.markNow()
	s.line(strings.TrimSpace("Invoke-TenantDialIn " + args))
	s.waitFor(phoneKeysHelp)
	s.waitFor(phoneAskID)
}

// press types phone keys one at a time, each once the phone is reading
// keys (ICANON off), as a person listening to the attendant does. (The
// phone holds key mode for the whole call, Host.KeyMode, so keys typed
// faster are not echoed either: FastKeysNeverEchoed.)
func (s *session) press(keys string) {
	s.t.Helper()
	for _, k := range keys {
		s.waitKeyMode(true)
		s.key(string(k))
	}
}

// keyMode reports whether the phone is reading a key: Host.ReadKey turns
// line editing and echo off and keeps ISIG, which the prompt's own raw
// mode turns off.
func (s *session) keyMode() bool {
	m := s.modes()
	return m.Lflag&(unix.ICANON|unix.ECHO) == 0 && m.Lflag&unix.ISIG != 0
}

// waitKeyMode waits until keyMode is want.
func (s *session) waitKeyMode(want bool) {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if s.keyMode() == want {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	s.t.Fatalf("the terminal never went to key mode %v; screen:\n%s", want, s.screen())
}

// run enters a command line and waits for want in what follows. The line
// arrives in one write, as pasted (the shell runs it as typed,
// TestE2EPasteRunsEachLine), which keeps these tests short; a line
// entered while the command before it finishes waits in the terminal.
func (s *session) run(line, want string) {
	s.t.Helper()
	s.markNow()
	s.key(line + "\r")
	s.waitFor(want)
}

// resetPIN gives the organizer a new leader PIN and reads it from the
// screen, as an administrator would.
func (s *session) resetPIN() string {
	s.t.Helper()
	s.markNow()
	s.key("$r = Set-CsOnlineDialInConferencingUser -Identity " + phoneOrganizer + " -ResetLeaderPin; $pin = $r.LeaderPin; $pin\r")
	pinLine := regexp.MustCompile(`\n([0-9]{4,16})\n`)
	s.waitForRE(pinLine.String())
	return pinLine.FindStringSubmatch(s.screen())[1]
}

// between returns the screen between the first from and the first to
// after it ("" when either is missing).
func (s *session) between(from, to string) string {
	_, after, ok := strings.Cut(s.screen(), from)
	if !ok {
		return ""
	}
	shown, _, ok := strings.Cut(after, to)
	if !ok {
		return ""
	}
	return shown
}

// wrongPIN is a PIN of pin's length that is not pin.
func wrongPIN(pin string) string {
	b := []byte(pin)
	b[len(b)-1] = '0' + (b[len(b)-1]-'0'+1)%10
	return string(b)
}

// callRow matches the call object's table row: CallId, the conference ID,
// the organizer, then role, state and reason as given.
func callRow(rest string) string {
	return `\n +[0-9]+ ` + phoneConfID + ` +` + regexp.QuoteMeta(phoneOrganizer) + ` +` + rest
}

// anyDigit finds a digit, to check that PIN entries were not echoed (the
// prompts between them have none).
var anyDigit = regexp.MustCompile(`[0-9]`)

// TestE2EDialInPhone calls the demo tenant's bridge from the phone: an
// attendee waits in the lobby and puts the phone down; the organizer
// starts the meeting with the PIN, turns announcements off and hangs up;
// three wrong PINs end the call; Ctrl-C hangs up; and the PINs keyed
// never reach the screen or the history file.
func TestE2EDialInPhone(t *testing.T) {
	t.Parallel()

	t.Run("AttendeeWaitsInLobby", func(t *testing.T) {
		t.Parallel()
		s := startSession(t, t.TempDir())
		s.waitFor(psPrompt)
		s.pickUp("-CallerId +14255550123")
		s.press(phoneConfID + "#")
		s.waitFor(phoneConfID + "#\n")
		s.waitFor(phoneAskLeader)
		s.press("\r") // silence: not the organizer
		s.waitFor(phoneLobby)
		s.markNow()
		s.press("q")
		s.waitForRE(callRow(`Attendee +Lobby *\n`))
		s.run("(Get-TenantMeeting -Organizer "+phoneOrganizer+").LobbyCount", "\n1\n")
		s.line("exit")
		s.wait()
	})

	t.Run("OrganizerWithPIN", func(t *testing.T) {
		t.Parallel()
		s := startSession(t, t.TempDir())
		s.waitFor(psPrompt)
		pin := s.resetPIN()
		s.pickUp("")
		s.press(phoneConfID + "#")
		s.waitFor(phoneAskLeader)
		s.press("*")
		s.waitFor(phoneAskPIN)
		s.press(pin + "#")
		s.waitFor(phoneLeader)
		if shown := s.between(phoneAskPIN, phoneLeader); anyDigit.MatchString(shown) || strings.Contains(shown, "#") {
			t.Errorf("the PIN's keys were echoed: %q", shown)
		}
		s.press("*23")
		s.waitFor("*23\n" + phoneAnnounceOff)
		s.markNow()
		s.press("h")
		s.waitForRE(callRow(`Leader +Ended +The caller hung up\.`))
		s.run("(Get-TenantMeeting -Organizer "+phoneOrganizer+").State", "\nNotStarted\n")
		s.line("exit")
		s.wait()
	})

	t.Run("WrongPINThreeTimes", func(t *testing.T) {
		t.Parallel()
		s := startSession(t, t.TempDir())
		s.waitFor(psPrompt)
		wrong := wrongPIN(s.resetPIN())
		s.pickUp("")
		s.press(phoneConfID + "#")
		s.waitFor(phoneAskLeader)
		s.press("*")
		s.waitFor(phoneAskPIN)
		for i := 1; i <= 3; i++ {
			s.press(wrong + "#")
			s.waitForRE(fmt.Sprintf(`(?s)(%s.*){%d}`, regexp.QuoteMeta(phoneBadPIN), i))
		}
		s.waitFor(phoneTooManyTries)
		s.waitForRE(callRow(`Rejected +A wrong leader PIN was entered 3 times\.`))
		if shown := s.between(phoneAskPIN, phoneTooManyTries); anyDigit.MatchString(shown) || strings.Contains(shown, "#") {
			t.Errorf("the wrong PINs' keys were echoed: %q", shown)
		}
		s.run("'after' + '-rejected'", "\nafter-rejected\n")
		s.line("exit")
		s.wait()
	})

	t.Run("CtrlCHangsUp", func(t *testing.T) {
		t.Parallel()
		s := startSession(t, t.TempDir())
		s.waitFor(psPrompt)
		s.pickUp("-CallerId +14255550123")
		s.press(phoneConfID + "#")
		s.waitFor(phoneAskLeader)
		s.press("\r")
		s.waitFor(phoneLobby)
		s.waitKeyMode(true) // the phone waits in the lobby
		s.key("\x03")
		s.waitKeyMode(false) // the phone is down: what is typed next is a command
		s.run("1+1", "\n2\n")
		// Stopped as Read-Host is: no error shown, none recorded.
		if strings.Contains(s.screen(), "context canceled") {
			t.Errorf("Ctrl-C showed an error:\n%s", s.screen())
		}
		s.run("$Error.Count", "\n0\n")
		s.run("(Get-TenantMeeting -Organizer "+phoneOrganizer+").LobbyCount", "\n0\n")
		s.line("exit")
		s.wait()
	})

	t.Run("FastKeysNeverEchoed", func(t *testing.T) {
		t.Parallel()
		s := startSession(t, t.TempDir())
		s.waitFor(psPrompt)
		wrong := wrongPIN(s.resetPIN())
		s.pickUp("")
		s.press(phoneConfID + "#")
		s.waitFor(phoneAskLeader)
		// The star, the PIN and # typed 0.3 ms apart, faster than the phone
		// handles a key (a paste, a typing tool): the terminal must not
		// echo those it receives while the phone works.
		for _, k := range "*" + wrong + "#" + wrong + "#" {
			s.key(string(k))
			time.Sleep(300 * time.Microsecond)
		}
		s.waitForRE(fmt.Sprintf(`(?s)(%s.*){2}`, regexp.QuoteMeta(phoneBadPIN)))
		s.press("h")
		s.waitForRE(callRow(`Ended +The caller hung up\.`))
		// From the PIN prompt to the call's row, no key may show.
		if shown := s.between(phoneAskPIN, "CallId"); anyDigit.MatchString(shown) || strings.Contains(shown, "#") {
			t.Errorf("fast PIN keys were echoed: %q", shown)
		}
		s.line("exit")
		s.wait()
	})

	t.Run("PINNeverInHistory", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		s := startSession(t, dir)
		s.waitFor(psPrompt)
		pin := s.resetPIN()
		// A wrong PIN first, then the right one, then *6 in the meeting.
		s.pickUp("")
		s.press(phoneConfID + "#")
		s.waitFor(phoneAskLeader)
		s.press("*")
		s.waitFor(phoneAskPIN)
		s.press(wrongPIN(pin) + "#")
		s.waitFor(phoneBadPIN)
		s.press(pin + "#")
		s.waitFor(phoneLeader)
		s.press("*6")
		s.waitFor("Attendant: You are muted.")
		s.markNow()
		s.press("h")
		s.waitForRE(callRow(`Leader +Ended`))
		s.run("Write-Output ('phone' + '-done')", "\nphone-done\n")
		s.line("exit")
		if code := s.wait(); code != 0 {
			t.Errorf("exit code %d; screen:\n%s", code, s.screen())
		}

		data, err := os.ReadFile(filepath.Join(dir, "state", "csshell", "history"))
		if err != nil {
			t.Fatal(err)
		}
		history := string(data)
		for _, want := range []string{"Invoke-TenantDialIn", "-ResetLeaderPin", "Write-Output ('phone' + '-done')"} {
			if !strings.Contains(history, want) {
				t.Errorf("%q is not in the history file:\n%s", want, history)
			}
		}
		for _, secret := range []string{pin, wrongPIN(pin)} {
			if regexp.MustCompile(`(^|[^0-9])` + secret + `($|[^0-9])`).MatchString(history) {
				t.Errorf("the PIN %s typed into the phone reached the history file:\n%s", secret, history)
			}
		}
		if keys := regexp.MustCompile(`(?m)^[0-9*#hq]+$`).FindString(history); keys != "" {
			t.Errorf("phone keys %q reached the history file:\n%s", keys, history)
		}
	})
}
