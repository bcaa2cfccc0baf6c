package engine

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The providers of a session, by the names Get-PSProvider shows.
const (
	FileSystemProvider  = "FileSystem"
	AliasProvider       = "Alias"
	EnvironmentProvider = "Environment"
	FunctionProvider    = "Function"
	VariableProvider    = "Variable"
)

// providerNames lists the providers in Get-PSProvider's order.
var providerNames = []string{AliasProvider, EnvironmentProvider, FileSystemProvider, FunctionProvider, VariableProvider}

// ProviderQualifiedName is a provider's module-qualified name, the prefix
// of provider-qualified paths (Microsoft.PowerShell.Core\FileSystem::/tmp).
func ProviderQualifiedName(provider string) string {
	return "Microsoft.PowerShell.Core\\" + provider
}

// Drive is a PowerShell drive (PSDriveInfo): a name, its provider and, for
// a file-system drive, the directory it maps to.
type Drive struct {
	Name        string
	Provider    string
	Root        string
	Description string
}

// defaultDrives are the drives pwsh 7 has on Linux.
func defaultDrives() []*Drive {
	return []*Drive{
		{Name: "/", Provider: FileSystemProvider, Root: "/", Description: ""},
		{Name: "Alias", Provider: AliasProvider, Description: "Drive containing a view of the aliases stored in session state."},
		{Name: "Env", Provider: EnvironmentProvider, Description: "Drive containing a view of the environment variables for the process."},
		{Name: "Function", Provider: FunctionProvider, Description: "Drive containing a view of the functions stored in session state."},
		{Name: "Temp", Provider: FileSystemProvider, Root: strings.TrimSuffix(filepath.Clean(os.TempDir()), "/") + "/", Description: "Drive that maps to the temporary directory path for the current user"},
		{Name: "Variable", Provider: VariableProvider, Description: "Drive containing a view of those variables stored in session state."},
	}
}

// Drives returns the session's drives sorted by name.
func (rt *Runtime) Drives() []*Drive {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	rt.initDrivesLocked()
	out := append([]*Drive(nil), rt.drives...)
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

func (rt *Runtime) initDrivesLocked() {
	if rt.drives == nil {
		rt.drives = defaultDrives()
	}
}

// Drive finds a drive by name (case-insensitive).
func (rt *Runtime) Drive(name string) (*Drive, bool) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	rt.initDrivesLocked()
	for _, d := range rt.drives {
		if strings.EqualFold(d.Name, name) {
			return d, true
		}
	}
	return nil, false
}

// NewDrive adds a drive; it fails with pwsh's DriveAlreadyExists error when
// one of that name exists.
func (rt *Runtime) NewDrive(d *Drive) error {
	if _, ok := rt.Drive(d.Name); ok {
		return NewError("ResourceExists", "DriveAlreadyExists", d.Name, "A drive with the name '%s' already exists.", d.Name).
			WithException("System.Management.Automation.SessionStateException")
	}
	rt.mu.Lock()
	defer rt.mu.Unlock()
	rt.drives = append(rt.drives, d)
	return nil
}

// RemoveDrive removes a drive by name; false when there is none.
func (rt *Runtime) RemoveDrive(name string) bool {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	rt.initDrivesLocked()
	for i, d := range rt.drives {
		if strings.EqualFold(d.Name, name) {
			rt.drives = append(rt.drives[:i:i], rt.drives[i+1:]...)
			return true
		}
	}
	return false
}

// DriveNotFoundError is pwsh's error for a path on a drive that does not
// exist (C:\Temp on Linux).
func DriveNotFoundError(name string) *ErrorRecord {
	return NewError("ObjectNotFound", "DriveNotFound", name, "Cannot find drive. A drive with the name '%s' does not exist.", name).
		WithException("System.Management.Automation.DriveNotFoundException")
}

// ProviderNotFoundError is pwsh's error for a provider-qualified path
// whose provider does not exist.
func ProviderNotFoundError(name string) *ErrorRecord {
	return NewError("ObjectNotFound", "ProviderNotFound", name, "Cannot find a provider with the name '%s'.", name).
		WithException("System.Management.Automation.ProviderNotFoundException")
}

// ItemPath is a path resolved to its provider: for the file system the
// absolute path, for the other providers the item's name ("" for the
// drive itself).
type ItemPath struct {
	Provider string
	Drive    string // "" for a provider-qualified path
	Path     string
}

// IsFileSystem reports whether the path is a file-system path.
func (p ItemPath) IsFileSystem() bool { return p.Provider == FileSystemProvider }

// driveQualifier splits "name:rest" when name can be a drive name (no
// path separator before the colon); ok is false otherwise.
func driveQualifier(p string) (name, rest string, ok bool) {
	i := strings.IndexByte(p, ':')
	if i <= 0 || strings.ContainsAny(p[:i], `/\`) {
		return "", "", false
	}
	return p[:i], p[i+1:], true
}

// ResolveItemPath resolves a path as pwsh's session state does: a
// provider-qualified path (FileSystem::/tmp,
// Microsoft.PowerShell.Core\Variable::x), a drive-qualified path (Temp:/x,
// env:HOME, function:f), or a file-system path relative to the current
// location. A drive or provider that does not exist is an error.
func (rt *Runtime) ResolveItemPath(p string) (ItemPath, error) {
	if i := strings.Index(p, "::"); i > 0 && !strings.ContainsAny(p[:i], "/") {
		prov := p[:i]
		if j := strings.LastIndexByte(prov, '\\'); j >= 0 {
			prov = prov[j+1:]
		}
		for _, name := range providerNames {
			if strings.EqualFold(name, prov) {
				rest := p[i+2:]
				if name == FileSystemProvider {
					return ItemPath{Provider: name, Path: rt.fsPath(rest)}, nil
				}
				return ItemPath{Provider: name, Path: strings.TrimLeft(rest, `/\`)}, nil
			}
		}
		return ItemPath{}, ProviderNotFoundError(prov)
	}
	if name, rest, ok := driveQualifier(p); ok {
		d, found := rt.Drive(name)
		if !found {
			return ItemPath{}, DriveNotFoundError(name)
		}
		if d.Provider != FileSystemProvider {
			return ItemPath{Provider: d.Provider, Drive: d.Name, Path: strings.TrimLeft(rest, `/\`)}, nil
		}
		rest = strings.TrimLeft(strings.ReplaceAll(rest, `\`, "/"), "/")
		return ItemPath{Provider: FileSystemProvider, Drive: d.Name, Path: filepath.Clean(filepath.Join(d.Root, rest))}, nil
	}
	return ItemPath{Provider: FileSystemProvider, Path: rt.fsPath(p)}, nil
}

// fsPath makes a file-system path absolute: backslashes as slashes, ~ as
// the home directory, relative to the current location.
func (rt *Runtime) fsPath(p string) string {
	if p == "" {
		return rt.location
	}
	if filepath.Separator == '/' {
		p = strings.ReplaceAll(p, `\`, "/")
	}
	if p == "~" || strings.HasPrefix(p, "~/") {
		home, _ := os.UserHomeDir()
		p = filepath.Join(home, strings.TrimPrefix(p, "~"))
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(rt.location, p)
	}
	return filepath.Clean(p)
}

// ResolveItemPath resolves a path argument to its provider; see
// Runtime.ResolveItemPath.
func (c *Call) ResolveItemPath(p string) (ItemPath, error) { return c.rt.ResolveItemPath(p) }
