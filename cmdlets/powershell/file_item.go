package powershell

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerItemCmdlets adds Get-ChildItem, Get-Item, New-Item, Remove-Item,
// Copy-Item, Move-Item and Rename-Item.
func registerItemCmdlets(rt *engine.Runtime) {
	gci := newGciParams()
	rt.Register(&engine.Cmdlet{
		Name: "Get-ChildItem", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Gets the items and child items in one or more specified locations.",
		Description: "The Get-ChildItem cmdlet gets the items in one or more specified locations. If the item is a container, it gets the items inside the container, known as child items. You can use the Recurse parameter to get items in all child containers and use the Depth parameter to limit the number of levels to recurse.",
		DefaultSet:  "Items",
		Params:      gci.infos(),
		Outputs:     []string{"System.IO.FileInfo", "System.IO.DirectoryInfo", "System.String"},
		OutputType:  fsItemOutput,
		Examples:    []engine.Example{{Title: "Get child items in the current directory", Code: "Get-ChildItem -Name", Remarks: "Lists the names of the files and directories."}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { return getChildItem(c, gci) }),
	})
	rt.SetAliases("Get-ChildItem", "gci", "dir")
	gi := newItemPaths(true)
	rt.Register(&engine.Cmdlet{
		Name: "Get-Item", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Gets the item at the specified location.",
		Description: "The Get-Item cmdlet gets the item at the specified location. It doesn't get the contents of the item at the location unless you use a wildcard character (*) to request all the contents of the item.",
		DefaultSet:  "Path",
		Params:      gi.infos(),
		Outputs:     []string{"System.IO.FileInfo", "System.IO.DirectoryInfo"},
		OutputType:  fsItemOutput,
		New:         engine.ProcessOnly(func(c *engine.Call) error { return getItem(c, gi) }),
	})
	rt.SetAliases("Get-Item", "gi")
	ni := newNewItemParams()
	rt.Register(&engine.Cmdlet{
		Name: "New-Item", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Creates a new item.",
		Description: "The New-Item cmdlet creates a new item and sets its value. In the file system, New-Item creates files and directories.",
		DefaultSet:  "pathSet", SupportsShouldProcess: true,
		Params:   ni.infos(),
		Outputs:  []string{"System.IO.FileInfo", "System.IO.DirectoryInfo"},
		Examples: []engine.Example{{Title: "Create a directory", Code: "New-Item -Path ./logs -ItemType Directory", Remarks: ""}},
		New:      engine.ProcessOnly(func(c *engine.Call) error { return newItem(c, ni) }),
	})
	rt.SetAliases("New-Item", "ni")
	rm := newRemoveItemParams()
	rt.Register(&engine.Cmdlet{
		Name: "Remove-Item", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Deletes the specified items.",
		Description: "The Remove-Item cmdlet deletes one or more items. Because it's supported by many providers, it can delete many different types of items, including files, folders, registry keys, variables, aliases, and functions.",
		DefaultSet:  "Path", SupportsShouldProcess: true,
		Params: rm.infos(),
		New:    engine.ProcessOnly(func(c *engine.Call) error { return removeItem(c, rm) }),
	})
	rt.SetAliases("Remove-Item", "del", "erase", "rd", "ri")
	for _, name := range []string{"Copy-Item", "Move-Item"} {
		move := name == "Move-Item"
		p := newCopyItemParams(!move)
		syn := "Copies an item from one location to another."
		if move {
			syn = "Moves an item from one location to another."
		}
		rt.Register(&engine.Cmdlet{
			Name: name, Module: "Microsoft.PowerShell.Management",
			Synopsis: syn, Description: syn, DefaultSet: "Path", SupportsShouldProcess: true,
			Params: p.infos(),
			New:    engine.ProcessOnly(func(c *engine.Call) error { return copyOrMove(c, p, move) }),
		})
	}
	rt.SetAliases("Copy-Item", "copy", "cpi")
	rt.SetAliases("Move-Item", "mi", "move")
	rn := newRenameItemParams()
	rt.Register(&engine.Cmdlet{
		Name: "Rename-Item", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Renames an item in a PowerShell provider namespace.",
		Description: "The Rename-Item cmdlet changes the name of a specified item. This cmdlet does not affect the content of the item being renamed.",
		DefaultSet:  "ByPath", SupportsShouldProcess: true,
		Params: rn.infos(),
		New:    engine.ProcessOnly(func(c *engine.Call) error { return renameItem(c, rn) }),
	})
	rt.SetAliases("Rename-Item", "ren", "rni")
}

