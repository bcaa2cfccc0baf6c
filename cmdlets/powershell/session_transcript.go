package powershell

import (
	"crypto/rand"
	"errors"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// transcriptRule is the line around a transcript's header (the footer
// is the engine's, Runtime.StopTranscript).
const transcriptRule = "**********************"

// startTranscriptParams are Start-Transcript's parameters.
type startTranscriptParams struct {
	path, literalPath, outputDirectory engine.Param[string]
	appendTo, force, noClobber         engine.Param[bool]
	includeInvocationHeader            engine.Param[bool]
	useMinimalHeader                   engine.Param[bool]
}

func newStartTranscriptParams() *startTranscriptParams {
	noClobber := engine.NamedParam("NoClobber", "SwitchParameter", "Prevents the cmdlet from overwriting an existing file.", "NoOverwrite")
	return &startTranscriptParams{
		path: engine.Declare[string](&engine.ParamInfo{Name: "Path", Type: "String", Sets: []engine.ParamSet{{Name: "ByPath", Position: 0}},
			Help: "Specifies a location for the transcript file (by default PowerShell_transcript.<computer>.<random>.<time>.txt in the home directory)."}),
		literalPath: engine.Declare[string](&engine.ParamInfo{Name: "LiteralPath", Type: "String", Aliases: []string{"PSPath", "LP"},
			Sets: []engine.ParamSet{{Name: "ByLiteralPath", Position: -1}}, Help: "Specifies a location for the transcript file, used exactly as typed."}),
		outputDirectory: engine.Declare[string](engine.NamedParamInSets("OutputDirectory", "String", "Specifies a directory for the transcript file, named as by default.", "ByOutputDirectory")),
		appendTo:        engine.Declare[bool](engine.NamedParam("Append", "SwitchParameter", "Adds the new transcript to the end of an existing file.")),
		force:           engine.Declare[bool](engine.NamedParam("Force", "SwitchParameter", "Allows the cmdlet to append the transcript to an existing read-only file.")),
		noClobber:       engine.Declare[bool](noClobber),
		includeInvocationHeader: engine.Declare[bool](engine.NamedParam("IncludeInvocationHeader", "SwitchParameter",
			"Indicates that this cmdlet logs the time stamp when commands are run.")),
		useMinimalHeader: engine.Declare[bool](engine.NamedParam("UseMinimalHeader", "SwitchParameter",
			"Prepends a short header to the transcript, instead of the detailed header.")),
	}
}

func (p *startTranscriptParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.path.Info(), p.literalPath.Info(), p.outputDirectory.Info(), p.appendTo.Info(),
		p.force.Info(), p.noClobber.Info(), p.includeInvocationHeader.Info(), p.useMinimalHeader.Info()}
}

// registerTranscriptCmdlets adds Start-Transcript and Stop-Transcript.
func registerTranscriptCmdlets(rt *engine.Runtime) {
	p := newStartTranscriptParams()
	rt.Register(&engine.Cmdlet{
		Name: "Start-Transcript", Module: "Microsoft.PowerShell.Host",
		Synopsis: "Creates a record of all or part of a PowerShell session to a text file.",
		Description: "The Start-Transcript cmdlet creates a record of all or part of a PowerShell session to a text file: the " +
			"commands typed at the prompt and everything the session shows. Secrets typed in clear on a command line are " +
			"masked in it as in the history; what is typed at a prompt (Read-Host, a password) is not recorded.",
		DefaultSet:            "ByPath",
		SupportsShouldProcess: true,
		Params:                p.infos(),
		Examples: []engine.Example{
			{Title: "Start a transcript", Code: "Start-Transcript -Path ./pin-reset.log -Append"},
		},
		Outputs: []string{"System.String"},
		New:     engine.ProcessOnly(func(c *engine.Call) error { return startTranscript(c, p) }),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Stop-Transcript", Module: "Microsoft.PowerShell.Host",
		Synopsis:    "Stops a transcript.",
		Description: "The Stop-Transcript cmdlet stops the transcript that Start-Transcript started most recently and writes its footer.",
		Examples:    []engine.Example{{Title: "Stop a transcript", Code: "Stop-Transcript"}},
		Outputs:     []string{"System.String"},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			path, err := c.Runtime().StopTranscript()
			if errors.Is(err, engine.ErrNotTranscribing) {
				return engine.NewError("InvalidOperation", "InvalidOperation", nil,
					"An error occurred stopping transcription: The host is not currently transcribing.").
					WithException("System.Management.Automation.PSInvalidOperationException")
			}
			if err != nil {
				return engine.NewError("InvalidOperation", "InvalidOperation", nil,
					"An error occurred stopping transcription: %s", err.Error()).
					WithException("System.Management.Automation.PSInvalidOperationException")
			}
			return c.WriteObject("Transcript stopped, output file is " + path)
		}),
	})
}

