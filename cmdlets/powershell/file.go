package powershell

import (
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// registerFileCmdlets adds the file-system cmdlets: content, paths,
// locations and items.
func registerFileCmdlets(rt *engine.Runtime) {
	registerContentCmdlets(rt)
	registerPathCmdlets(rt)
	registerLocationCmdlets(rt)
	registerItemCmdlets(rt)
	registerDriveCmdlets(rt)
	registerItemPropertyCmdlets(rt)
	registerSetItem(rt)
	rt.Formats.Register(format.View{TypeName: "System.Management.Automation.PathInfo", Kind: format.TableView,
		Columns: []format.Column{{Label: "Path", Property: "Path"}}})
	rt.Formats.Register(format.View{TypeName: "System.IO.FileSystemInfo", Kind: format.TableView,
		GroupBy: "DirectoryName", GroupLabel: " Directory",
		Columns: []format.Column{
			{Label: "UnixMode", Property: "UnixMode", Width: 10, Align: format.AlignLeft},
			{Label: "User", Property: "User", Width: 10, Align: format.AlignLeft},
			{Label: "Group", Property: "Group", Width: 10, Align: format.AlignLeft},
			{Label: "LastWriteTime", Width: 16, Align: format.AlignRight, Value: func(item any) (any, error) {
				v, _ := value.GetMember(item, "LastWriteTime")
				if t, ok := v.(interface{ IsZero() bool }); ok && !t.IsZero() {
					return value.Format("{0:d} {0:HH}:{0:mm}", []any{v})
				}
				return "", nil
			}},
			{Label: "Size", Property: "Size", Width: 12, Align: format.AlignRight},
			{Label: "Name", Property: "Name", Align: format.AlignLeft},
		}})
}

// fsText is a path that prints as itself: the base of PathInfo objects, so
// "$(Get-Location)" and [string] conversions give the path while the object
// still formats as a table.
type fsText string

// ScriptText returns the path (value.ToString uses it).
func (t fsText) ScriptText() string { return string(t) }

// String returns the path.
func (t fsText) String() string { return string(t) }

// fsExpand resolves a -Path argument to absolute paths: without wildcards
// (or when literal) the one path, existing or not; with wildcards the
// existing items that match, sorted (none is not an error).
//
// A path on a drive that does not exist (C:\Temp on Linux), of a provider
// that does not exist, or of a provider other than the file system is an
// error.
func fsExpandPath(c *engine.Call, raw string, literal bool) (paths []string, wildcard bool, err error) {
	ip, err := c.ResolveItemPath(raw)
	if err != nil {
		return nil, false, err
	}
	if !ip.IsFileSystem() {
		return nil, false, notFileSystemError(raw, ip.Provider)
	}
	abs := ip.Path
	if literal || !value.HasWildcard(raw) {
		if literal {
			return []string{abs}, false, nil
		}
		return []string{fsUnescape(abs)}, false, nil
	}
	return fsGlob(abs), true, nil
}

// fsExpand is fsExpandPath for callers that report no resolution error:
// a path it cannot resolve expands to nothing.
func fsExpand(c *engine.Call, raw string, literal bool) (paths []string, wildcard bool) {
	paths, wildcard, err := fsExpandPath(c, raw, literal)
	if err != nil {
		return nil, true
	}
	return paths, wildcard
}

// fsResolve resolves a path argument that names one file-system item
// (existing or not), with fsExpand's errors.
func fsResolve(c *engine.Call, raw string) (string, error) {
	ip, err := c.ResolveItemPath(raw)
	if err != nil {
		return "", err
	}
	if !ip.IsFileSystem() {
		return "", notFileSystemError(raw, ip.Provider)
	}
	return ip.Path, nil
}

// notFileSystemError is pwsh's error for a file-system cmdlet given a
// path of another provider (Out-File variable:x).
func notFileSystemError(raw, provider string) *engine.ErrorRecord {
	return engine.NewError("InvalidArgument", "ReadWriteFileNotFileSystemProvider", raw,
		"Cannot open file because the current provider (%s) cannot open a file.", engine.ProviderQualifiedName(provider)).
		WithException("System.Management.Automation.PSInvalidOperationException")
}

// fsUnescape removes the backtick escapes of wildcard characters.
func fsUnescape(p string) string {
	if !strings.Contains(p, "`") {
		return p
	}
	var b strings.Builder
	esc := false
	for _, r := range p {
		if !esc && r == '`' {
			esc = true
			continue
		}
		esc = false
		b.WriteRune(r)
	}
	return b.String()
}

// fsGlob expands PowerShell wildcards in an absolute path, one component at
// a time, matching names case-insensitively. Hidden (dot) files match only
// patterns starting with a dot.
func fsGlob(abs string) []string {
	parts := strings.Split(filepath.ToSlash(abs), "/")
	cur := []string{"/"}
	for _, part := range parts {
		if part == "" {
			continue
		}
		var next []string
		for _, dir := range cur {
			if !value.HasWildcard(part) {
				p := filepath.Join(dir, fsUnescape(part))
				if _, err := os.Lstat(p); err == nil {
					next = append(next, p)
				}
				continue
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				continue
			}
			for _, e := range entries {
				name := e.Name()
				if strings.HasPrefix(name, ".") && !strings.HasPrefix(part, ".") {
					continue
				}
				if value.Like(name, part, false) {
					next = append(next, filepath.Join(dir, name))
				}
			}
		}
		cur = next
		if len(cur) == 0 {
			return nil
		}
	}
	sort.Slice(cur, func(i, j int) bool { return strings.ToLower(cur[i]) < strings.ToLower(cur[j]) })
	return cur
}

// fsPathInfo makes a System.Management.Automation.PathInfo object.
func fsPathInfo(path string) *value.Object {
	o := value.NewObject("System.Management.Automation.PathInfo", "System.Object")
	o.Set("Drive", "/")
	o.Set("Provider", "Microsoft.PowerShell.Core\\FileSystem")
	o.Set("ProviderPath", path)
	o.Set("Path", path)
	o.Base = fsText(path)
	return o
}

// fsRootDrive and fsProvider are the PSDrive and PSProvider of every
// file-system item: the / drive of the FileSystem provider.
var (
	fsProvider  = providerInfo(nil, engine.FileSystemProvider)
	fsRootDrive = driveObject(nil, &engine.Drive{Name: "/", Provider: engine.FileSystemProvider, Root: "/"})
)

// fsUserNames caches uid/gid → name lookups.
var fsUserNames sync.Map

// fsOwner returns the user and group names of an item.
func fsOwner(info fs.FileInfo) (string, string) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return "", ""
	}
	uid, gid := strconv.FormatUint(uint64(st.Uid), 10), strconv.FormatUint(uint64(st.Gid), 10)
	name := func(key, id string, look func(string) (string, error)) string {
		if v, ok := fsUserNames.Load(key); ok {
			return v.(string)
		}
		n, err := look(id)
		if err != nil {
			n = id
		}
		fsUserNames.Store(key, n)
		return n
	}
	u := name("u"+uid, uid, func(id string) (string, error) {
		x, err := user.LookupId(id)
		if err != nil {
			return "", err
		}
		return x.Username, nil
	})
	g := name("g"+gid, gid, func(id string) (string, error) {
		x, err := user.LookupGroupId(id)
		if err != nil {
			return "", err
		}
		return x.Name, nil
	})
	return u, g
}