// itemTargets expands -Path/-LiteralPath to existing items, writing
// "Cannot find path" for a missing literal path.
//
// A path of another provider (function:f, variable:x*, env:HOME) goes
// with its matching items to onProv (an error when onProv is nil); a path
// on a missing drive is pwsh's DriveNotFound error.
func itemTargets(c *engine.Call, f fsFilters, raws []string, literal bool, onProv func(ip engine.ItemPath, items []provItem) error) ([]string, error) {
	var out []string
	for _, raw := range raws {
		if ip, err := c.ResolveItemPath(raw); err == nil && !ip.IsFileSystem() {
			if err := provTargets(c, ip, literal, onProv); err != nil {
				return nil, err
			}
			continue
		}
		paths, wild, err := fsExpandPath(c, raw, literal)
		if err != nil {
			if err := c.WriteError(engine.AsRecord(err)); err != nil {
				return nil, err
			}
			continue
		}
		for _, p := range paths {
			if _, err := os.Lstat(p); err != nil {
				if err := c.WriteError(engine.PathNotFoundError(p)); err != nil {
					return nil, err
				}
				continue
			}
			if wild && !f.matches(c, filepath.Base(p)) {
				continue
			}
			out = append(out, p)
		}
	}
	return out, nil
}

// eachItem expands -Path/-LiteralPath with itemTargets and runs fn on each
// item that still exists, with its Lstat info; an error from fn ends the
// loop and is returned.
func eachItem(c *engine.Call, prm itemPaths, onProv func(ip engine.ItemPath, items []provItem) error, fn func(p string, info fs.FileInfo) error) error {
	raws, literal := prm.args(c)
	targets, err := itemTargets(c, prm.fsFilters, raws, literal, onProv)
	if err != nil {
		return err
	}
	for _, p := range targets {
		info, err := os.Lstat(p)
		if err != nil {
			continue
		}
		if err := fn(p, info); err != nil {
			return err
		}
	}
	return nil
}

// writeItemError writes the non-terminating error for a failed operation
// on path: err itself when it is an error record, else fileOpenError's.
func writeItemError(c *engine.Call, path string, err error) error {
	rec := engine.AsRecord(err)
	if _, ok := err.(*engine.ErrorRecord); !ok {
		rec = engine.AsRecord(fileOpenError(path, err))
	}
	return c.WriteError(rec)
}

// getItem is Get-Item.
func getItem(c *engine.Call, prm itemPaths) error {
	return eachItem(c, prm, func(_ engine.ItemPath, items []provItem) error {
		for _, it := range items {
			if err := c.WriteObject(it.obj); err != nil {
				return err
			}
		}
		return nil
	}, func(p string, info fs.FileInfo) error {
		return c.WriteObject(fsItem(p, info))
	})
}

