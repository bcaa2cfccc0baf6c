package powershell

import (
	"os"
	"sync"

	"github.com/csshell/csshell/engine"
)

// locationState is a runtime's location stack and Set-Location history.
type locationState struct {
	stack   []string
	back    []string
	forward []string
}

var (
	locationMu     sync.Mutex
	locationStates = map[*engine.Runtime]*locationState{}
)

// locationsOf returns the location state of rt, creating it.
func locationsOf(rt *engine.Runtime) *locationState {
	s, ok := locationStates[rt]
	if !ok {
		s = &locationState{}
		locationStates[rt] = s
	}
	return s
}

// locationPaths are the -Path, -LiteralPath and -PassThru of Set-Location
// and Push-Location.
type locationPaths struct {
	path, literalPath engine.Param[string]
	passThru          engine.Param[bool]
}

func newLocationPaths() locationPaths {
	return locationPaths{
		path:        engine.Declare[string](&engine.ParamInfo{Name: "Path", Type: "String", Sets: []engine.ParamSet{{Name: "Path", Position: 0, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the path of a new working location."}),
		literalPath: engine.Declare[string](&engine.ParamInfo{Name: "LiteralPath", Type: "String", Aliases: []string{"PSPath", "LP"}, Sets: []engine.ParamSet{{Name: "LiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies a path of the location, used exactly as typed."}),
		passThru:    engine.Declare[bool](&engine.ParamInfo{Name: "PassThru", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Returns a PathInfo object that represents the location."}),
	}
}

// infos is the declaration list, in the module's order.
func (p locationPaths) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.path.Info(), p.literalPath.Info(), p.passThru.Info()}
}

// registerLocationCmdlets adds Get-Location, Set-Location, Push-Location
// and Pop-Location.
func registerLocationCmdlets(rt *engine.Runtime) {
	showStack := engine.Declare[bool](&engine.ParamInfo{Name: "Stack", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "Stack", Position: -1}}, Help: "Indicates that this cmdlet displays the locations added to the current location stack."})
	rt.Register(&engine.Cmdlet{
		Name: "Get-Location", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Gets information about the current working location or a location stack.",
		Description: "The Get-Location cmdlet gets an object that represents the current directory, much like the print working directory (pwd) command.",
		DefaultSet:  "Location",
		Params: []*engine.ParamInfo{
			{Name: "PSProvider", Type: "String[]", Sets: []engine.ParamSet{{Name: "Location", Position: -1}}, Help: "Gets the current location in the specified PowerShell provider."},
			{Name: "PSDrive", Type: "String[]", Sets: []engine.ParamSet{{Name: "Location", Position: -1}}, Help: "Gets the current location in the specified PowerShell drive."},
			showStack.Info(),
			{Name: "StackName", Type: "String[]", Sets: []engine.ParamSet{{Name: "Stack", Position: -1}}, Help: "Specifies, as a string array, the named location stacks."},
		},
		Outputs:    []string{"System.Management.Automation.PathInfo"},
		OutputType: pathInfoOutput,
		Examples:   []engine.Example{{Title: "Display your current location", Code: "Get-Location", Remarks: "Shows the current directory."}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			if showStack.Get(c) {
				locationMu.Lock()
				stack := append([]string(nil), locationsOf(c.Runtime()).stack...)
				locationMu.Unlock()
				for i := len(stack) - 1; i >= 0; i-- {
					if err := c.WriteObject(fsPathInfo(stack[i])); err != nil {
						return err
					}
				}
				return nil
			}
			return c.WriteObject(fsPathInfo(c.Runtime().Location()))
		}),
	})
	rt.SetAliases("Get-Location", "gl", "pwd")
	set := newLocationPaths()
	rt.Register(&engine.Cmdlet{
		Name: "Set-Location", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Sets the current working location to a specified location.",
		Description: "The Set-Location cmdlet sets the working location to a specified location. That location could be a directory, a subdirectory, a registry location, or any provider path. `Set-Location -` goes back to the previous location and `Set-Location +` forward again.",
		DefaultSet:  "Path",
		Params: append(set.infos(),
			&engine.ParamInfo{Name: "StackName", Type: "String", Sets: []engine.ParamSet{{Name: "Stack", Position: -1, FromPipelineByName: true}}, Help: "Specifies an existing location stack name that this cmdlet makes the current location stack."}),
		Outputs:  []string{"System.Management.Automation.PathInfo"},
		Examples: []engine.Example{{Title: "Go to the parent directory", Code: "Set-Location ..", Remarks: ""}},
		New:      engine.ProcessOnly(func(c *engine.Call) error { return setLocation(c, set) }),
	})
	push := newLocationPaths()
	rt.SetAliases("Set-Location", "cd", "sl", "chdir")
	rt.Register(&engine.Cmdlet{
		Name: "Push-Location", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Adds the current location to the top of a location stack.",
		Description: "The Push-Location cmdlet adds (pushes) the current location onto a location stack. If you specify a path, Push-Location pushes the current location onto a location stack and then changes the current location to the location specified by the path.",
		DefaultSet:  "Path",
		Params: append(push.infos(),
			&engine.ParamInfo{Name: "StackName", Type: "String", Sets: outSetsAll(), Help: "Specifies the location stack to which the current location is added."}),
		New: engine.ProcessOnly(func(c *engine.Call) error {
			rt := c.Runtime()
			cur := rt.Location()
			if push.path.Given(c) || push.literalPath.Given(c) {
				target, err := locationTarget(c, push)
				if err != nil {
					return err
				}
				if target == "" {
					return nil
				}
				rt.SetLocation(target)
			}
			locationMu.Lock()
			s := locationsOf(rt)
			s.stack = append(s.stack, cur)
			locationMu.Unlock()
			if push.passThru.Get(c) {
				return c.WriteObject(fsPathInfo(rt.Location()))
			}
			return nil
		}),
	})
	rt.SetAliases("Push-Location", "pushd")
	popPassThru := engine.Declare[bool](&engine.ParamInfo{Name: "PassThru", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Passes an object that represents the location to the pipeline."})
	rt.Register(&engine.Cmdlet{
		Name: "Pop-Location", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Changes the current location to the location most recently pushed onto the stack.",
		Description: "The Pop-Location cmdlet changes the current location to the location most recently pushed onto the stack by using the Push-Location cmdlet.",
		Params: []*engine.ParamInfo{
			popPassThru.Info(),
			{Name: "StackName", Type: "String", Sets: outSetsAll(), Help: "Specifies the location stack from which the location is popped."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			rt := c.Runtime()
			locationMu.Lock()
			s := locationsOf(rt)
			if len(s.stack) == 0 {
				locationMu.Unlock()
				return nil
			}
			top := s.stack[len(s.stack)-1]
			s.stack = s.stack[:len(s.stack)-1]
			locationMu.Unlock()
			rt.SetLocation(top)
			if popPassThru.Get(c) {
				return c.WriteObject(fsPathInfo(top))
			}
			return nil
		}),
	})
	rt.SetAliases("Pop-Location", "popd")
}

// locationTarget resolves the -Path/-LiteralPath of a location cmdlet to an
// existing directory, or returns pwsh's error.
func locationTarget(c *engine.Call, prm locationPaths) (string, error) {
	raw := prm.path.Get(c)
	literal := false
	if prm.literalPath.Given(c) {
		raw, literal = prm.literalPath.Get(c), true
	}
	if !prm.path.Given(c) && !prm.literalPath.Given(c) || raw == "" {
		home, _ := os.UserHomeDir()
		if h := c.Host().Getenv; h != nil {
			if v := h("HOME"); v != "" {
				home = v
			}
		}
		return home, nil
	}
	paths, _, err := fsExpandPath(c, raw, literal)
	if err != nil {
		return "", err
	}
	if len(paths) == 0 {
		p := c.ResolvePath(raw)
		return "", engine.PathNotFoundError(p)
	}
	p := paths[0]
	st, err := os.Stat(p)
	if err != nil {
		return "", engine.PathNotFoundError(p)
	}
	if !st.IsDir() {
		return "", engine.PathNotFoundError(p)
	}
	return p, nil
}

// setLocation is Set-Location.
func setLocation(c *engine.Call, prm locationPaths) error {
	rt := c.Runtime()
	raw := prm.path.Get(c)
	cur := rt.Location()
	var target string
	switch {
	case prm.path.Given(c) && (raw == "-" || raw == "+"):
		locationMu.Lock()
		s := locationsOf(rt)
		from, to := &s.back, &s.forward
		if raw == "+" {
			from, to = &s.forward, &s.back
		}
		if len(*from) == 0 {
			locationMu.Unlock()
			which := "backward"
			if raw == "+" {
				which = "forward"
			}
			return engine.NewError("InvalidOperation", "InvalidOperation", nil, "There is no location history left to navigate %s.", which).
				WithException("System.InvalidOperationException")
		}
		target = (*from)[len(*from)-1]
		*from = (*from)[:len(*from)-1]
		*to = append(*to, cur)
		locationMu.Unlock()
		rt.SetLocation(target)
	default:
		t, err := locationTarget(c, prm)
		if err != nil {
			return err
		}
		target = t
		rt.SetLocation(target)
		locationMu.Lock()
		s := locationsOf(rt)
		s.back = append(s.back, cur)
		s.forward = nil
		locationMu.Unlock()
	}
	if prm.passThru.Get(c) {
		return c.WriteObject(fsPathInfo(target))
	}
	return nil
}