// startTranscript is Start-Transcript.
func startTranscript(c *engine.Call, p *startTranscriptParams) error {
	now := time.Now()
	var path string
	switch {
	case p.path.Given(c):
		path = fsUnescape(c.ResolvePath(p.path.Get(c)))
	case p.literalPath.Given(c):
		path = c.ResolvePath(p.literalPath.Get(c))
	default:
		dir := ""
		if p.outputDirectory.Given(c) {
			dir = c.ResolvePath(p.outputDirectory.Get(c))
		} else if home, ok := c.Runtime().GetVariable("HOME"); ok {
			dir = value.ToString(home)
		}
		host, _ := os.Hostname()
		path = filepath.Join(dir, "PowerShell_transcript."+host+"."+randomName(8)+"."+now.Format("20060102150405")+".txt")
	}
	_, statErr := os.Stat(path)
	exists := statErr == nil
	if exists && p.noClobber.Get(c) && !p.appendTo.Get(c) {
		return engine.NewError("ResourceExists", "NoClobber", path, "File %s already exists and NoClobber was specified.", path).
			WithException("System.UnauthorizedAccessException")
	}
	if ok, err := c.ShouldProcess(path, "Start-Transcript"); err != nil || !ok {
		return err
	}
	flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if p.appendTo.Get(c) {
		flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return transcriptError(err)
	}
	w, err := c.OpenFile(path, flag, 0o600)
	if err != nil {
		return transcriptError(err)
	}
	if _, err := io.WriteString(w, transcriptHeader(c, now, p.useMinimalHeader.Get(c))); err != nil {
		w.Close()
		return transcriptError(err)
	}
	c.Runtime().StartTranscript(path, w, p.includeInvocationHeader.Get(c))
	return c.WriteObject("Transcript started, output file is " + path)
}

// transcriptError is pwsh's error when the transcript file cannot be
// written.
func transcriptError(err error) error {
	msg := err.Error()
	var pe *os.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
		if errors.Is(err, os.ErrPermission) {
			msg = "Access to the path '" + pe.Path + "' is denied."
		}
	}
	return engine.NewError("InvalidOperation", "CannotStartTranscription", nil, "Transcription cannot be started due to the error: %s", msg).
		WithException("System.Management.Automation.PSInvalidOperationException")
}

// transcriptHeader is the header pwsh writes at the top of a transcript:
// the start time and, unless minimal, who, where and which PowerShell.
func transcriptHeader(c *engine.Call, now time.Time, minimal bool) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line(transcriptRule)
	line("PowerShell transcript start")
	line("Start time: " + now.Format("20060102150405"))
	if !minimal {
		name := ""
		if u, err := user.Current(); err == nil {
			name = u.Username
		}
		host, _ := os.Hostname()
		line("Username: " + name)
		line("RunAs User: " + name)
		line("Configuration Name: ")
		line("Machine: " + host + " (Unix)")
		exe, _ := os.Executable()
		line("Host Application: " + exe)
		line("Process ID: " + value.ToString(int32(os.Getpid())))
		if v, ok := c.Runtime().GetVariable("PSVersionTable"); ok {
			if t, ok := v.(*value.Hashtable); ok {
				for _, k := range []string{"PSVersion", "PSEdition", "GitCommitId", "OS", "Platform", "PSCompatibleVersions",
					"PSRemotingProtocolVersion", "SerializationVersion", "WSManStackVersion"} {
					val, _ := t.Get(k)
					text := value.ToString(val)
					if items, ok := val.([]any); ok {
						parts := make([]string, len(items))
						for i, it := range items {
							parts[i] = value.ToString(it)
						}
						text = strings.Join(parts, ", ")
					}
					line(k + ": " + text)
				}
			}
		}
	}
	line(transcriptRule)
	return b.String()
}

// randomName is pwsh's random part of a transcript's file name: letters
// and digits.
func randomName(n int) string {
	const chars = "abcdefghijklmnopqrstuvwxyz0123456789"
	buf := make([]byte, n)
	rand.Read(buf)
	for i := range buf {
		buf[i] = chars[int(buf[i])%len(chars)]
	}
	return string(buf)
}
