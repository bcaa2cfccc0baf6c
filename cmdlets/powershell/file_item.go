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
	paths := func(pos int, mandatory bool) []*engine.ParamInfo {
		return []*engine.ParamInfo{
			{Name: "Path", Type: "String[]", Sets: []engine.ParamSet{{Name: "Path", Position: pos, Mandatory: mandatory, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies a path to one or more locations. Wildcards are accepted."},
			{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath", "LP"}, Sets: []engine.ParamSet{{Name: "LiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies a path to one or more locations, used exactly as typed."},
		}
	}
	filters := func() []*engine.ParamInfo {
		return []*engine.ParamInfo{
			{Name: "Filter", Type: "String", Sets: outSetsAll(), Help: "Specifies a filter to qualify the Path parameter."},
			{Name: "Include", Type: "String[]", Sets: outSetsAll(), Help: "Specifies, as a string array, items to include."},
			{Name: "Exclude", Type: "String[]", Sets: outSetsAll(), Help: "Specifies, as a string array, items to exclude."},
			{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Allows the cmdlet to get items that otherwise can't be accessed by the user, such as hidden or system files."},
		}
	}
	gci := append(paths(0, false), filters()...)
	gci[2].Sets = []engine.ParamSet{{Name: engine.AllSets, Position: 1}}
	gci = append(gci,
		&engine.ParamInfo{Name: "Recurse", Type: "SwitchParameter", Aliases: []string{"s", "r"}, Sets: outSetsAll(), Help: "Gets the items in the specified locations and in all child items of the locations."},
		&engine.ParamInfo{Name: "Depth", Type: "UInt32", Sets: outSetsAll(), Help: "Determines the number of subdirectory levels that are included in the recursion."},
		&engine.ParamInfo{Name: "Name", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Gets only the names of the items in the location."},
		&engine.ParamInfo{Name: "Directory", Type: "SwitchParameter", Aliases: []string{"ad", "d"}, Sets: outSetsAll(), Help: "To get a list of directories, use the Directory parameter."},
		&engine.ParamInfo{Name: "File", Type: "SwitchParameter", Aliases: []string{"af"}, Sets: outSetsAll(), Help: "To get a list of files, use the File parameter."},
		&engine.ParamInfo{Name: "Hidden", Type: "SwitchParameter", Aliases: []string{"ah", "h"}, Sets: outSetsAll(), Help: "To get only hidden items, use the Hidden parameter."},
		&engine.ParamInfo{Name: "FollowSymlink", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Search the directories targeted by symbolic links."},
	)
	rt.Register(&engine.Cmdlet{
		Name: "Get-ChildItem", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Gets the items and child items in one or more specified locations.",
		Description: "The Get-ChildItem cmdlet gets the items in one or more specified locations. If the item is a container, it gets the items inside the container, known as child items. You can use the Recurse parameter to get items in all child containers and use the Depth parameter to limit the number of levels to recurse.",
		DefaultSet:  "Items",
		Params:      gciSets(gci),
		Outputs:     []string{"System.IO.FileInfo", "System.IO.DirectoryInfo", "System.String"},
		Examples:    []engine.Example{{Title: "Get child items in the current directory", Code: "Get-ChildItem -Name", Remarks: "Lists the names of the files and directories."}},
		New:         engine.ProcessOnly(getChildItem),
	})
	rt.SetAliases("Get-ChildItem", "gci", "dir")
	rt.Register(&engine.Cmdlet{
		Name: "Get-Item", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Gets the item at the specified location.",
		Description: "The Get-Item cmdlet gets the item at the specified location. It doesn't get the contents of the item at the location unless you use a wildcard character (*) to request all the contents of the item.",
		DefaultSet:  "Path",
		Params:      append(paths(0, true), filters()...),
		Outputs:     []string{"System.IO.FileInfo", "System.IO.DirectoryInfo"},
		New:         engine.ProcessOnly(getItem),
	})
	rt.SetAliases("Get-Item", "gi")
	rt.Register(&engine.Cmdlet{
		Name: "New-Item", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Creates a new item.",
		Description: "The New-Item cmdlet creates a new item and sets its value. In the file system, New-Item creates files and directories.",
		DefaultSet:  "pathSet", SupportsShouldProcess: true,
		Params: []*engine.ParamInfo{
			{Name: "Path", Type: "String[]", Sets: []engine.ParamSet{{Name: "pathSet", Position: 0, Mandatory: true, FromPipelineByName: true}, {Name: "nameSet", Position: 0, FromPipelineByName: true}}, Help: "Specifies the path of the location of the new item."},
			{Name: "Name", Type: "String", Sets: []engine.ParamSet{{Name: "nameSet", Position: -1, Mandatory: true, FromPipelineByName: true}}, AllowNull: true, AllowEmptyString: true, Help: "Specifies the name of the new item."},
			{Name: "ItemType", Type: "String", Aliases: []string{"Type"}, Sets: outSetsAll(), Help: "Specifies the provider-specified type of the new item: File, Directory, SymbolicLink, Junction or HardLink."},
			{Name: "Value", Type: "Object", Aliases: []string{"Target"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the value of the new item."},
			{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Forces this cmdlet to create an item that writes over an existing read-only item."},
		},
		Outputs:  []string{"System.IO.FileInfo", "System.IO.DirectoryInfo"},
		Examples: []engine.Example{{Title: "Create a directory", Code: "New-Item -Path ./logs -ItemType Directory", Remarks: ""}},
		New:      engine.ProcessOnly(newItem),
	})
	rt.SetAliases("New-Item", "ni")
	rm := append(paths(0, true), filters()...)
	rm = append(rm, &engine.ParamInfo{Name: "Recurse", Type: "SwitchParameter", Aliases: []string{"r"}, Sets: outSetsAll(), Help: "Indicates that this cmdlet deletes the items in the specified locations and in all child items of the locations."})
	rt.Register(&engine.Cmdlet{
		Name: "Remove-Item", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Deletes the specified items.",
		Description: "The Remove-Item cmdlet deletes one or more items. Because it's supported by many providers, it can delete many different types of items, including files, folders, registry keys, variables, aliases, and functions.",
		DefaultSet:  "Path", SupportsShouldProcess: true,
		Params: rm,
		New:    engine.ProcessOnly(removeItem),
	})
	rt.SetAliases("Remove-Item", "del", "erase", "rd", "ri")
	for _, name := range []string{"Copy-Item", "Move-Item"} {
		ps := append(paths(0, true), filters()...)
		ps = append(ps,
			&engine.ParamInfo{Name: "Destination", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, FromPipelineByName: true}}, Help: "Specifies the path to the new location."},
			&engine.ParamInfo{Name: "PassThru", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Returns an object representing the item."})
		syn := "Copies an item from one location to another."
		if name == "Copy-Item" {
			ps = append(ps,
				&engine.ParamInfo{Name: "Recurse", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet does a recursive copy."},
				&engine.ParamInfo{Name: "Container", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet preserves container objects during the copy operation."})
		} else {
			syn = "Moves an item from one location to another."
		}
		rt.Register(&engine.Cmdlet{
			Name: name, Module: "Microsoft.PowerShell.Management",
			Synopsis: syn, Description: syn, DefaultSet: "Path", SupportsShouldProcess: true,
			Params: ps,
			New: func() engine.Processor {
				move := name == "Move-Item"
				return &engine.Funcs{OnProcess: func(c *engine.Call) error { return copyOrMove(c, move) }}
			},
		})
	}
	rt.SetAliases("Copy-Item", "copy", "cpi")
	rt.SetAliases("Move-Item", "mi", "move")
	rt.Register(&engine.Cmdlet{
		Name: "Rename-Item", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Renames an item in a PowerShell provider namespace.",
		Description: "The Rename-Item cmdlet changes the name of a specified item. This cmdlet does not affect the content of the item being renamed.",
		DefaultSet:  "ByPath", SupportsShouldProcess: true,
		Params: []*engine.ParamInfo{
			{Name: "Path", Type: "String", Sets: []engine.ParamSet{{Name: "ByPath", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the path of the item to rename."},
			{Name: "LiteralPath", Type: "String", Aliases: []string{"PSPath", "LP"}, Sets: []engine.ParamSet{{Name: "ByLiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the path of the item to rename, used exactly as typed."},
			{Name: "NewName", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the new name of the item."},
			{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Forces the cmdlet to rename items that can't otherwise be changed."},
			{Name: "PassThru", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Returns an object that represents the item to the pipeline."},
		},
		New: engine.ProcessOnly(renameItem),
	})
	rt.SetAliases("Rename-Item", "ren", "rni")
}

// gciSets puts Get-ChildItem's path parameters in its Items and LiteralItems
// sets.
func gciSets(ps []*engine.ParamInfo) []*engine.ParamInfo {
	ps[0].Sets = []engine.ParamSet{{Name: "Items", Position: 0, FromPipeline: true, FromPipelineByName: true}}
	ps[1].Sets = []engine.ParamSet{{Name: "LiteralItems", Position: -1, Mandatory: true, FromPipelineByName: true}}
	return ps
}

// itemTargets expands -Path/-LiteralPath to existing items, writing
// "Cannot find path" for a missing literal path.
func itemTargets(c *engine.Call, raws []string, literal bool) ([]string, error) {
	var out []string
	for _, raw := range raws {
		paths, wild := fsExpand(c, raw, literal)
		for _, p := range paths {
			if _, err := os.Lstat(p); err != nil {
				if err := c.WriteError(engine.PathNotFoundError(p)); err != nil {
					return nil, err
				}
				continue
			}
			if wild && (!fsIncluded(c, filepath.Base(p)) || (c.String("Filter") != "" && !value.Like(filepath.Base(p), c.String("Filter"), false))) {
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
func eachItem(c *engine.Call, fn func(p string, info fs.FileInfo) error) error {
	raws, literal := fsPathArgs(c)
	targets, err := itemTargets(c, raws, literal)
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
func getItem(c *engine.Call) error {
	return eachItem(c, func(p string, info fs.FileInfo) error {
		return c.WriteObject(fsItem(p, info))
	})
}

// getChildItem is Get-ChildItem.
func getChildItem(c *engine.Call) error {
	raws, literal := fsPathArgs(c)
	if len(raws) == 0 {
		raws, literal = []string{c.Runtime().Location()}, true
	}
	targets, err := itemTargets(c, raws, literal)
	if err != nil {
		return err
	}
	maxDepth := -1
	if c.Has("Depth") {
		maxDepth = c.Int("Depth", 0)
	}
	recurse := c.Switch("Recurse") || c.Has("Depth")
	for _, p := range targets {
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			if gciWanted(c, filepath.Base(p), info) {
				var out any = fsItem(p, info)
				if c.Switch("Name") {
					out = filepath.Base(p)
				}
				if err := c.WriteObject(out); err != nil {
					return err
				}
			}
			continue
		}
		if err := gciList(c, p, "", recurse, maxDepth, 0); err != nil {
			return err
		}
	}
	return nil
}

// gciWanted applies the name and type filters of Get-ChildItem.
func gciWanted(c *engine.Call, name string, info fs.FileInfo) bool {
	if c.Switch("Directory") && !info.IsDir() {
		return false
	}
	if c.Switch("File") && info.IsDir() {
		return false
	}
	hidden := strings.HasPrefix(name, ".")
	if c.Switch("Hidden") && !hidden {
		return false
	}
	if hidden && !c.Switch("Force") && !c.Switch("Hidden") {
		return false
	}
	if f := c.String("Filter"); f != "" && !value.Like(name, f, false) {
		return false
	}
	return fsIncluded(c, name)
}

// gciList lists one directory (directories first, then files, each by
// name), then recurses.
func gciList(c *engine.Call, dir, rel string, recurse bool, maxDepth, depth int) error {
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
		if !gciWanted(c, ch.name, ch.info) {
			continue
		}
		full := filepath.Join(dir, ch.name)
		var out any = fsItem(full, ch.info)
		if c.Switch("Name") {
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
		if strings.HasPrefix(d.name, ".") && !c.Switch("Force") && !c.Switch("Hidden") {
			continue
		}
		if err := gciList(c, filepath.Join(dir, d.name), filepath.Join(rel, d.name), recurse, maxDepth, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// newItem is New-Item.
func newItem(c *engine.Call) error {
	kind := strings.ToLower(c.String("ItemType"))
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
	paths := c.Strings("Path")
	if len(paths) == 0 {
		paths = []string{""}
	}
	for _, raw := range paths {
		p := c.ResolvePath(raw)
		if c.Has("Name") && c.String("Name") != "" {
			p = filepath.Join(p, c.String("Name"))
		}
		if raw == "" && !c.Has("Name") {
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
		if err := newItemAt(c, p, kind); err != nil {
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
func newItemAt(c *engine.Call, p, kind string) error {
	force := c.Switch("Force")
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
		target := c.String("Value")
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
	if c.Has("Value") && c.Get("Value") != nil {
		text = value.ToString(c.Get("Value"))
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
func removeItem(c *engine.Call) error {
	return eachItem(c, func(p string, info fs.FileInfo) error {
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
			case c.Switch("Recurse"):
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
func copyOrMove(c *engine.Call, move bool) error {
	dest := c.ResolvePath(c.String("Destination"))
	return eachItem(c, func(src string, info fs.FileInfo) error {
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
			if _, err := os.Lstat(to); err == nil && !c.Switch("Force") {
				oerr = engine.NewError("WriteError", "MoveFileInfoItemIOError", src, "Cannot create a file when that file already exists.").WithException("System.IO.IOException")
			} else {
				oerr = os.Rename(src, to)
			}
		} else if info.IsDir() {
			oerr = copyDir(c, src, to, c.Switch("Recurse"))
		} else {
			oerr = copyFile(c, src, to, info.Mode())
		}
		if engine.IsBarrierError(oerr) {
			return oerr
		}
		if oerr != nil {
			return writeItemError(c, to, oerr)
		}
		if c.Switch("PassThru") {
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
func renameItem(c *engine.Call) error {
	raw := c.String("Path")
	literal := false
	if c.Has("LiteralPath") {
		raw, literal = c.String("LiteralPath"), true
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
	newName := c.String("NewName")
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
	if c.Switch("PassThru") {
		if ni, err := os.Lstat(to); err == nil {
			return c.WriteObject(fsItem(to, ni))
		}
	}
	return nil
}
