package powershell

import (
	"context"
	"errors"
	"io"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// typePSCredential is the type of Get-Credential's output.
const typePSCredential = "System.Management.Automation.PSCredential"

// newPSCredential is a PSCredential: a user name and a SecureString
// password, which shows only as its type name.
func newPSCredential(user, password string) *value.Object {
	o := value.NewObject(typePSCredential, "System.Object")
	o.Set("UserName", user)
	o.Set("Password", value.NewSecureString(password))
	return o
}

// pauseFunction is pwsh's pause, a function of the global scope.
const pauseFunction = "function pause { $null = Read-Host 'Press Enter to continue...' }"

// registerPause defines the pause function.
func registerPause(rt *engine.Runtime) {
	rt.Execute(context.Background(), "<pause>", pauseFunction)
}

// registerGetCredential adds Get-Credential and the view of its output
// (pwsh's: the password column right-aligned).
func registerGetCredential(rt *engine.Runtime) {
	rt.Formats.Register(format.View{TypeName: typePSCredential, Kind: format.TableView, Columns: []format.Column{
		{Label: "UserName", Property: "UserName", Align: format.AlignLeft},
		{Label: "Password", Property: "Password", Align: format.AlignRight},
	}})
	credential := engine.Declare[any](&engine.ParamInfo{Name: "Credential", Type: "PSObject", AllowNull: true,
		Sets: []engine.ParamSet{{Name: "CredentialSet", Position: 0}},
		Help: "Specifies a user name for the credential, such as User01 or Domain01\\User01 (you are then prompted for the password), or a PSCredential, which is returned as it is."})
	message := engine.Declare[string](engine.NamedParamInSets("Message", "String", "Specifies a message that appears in the authentication prompt.", "MessageSet"))
	userName := engine.Declare[string](&engine.ParamInfo{Name: "UserName", Type: "String",
		Sets: []engine.ParamSet{{Name: "MessageSet", Position: 0}},
		Help: "Specifies a user name. The authentication prompt then asks only for the user's password."})
	title := engine.Declare[string](engine.NamedParamInSets("Title", "String", "Sets the title line of the authentication prompt.", "MessageSet"))
	rt.Register(&engine.Cmdlet{
		Name: "Get-Credential", Module: "Microsoft.PowerShell.Security",
		Synopsis: "Gets a credential object based on a user name and password.",
		Description: "The Get-Credential cmdlet creates a credential object for a specified user name and password: it prompts for " +
			"the user name (unless -UserName or -Credential gives it) and for the password, which is read without echo. The " +
			"password is a SecureString: it shows only as System.Security.SecureString and is never recorded in the history or " +
			"a transcript. Connect-MicrosoftTeams -Credential accepts the result.",
		DefaultSet: "CredentialSet",
		Params:     []*engine.ParamInfo{credential.Info(), message.Info(), userName.Info(), title.Info()},
		Examples: []engine.Example{
			{Title: "Get a credential and connect with it", Code: "$cred = Get-Credential\nConnect-MicrosoftTeams -Credential $cred"},
			{Title: "Prompt for the password of a known user", Code: "Get-Credential -UserName admin@contoso.com -Message 'Tenant administrator'"},
		},
		Outputs: []string{typePSCredential},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			if c.Set == "CredentialSet" {
				v := credential.Get(c)
				if o, ok := v.(*value.Object); ok && o.TypeName() == typePSCredential {
					return c.WriteObject(o)
				}
				if v != nil {
					return promptCredential(c, "", "", value.ToString(v))
				}
			}
			caption := title.Or(c, "PowerShell credential request")
			// The default set without -Credential prompts as -Message does.
			msg := message.Or(c, "Enter your credentials.")
			return promptCredential(c, caption, msg, userName.Get(c))
		}),
	})
}

// promptCredential is the console host's PromptForCredential: the caption
// and message, "User: " unless user is known, then "Password for user
// <user>: " without echo.
func promptCredential(c *engine.Call, caption, message, user string) error {
	h := c.Host()
	if h.NonInteractive {
		return engine.NonInteractiveError()
	}
	failed := func(err error) error {
		if c.Context().Err() != nil {
			return engine.ErrPipelineStopped
		}
		return engine.NewError("ReadError", "ReadHostFailed", nil, "%s", err.Error())
	}
	if caption != "" || message != "" {
		h.WriteLine("")
	}
	if caption != "" {
		h.WriteLine(caption)
	}
	if message != "" {
		h.WriteLine(message)
	}
	if user == "" {
		line, err := h.Prompt("User: ")
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return failed(err)
		}
		user = strings.TrimSpace(line)
	}
	if user == "" {
		return c.WriteError(engine.NewError("InvalidOperation", "CouldNotPromptForCredential", nil,
			"Cannot process argument because the value of argument \"userName\" is not valid. Change the value of the \"userName\" argument and run the operation again.").
			WithException("System.Management.Automation.PSArgumentException"))
	}
	read := h.Prompt
	if h.ReadSecret != nil {
		read = h.ReadSecret
	}
	password, err := read("Password for user " + user + ": ")
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return failed(err)
	}
	return c.WriteObject(newPSCredential(user, password))
}