// getChildItem is Get-ChildItem.
func getChildItem(c *engine.Call, prm *gciParams) error {
	raws, literal := prm.args(c)
	if len(raws) == 0 {
		raws, literal = []string{c.Runtime().Location()}, true
	}
	targets, err := itemTargets(c, prm.fsFilters, raws, literal, func(_ engine.ItemPath, items []provItem) error {
		for _, it := range items {
			var out any = it.obj
			if prm.name.Get(c) {
				out = it.name
			}
			if err := c.WriteObject(out); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	maxDepth := -1
	if prm.depth.Given(c) {
		maxDepth = prm.depth.Or(c, 0)
	}
	recurse := prm.recurse.Get(c) || prm.depth.Given(c)
	for _, p := range targets {
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			if gciWanted(c, prm, filepath.Base(p), info) {
				var out any = fsItem(p, info)
				if prm.name.Get(c) {
					out = filepath.Base(p)
				}
				if err := c.WriteObject(out); err != nil {
					return err
				}
			}
			continue
		}
		if err := gciList(c, prm, p, "", recurse, maxDepth, 0); err != nil {
			return err
		}
	}
	return nil
}

// gciWanted applies the name and type filters of Get-ChildItem.
func gciWanted(c *engine.Call, prm *gciParams, name string, info fs.FileInfo) bool {
	if prm.directory.Get(c) && !info.IsDir() {
		return false
	}
	if prm.file.Get(c) && info.IsDir() {
		return false
	}
	hidden := strings.HasPrefix(name, ".")
	if prm.hidden.Get(c) && !hidden {
		return false
	}
	if hidden && !prm.force.Get(c) && !prm.hidden.Get(c) {
		return false
	}
	return prm.matches(c, name)
}

// gciList lists one directory (directories first, then files, each by
// name), then recurses.
func gciList(c *engine.Call, prm *gciParams, dir, rel string, recurse bool, maxDepth, depth int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		rec := engine.NewError("PermissionDenied", "DirUnauthorizedAccessError", dir, "Access to the path '%s' is denied.", dir).WithException("System.UnauthorizedAccessException")
		return c.WriteError(rec)
	}
	type child struct {
		name string
		info fs.FileInfo
	}
	var dirs, files []child
	for _, e := range entries {
		info, err := os.Stat(filepath.Join(dir, e.Name()))
		if err != nil {
			info, err = e.Info()
			if err != nil {
				continue
			}
		}
		if info.IsDir() {
			dirs = append(dirs, child{e.Name(), info})
		} else {
			files = append(files, child{e.Name(), info})
		}
	}
	byName := func(list []child) {
		sort.Slice(list, func(i, j int) bool { return strings.ToLower(list[i].name) < strings.ToLower(list[j].name) })
	}
	byName(dirs)
	byName(files)
	for _, ch := range append(append([]child(nil), dirs...), files...) {
		if !gciWanted(c, prm, ch.name, ch.info) {
			continue
		}
		full := filepath.Join(dir, ch.name)
		var out any = fsItem(full, ch.info)
		if prm.name.Get(c) {
			out = filepath.ToSlash(filepath.Join(rel, ch.name))
		}
		if err := c.WriteObject(out); err != nil {
			return err
		}
	}
	if !recurse || (maxDepth >= 0 && depth >= maxDepth) {
		return nil
	}
	for _, d := range dirs {
		if strings.HasPrefix(d.name, ".") && !prm.force.Get(c) && !prm.hidden.Get(c) {
			continue
		}
		if err := gciList(c, prm, filepath.Join(dir, d.name), filepath.Join(rel, d.name), recurse, maxDepth, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// newItem is New-Item.
func newItem(c *engine.Call, prm *newItemParams) error {
	kind := strings.ToLower(prm.itemType.Get(c))
	switch kind {
	case "", "file":
		kind = "file"
	case "directory", "container":
		kind = "directory"
	case "symboliclink", "hardlink":
	default:
		return engine.NewError("InvalidArgument", "Argument", kind, "The type is not a known type for the file system. Only \"file\",\"directory\",\"symboliclink\",\"junction\",\"hardlink\" can be specified.").
			WithException("System.ArgumentException")
	}
	paths := prm.path.Get(c)
	if len(paths) == 0 {
		paths = []string{""}
	}
	for _, raw := range paths {
		ip, err := c.ResolveItemPath(raw)
		if err != nil {
			if err := c.WriteError(engine.AsRecord(err)); err != nil {
				return err
			}
			continue
		}
		if !ip.IsFileSystem() {
			if err := provNewItem(c, ip, prm); err != nil {
				return err
			}
			continue
		}
		p := ip.Path
		if name := prm.name.Get(c); prm.name.Given(c) && name != "" {
			p = filepath.Join(p, name)
		}
		if raw == "" && !prm.name.Given(c) {
			return engine.NewError("InvalidArgument", "NewItemNoPath", nil, "Cannot bind argument to parameter 'Path' because it is an empty string.").
				WithException("System.Management.Automation.ParameterBindingValidationException")
		}
		action := "Create File"
		if kind == "directory" {
			action = "Create Directory"
		}
		if ok, err := c.ShouldProcess("Destination: "+p, action); err != nil {
			return err
		} else if !ok {
			continue
		}
		if err := newItemAt(c, prm, p, kind); err != nil {
			if werr := c.WriteError(engine.AsRecord(err)); werr != nil {
				return werr
			}
			continue
		}
		info, err := os.Lstat(p)
		if err != nil {
			continue
		}
		if err := c.WriteObject(fsItem(p, info)); err != nil {
			return err
		}
	}
	return nil
}

// newItemAt creates one file, directory or link.
func newItemAt(c *engine.Call, prm *newItemParams, p, kind string) error {
	force := prm.force.Get(c)
	st, statErr := os.Stat(p)
	switch kind {
	case "directory":
		if statErr == nil {
			if force && st.IsDir() {
				return nil
			}
			return engine.NewError("ResourceExists", "DirectoryExist", p, "An item with the specified name %s already exists.", p).WithException("System.IO.IOException")
		}
		if force {
			return osErr(p, os.MkdirAll(p, 0o755))
		}
		if _, err := os.Stat(filepath.Dir(p)); err != nil {
			return engine.PathNotFoundError(filepath.Dir(p))
		}
		return osErr(p, os.Mkdir(p, 0o755))
	case "symboliclink", "hardlink":
		target := value.ToString(prm.value.Get(c))
		if statErr == nil && !force {
			return engine.NewError("ResourceExists", "NewItemIOError", p, "An item with the specified name %s already exists.", p).WithException("System.IO.IOException")
		}
		if statErr == nil {
			_ = os.Remove(p)
		}
		if kind == "hardlink" {
			return osErr(p, os.Link(c.ResolvePath(target), p))
		}
		return osErr(p, os.Symlink(target, p))
	}
	if statErr == nil {
		if st.IsDir() || !force {
			return engine.NewError("WriteError", "NewItemIOError", p, "The file '%s' already exists.", p).WithException("System.IO.IOException")
		}
	}
	if force {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return osErr(p, err)
		}
	}
	text := ""
	if v := prm.value.Get(c); v != nil {
		text = value.ToString(v)
	}
	return writeTextFile(c, p, text, encUTF8, false)
}

// osErr converts an OS error on path to a pwsh error record.
func osErr(path string, err error) error {
	if err == nil {
		return nil
	}
	return fileOpenError(path, err)
}

// removeItem is Remove-Item.
func removeItem(c *engine.Call, prm *removeItemParams) error {
	return eachItem(c, prm.itemPaths, func(ip engine.ItemPath, items []provItem) error {
		for _, it := range items {
			if ok, err := c.ShouldProcess("Item: "+it.name, "Remove Item"); err != nil {
				return err
			} else if !ok {
				continue
			}
			if err := provRemove(c, ip, it.name); err != nil {
				if err := c.WriteError(engine.AsRecord(err)); err != nil {
					return err
				}
			}
		}
		return nil
	}, func(p string, info fs.FileInfo) error {
		action := "Remove File"
		if info.IsDir() {
			action = "Remove Directory"
		}
		if ok, err := c.ShouldProcess(p, action); err != nil || !ok {
			return err
		}
		var rerr error
		if info.IsDir() {
			entries, _ := os.ReadDir(p)
			switch {
			case len(entries) == 0:
				rerr = os.Remove(p)
			case prm.recurse.Get(c):
				rerr = os.RemoveAll(p)
			default:
				rerr = engine.NewError("WriteError", "RemoveItemIOError", p, "Directory %s cannot be removed because it is not empty.", p).WithException("System.IO.IOException")
			}
		} else {
			rerr = os.Remove(p)
		}
		if rerr != nil {
			return writeItemError(c, p, rerr)
		}
		return nil
	})
}

// copyOrMove is Copy-Item and Move-Item.
func copyOrMove(c *engine.Call, prm *copyItemParams, move bool) error {
	dest := c.ResolvePath(prm.destination.Get(c))
	return eachItem(c, prm.itemPaths, nil, func(src string, info fs.FileInfo) error {
		to := dest
		if st, err := os.Stat(dest); err == nil && st.IsDir() {
			to = filepath.Join(dest, filepath.Base(src))
		}
		action := "Copy File"
		if info.IsDir() {
			action = "Copy Directory"
		}
		if move {
			action = "Move File"
			if info.IsDir() {
				action = "Move Directory"
			}
		}
		if ok, err := c.ShouldProcess("Item: "+src+" Destination: "+to, action); err != nil || !ok {
			return err
		}
		var oerr error
		if move {
			if _, err := os.Lstat(to); err == nil && !prm.force.Get(c) {
				oerr = engine.NewError("WriteError", "MoveFileInfoItemIOError", src, "Cannot create a file when that file already exists.").WithException("System.IO.IOException")
			} else {
				oerr = os.Rename(src, to)
			}
		} else if info.IsDir() {
			oerr = copyDir(c, src, to, prm.recurse.Get(c))
		} else {
			oerr = copyFile(c, src, to, info.Mode())
		}
		if engine.IsBarrierError(oerr) {
			return oerr
		}
		if oerr != nil {
			return writeItemError(c, to, oerr)
		}
		if prm.passThru.Get(c) {
			if ni, err := os.Lstat(to); err == nil {
				return c.WriteObject(fsItem(to, ni))
			}
		}
		return nil
	})
}

// copyFile copies one file's bytes and mode, writing through the
// runtime's file handler.
func copyFile(c *engine.Call, src, dst string, mode fs.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := c.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode.Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// errCopyIntoItself is pwsh's message for copying a folder into itself.
var errCopyIntoItself error = engine.MessageError("Cannot copy a directory into itself.")

// copyDir copies a directory, with its contents when recurse is set.
func copyDir(c *engine.Call, src, dst string, recurse bool) error {
	if rel, err := filepath.Rel(src, dst); err == nil && !strings.HasPrefix(rel, "..") && rel != "." {
		return errCopyIntoItself
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	if !recurse {
		return nil
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		s, d := filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())
		info, err := os.Stat(s)
		if err != nil {
			continue
		}
		if info.IsDir() {
			if err := copyDir(c, s, d, true); err != nil {
				return err
			}
			continue
		}
		if err := copyFile(c, s, d, info.Mode()); err != nil {
			return err
		}
	}
	return nil
}

// renameItem is Rename-Item.
func renameItem(c *engine.Call, prm *renameItemParams) error {
	raw := prm.path.Get(c)
	literal := false
	if prm.literalPath.Given(c) {
		raw, literal = prm.literalPath.Get(c), true
	}
	paths, _ := fsExpand(c, raw, literal)
	src := c.ResolvePath(raw)
	if len(paths) > 0 {
		src = paths[0]
	}
	if _, err := os.Lstat(src); err != nil {
		return c.WriteError(engine.NewError("InvalidOperation", "InvalidOperation", src, "Cannot rename because item at '%s' does not exist.", raw).
			WithException("System.Management.Automation.PSInvalidOperationException"))
	}
	newName := prm.newName.Get(c)
	to := filepath.Join(filepath.Dir(src), newName)
	if strings.ContainsAny(newName, "/") {
		to = c.ResolvePath(newName)
		if filepath.Dir(to) != filepath.Dir(src) {
			return c.WriteError(engine.NewError("InvalidArgument", "Argument", newName, "Cannot rename the specified target, because it represents a path or device name.").
				WithException("System.Management.Automation.PSArgumentException"))
		}
	}
	if ok, err := c.ShouldProcess("Item: "+src+" Destination: "+to, "Rename Item"); err != nil || !ok {
		return err
	}
	if _, err := os.Lstat(to); err == nil {
		return c.WriteError(engine.NewError("WriteError", "RenameItemIOError", src, "Cannot create a file when that file already exists.").WithException("System.IO.IOException"))
	}
	if err := os.Rename(src, to); err != nil {
		return c.WriteError(fileOpenError(to, err))
	}
	if prm.passThru.Get(c) {
		if ni, err := os.Lstat(to); err == nil {
			return c.WriteObject(fsItem(to, ni))
		}
	}
	return nil
}
