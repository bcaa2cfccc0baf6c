package powershell

import (
	"os"
	"strings"
	"syscall"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// psDriveType is the type name of Get-PSDrive's output.
const psDriveType = "System.Management.Automation.PSDriveInfo"

// registerDriveCmdlets adds Get-, New- and Remove-PSDrive, Get-PSProvider
// and Convert-Path.
func registerDriveCmdlets(rt *engine.Runtime) {
	name := func(mandatory bool, help string) *engine.ParamInfo {
		return &engine.ParamInfo{Name: "Name", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: mandatory, FromPipelineByName: true}}, Help: help}
	}
	scope := func() engine.Param[string] {
		return engine.Declare[string](engine.NamedParam("Scope", "String", "Specifies the scope of the drive: Global, Local, Script, or a number; csshell keeps one set of drives per session."))
	}
	provider := func(help string) engine.Param[[]string] {
		return engine.Declare[[]string](&engine.ParamInfo{Name: "PSProvider", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: help})
	}
	getName, getProv, getScope := engine.Declare[[]string](name(false, "Specifies the names of the drives (wildcards allowed).")), provider("Specifies the providers whose drives to get."), scope()
	rt.Register(&engine.Cmdlet{
		Name: "Get-PSDrive", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Gets drives in the current session.",
		Description: "The Get-PSDrive cmdlet gets the drives in the current session: the file-system root (/), Temp, and the Alias, Env, Function and Variable drives, with the drives New-PSDrive added.",
		Params:      []*engine.ParamInfo{getName.Info(), getProv.Info(), getScope.Info()},
		Outputs:     []string{psDriveType},
		Examples:    []engine.Example{{Title: "Get the drives", Code: "Get-PSDrive"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return getPSDrive(c, getName.Get(c), getProv.Get(c))
		}),
	})
	rt.SetAliases("Get-PSDrive", "gdr")
	newName := engine.Declare[string](&engine.ParamInfo{Name: "Name", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the name of the new drive."})
	newProv := engine.Declare[string](&engine.ParamInfo{Name: "PSProvider", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the provider of the drive; csshell makes FileSystem drives."})
	newRoot := engine.Declare[string](&engine.ParamInfo{Name: "Root", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 2, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the directory the drive maps to."})
	newDesc := engine.Declare[string](engine.NamedParam("Description", "String", "Specifies a description of the drive."))
	newScope := scope()
	rt.Register(&engine.Cmdlet{
		Name: "New-PSDrive", Module: "Microsoft.PowerShell.Management",
		Synopsis:              "Creates temporary drives that are associated with a location in an item data store.",
		Description:           "The New-PSDrive cmdlet creates a drive mapped to a directory of the file system; paths such as Name:/file then work in every path-taking cmdlet.",
		SupportsShouldProcess: true,
		Params:                []*engine.ParamInfo{newName.Info(), newProv.Info(), newRoot.Info(), newDesc.Info(), newScope.Info()},
		Outputs:               []string{psDriveType},
		Examples:              []engine.Example{{Title: "Map a drive to a directory", Code: "New-PSDrive -Name Data -PSProvider FileSystem -Root ./data"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return newPSDrive(c, newName.Get(c), newProv.Get(c), newRoot.Get(c), newDesc.Get(c))
		}),
	})
	rt.SetAliases("New-PSDrive", "ndr", "mount")
	rmName, rmProv, rmScope := engine.Declare[[]string](name(true, "Specifies the names of the drives to remove.")), provider("Specifies the providers whose drives to remove."), scope()
	rmForce := engine.Declare[bool](engine.NamedParam("Force", "SwitchParameter", "Removes the drive even when it is in use."))
	rt.Register(&engine.Cmdlet{
		Name: "Remove-PSDrive", Module: "Microsoft.PowerShell.Management",
		Synopsis:              "Deletes temporary PowerShell drives.",
		Description:           "The Remove-PSDrive cmdlet deletes drives that were added with New-PSDrive; the files they map to stay.",
		SupportsShouldProcess: true,
		Params:                []*engine.ParamInfo{rmName.Info(), rmProv.Info(), rmScope.Info(), rmForce.Info()},
		Examples:              []engine.Example{{Title: "Remove a drive", Code: "Remove-PSDrive -Name Data"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return removePSDrive(c, rmName.Get(c))
		}),
	})
	rt.SetAliases("Remove-PSDrive", "rdr")
	provName := engine.Declare[[]string](&engine.ParamInfo{Name: "PSProvider", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}}, Help: "Specifies the names of the providers (wildcards allowed)."})
	rt.Register(&engine.Cmdlet{
		Name: "Get-PSProvider", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Gets information about the specified PowerShell provider.",
		Description: "The Get-PSProvider cmdlet gets the providers of the session: Alias, Environment, FileSystem, Function and Variable.",
		Params:      []*engine.ParamInfo{provName.Info()},
		Outputs:     []string{"System.Management.Automation.ProviderInfo"},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			for _, p := range []string{engine.AliasProvider, engine.EnvironmentProvider, engine.FileSystemProvider, engine.FunctionProvider, engine.VariableProvider} {
				if pats := provName.Get(c); len(pats) > 0 && !value.LikeAny(p, pats) {
					continue
				}
				if err := c.WriteObject(providerInfo(c.Runtime(), p)); err != nil {
					return err
				}
			}
			return nil
		}),
	})
	cvPath := engine.Declare[[]string](&engine.ParamInfo{Name: "Path", Type: "String[]", Sets: []engine.ParamSet{{Name: "Path", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the PowerShell path to convert."})
	cvLiteral := engine.Declare[[]string](&engine.ParamInfo{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath", "LP"}, Sets: []engine.ParamSet{{Name: "LiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the path to convert, used exactly as typed."})
	rt.Register(&engine.Cmdlet{
		Name: "Convert-Path", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Converts a path from a PowerShell path to a PowerShell provider path.",
		Description: "The Convert-Path cmdlet converts a path from a PowerShell path (Temp:/x, FileSystem::/x, a relative path, wildcards) to the file-system path it names; the item must exist.",
		DefaultSet:  "Path",
		Params:      []*engine.ParamInfo{cvPath.Info(), cvLiteral.Info()},
		Outputs:     []string{"System.String"},
		Examples:    []engine.Example{{Title: "Convert a drive path", Code: "Convert-Path Temp:/"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			raws, literal := cvPath.Get(c), false
			if cvLiteral.Given(c) {
				raws, literal = cvLiteral.Get(c), true
			}
			return convertPath(c, raws, literal)
		}),
	})
	rt.SetAliases("Convert-Path", "cvpa")
	rt.Formats.Register(format.View{TypeName: psDriveType, Kind: format.TableView,
		Columns: []format.Column{
			{Label: "Name", Property: "Name", Width: 14, Align: format.AlignLeft},
			{Label: "Used (GB)", Width: 9, Align: format.AlignRight, Value: func(item any) (any, error) { return driveGB(item, "Used") }},
			{Label: "Free (GB)", Width: 13, Align: format.AlignRight, Value: func(item any) (any, error) { return driveGB(item, "Free") }},
			{Label: "Provider", Width: 13, Align: format.AlignLeft, Value: func(item any) (any, error) {
				p, _ := value.GetMember(item, "Provider")
				n, _ := value.GetMember(p, "Name")
				return n, nil
			}},
			{Label: "Root", Property: "Root", Align: format.AlignLeft},
		}})
}

// driveGB shows a drive's Used or Free bytes in GB with two decimals, or
// nothing for drives without storage.
func driveGB(item any, prop string) (any, error) {
	v, _ := value.GetMember(item, prop)
	n, ok := v.(int64)
	if !ok {
		return "", nil
	}
	return value.Format("{0:0.00}", []any{float64(n) / (1 << 30)})
}

// providerInfo is the ProviderInfo object of a provider: prints as its
// name, with Name, ModuleName and Drives.
func providerInfo(rt *engine.Runtime, name string) *value.Object {
	o := value.NewObject("System.Management.Automation.ProviderInfo", "System.Object")
	o.Set("Name", name)
	o.Set("ModuleName", "Microsoft.PowerShell.Core")
	var drives []any
	if rt != nil {
		for _, d := range rt.Drives() {
			if d.Provider == name {
				drives = append(drives, d.Name)
			}
		}
	}
	o.Set("Drives", drives)
	o.Base = fsText(engine.ProviderQualifiedName(name))
	o.Stringer = func(*value.Object) string { return engine.ProviderQualifiedName(name) }
	return o
}

// driveObject is the PSDriveInfo of a drive.
func driveObject(rt *engine.Runtime, d *engine.Drive) *value.Object {
	o := value.NewObject(psDriveType, "System.Object")
	o.Set("Name", d.Name)
	o.Set("Provider", providerInfo(rt, d.Provider))
	o.Set("Root", d.Root)
	o.Set("Description", d.Description)
	o.Set("CurrentLocation", "")
	if d.Provider == engine.FileSystemProvider && rt != nil {
		var st syscall.Statfs_t
		if err := syscall.Statfs(d.Root, &st); err == nil {
			bs := int64(st.Bsize)
			o.Set("Used", int64(st.Blocks-st.Bfree)*bs)
			o.Set("Free", int64(st.Bavail)*bs)
		}
		if d.Name == "/" {
			o.Set("CurrentLocation", strings.TrimPrefix(rt.Location(), "/"))
		}
	}
	o.Base = fsText(d.Name)
	o.Stringer = func(*value.Object) string { return d.Name }
	return o
}

// driveNotFound is Get-PSDrive's error for a name that matches no drive.
func driveNotFound(name, id string) *engine.ErrorRecord {
	rec := engine.DriveNotFoundError(name)
	rec.ErrorID = id
	return rec
}

// getPSDrive is Get-PSDrive.
func getPSDrive(c *engine.Call, names, providers []string) error {
	drives := c.Runtime().Drives()
	want := func(d *engine.Drive) bool {
		return len(providers) == 0 || value.LikeAny(d.Provider, providers)
	}
	if len(names) == 0 {
		for _, d := range drives {
			if want(d) {
				if err := c.WriteObject(driveObject(c.Runtime(), d)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, n := range names {
		found := false
		for _, d := range drives {
			if want(d) && value.Like(d.Name, n, false) {
				found = true
				if err := c.WriteObject(driveObject(c.Runtime(), d)); err != nil {
					return err
				}
			}
		}
		if !found && !value.HasWildcard(n) {
			if err := c.WriteError(driveNotFound(n, "GetLocationNoMatchingDrive")); err != nil {
				return err
			}
		}
	}
	return nil
}

// newPSDrive is New-PSDrive (file-system drives).
func newPSDrive(c *engine.Call, name, provider, root, desc string) error {
	prov := provider
	if i := strings.LastIndexByte(prov, '\\'); i >= 0 {
		prov = prov[i+1:]
	}
	if !strings.EqualFold(prov, engine.FileSystemProvider) {
		known := false
		for _, p := range []string{engine.AliasProvider, engine.EnvironmentProvider, engine.FunctionProvider, engine.VariableProvider} {
			known = known || strings.EqualFold(p, prov)
		}
		if !known {
			return c.WriteError(engine.ProviderNotFoundError(provider))
		}
		return c.WriteError(engine.NewError("NotImplemented", "NotSupported", name, "csshell makes only FileSystem drives.").
			WithException("System.Management.Automation.PSNotSupportedException"))
	}
	if strings.ContainsAny(name, `:/\`) || name == "" {
		return c.WriteError(engine.NewError("InvalidArgument", "DriveNameIllegalCharacters", name, "The drive name contains one or more of the following characters that are not valid: :/\\.").
			WithException("System.Management.Automation.PSArgumentException"))
	}
	dir, err := fsResolve(c, root)
	if err != nil {
		return c.WriteError(engine.AsRecord(err))
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return c.WriteError(engine.NewError("ReadError", "DriveRootError", root, "The specified drive root \"%s\" either does not exist, or it is not a folder.", dir).
			WithException("System.IO.IOException"))
	}
	if ok, err := c.ShouldProcess("Name: "+name+" Provider: "+engine.ProviderQualifiedName(engine.FileSystemProvider)+" Root: "+dir, "New drive"); err != nil || !ok {
		return err
	}
	d := &engine.Drive{Name: name, Provider: engine.FileSystemProvider, Root: dir, Description: desc}
	if err := c.Runtime().NewDrive(d); err != nil {
		return c.WriteError(engine.AsRecord(err))
	}
	return c.WriteObject(driveObject(c.Runtime(), d))
}

// removePSDrive is Remove-PSDrive.
func removePSDrive(c *engine.Call, names []string) error {
	rt := c.Runtime()
	for _, n := range names {
		var matched []*engine.Drive
		for _, d := range rt.Drives() {
			if value.Like(d.Name, n, false) {
				matched = append(matched, d)
			}
		}
		if len(matched) == 0 && !value.HasWildcard(n) {
			if err := c.WriteError(driveNotFound(n, "DriveNotFound")); err != nil {
				return err
			}
			continue
		}
		for _, d := range matched {
			if ok, err := c.ShouldProcess(d.Name, "Remove Drive"); err != nil {
				return err
			} else if !ok {
				continue
			}
			rt.RemoveDrive(d.Name)
		}
	}
	return nil
}

// convertPath is Convert-Path: each existing item a path names, as a
// file-system path; a missing one is PathNotFound.
func convertPath(c *engine.Call, raws []string, literal bool) error {
	for _, raw := range raws {
		paths, wild, err := fsExpandPath(c, raw, literal)
		if err != nil {
			if err := c.WriteError(engine.AsRecord(err)); err != nil {
				return err
			}
			continue
		}
		found := false
		for _, p := range paths {
			if _, err := os.Lstat(p); err != nil {
				continue
			}
			found = true
			if err := c.WriteObject(p); err != nil {
				return err
			}
		}
		if !found && !wild {
			if err := c.WriteError(engine.PathNotFoundError(raw)); err != nil {
				return err
			}
		}
	}
	return nil
}