// fsItem describes a file or directory as pwsh's FileInfo/DirectoryInfo.
func fsItem(path string, info fs.FileInfo) *value.Object {
	isDir := info.IsDir()
	name := filepath.Base(path)
	parent := filepath.Dir(path)
	var o *value.Object
	if isDir {
		o = value.NewObject("System.IO.DirectoryInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object")
	} else {
		o = value.NewObject("System.IO.FileInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object")
	}
	// FileSystemInfo.ToString() is the path it was made from, which for the
	// provider's items is the full path (pwsh 6+): Import-Csv (Get-Item x.csv)
	// and "$(Get-ChildItem x)" get the path.
	o.Stringer = func(*value.Object) string { return path }
	mode := []byte("-----")
	var linkType, target any
	if info.Mode()&fs.ModeSymlink != 0 {
		mode[0] = 'l'
		linkType = "SymbolicLink"
		if t, err := os.Readlink(path); err == nil {
			target = t
		}
	} else if isDir {
		mode[0] = 'd'
	}
	if strings.HasPrefix(name, ".") {
		mode[3] = 'h'
	}
	usr, grp := fsOwner(info)
	base := strings.TrimSuffix(name, filepath.Ext(name))
	if isDir {
		base = name
	}
	o.Set("PSPath", "Microsoft.PowerShell.Core\\FileSystem::"+path)
	o.Set("PSParentPath", "Microsoft.PowerShell.Core\\FileSystem::"+parent)
	o.Set("PSChildName", name)
	o.Set("PSDrive", fsRootDrive)
	o.Set("PSProvider", fsProvider)
	o.Set("PSIsContainer", isDir)
	o.Set("Mode", string(mode))
	o.Set("BaseName", base)
	o.Set("Target", target)
	o.Set("LinkType", linkType)
	o.Set("Name", name)
	o.Set("FullName", path)
	if isDir {
		o.Set("Parent", parent)
		o.Set("Root", "/")
	} else {
		o.Set("Length", info.Size())
		o.Set("Directory", parent)
		o.Set("IsReadOnly", info.Mode().Perm()&0o200 == 0)
	}
	o.Set("DirectoryName", parent)
	o.Set("Extension", filepath.Ext(name))
	o.Set("Exists", true)
	o.Set("CreationTime", info.ModTime())
	o.Set("LastAccessTime", fsAccessTime(info))
	o.Set("LastWriteTime", info.ModTime())
	attrs := "Normal"
	if isDir {
		attrs = "Directory"
	}
	if strings.HasPrefix(name, ".") {
		attrs = "Hidden"
		if isDir {
			attrs = "Directory, Hidden"
		}
	}
	o.Set("Attributes", attrs)
	o.Set("UnixMode", fsUnixMode(info))
	o.Set("User", usr)
	o.Set("Group", grp)
	o.Set("Size", info.Size())
	return o
}

// fsAccessTime returns an item's last access time, or its write time.
func fsAccessTime(info fs.FileInfo) any {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return timeFromTimespec(st.Atim.Sec, st.Atim.Nsec)
	}
	return info.ModTime()
}

// fsUnixMode is ls's permission string ("-rw-r--r--").
func fsUnixMode(info fs.FileInfo) string {
	m := info.Mode()
	b := []byte("----------")
	switch {
	case m&fs.ModeDir != 0:
		b[0] = 'd'
	case m&fs.ModeSymlink != 0:
		b[0] = 'l'
	case m&fs.ModeNamedPipe != 0:
		b[0] = 'p'
	case m&fs.ModeSocket != 0:
		b[0] = 's'
	case m&fs.ModeCharDevice != 0:
		b[0] = 'c'
	case m&fs.ModeDevice != 0:
		b[0] = 'b'
	}
	const rwx = "rwxrwxrwx"
	for i := 0; i < 9; i++ {
		if m.Perm()&(1<<uint(8-i)) != 0 {
			b[i+1] = rwx[i]
		}
	}
	return string(b)
}
