package powershell

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/csshell/csshell/engine"
)

// registerPathCmdlets adds Test-Path, Join-Path, Split-Path and Resolve-Path.
func registerPathCmdlets(rt *engine.Runtime) {
	rt.Register(&engine.Cmdlet{
		Name: "Test-Path", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Determines whether all elements of a path exist.",
		Description: "The Test-Path cmdlet determines whether all elements of the path exist. It returns $true if all elements exist and $false if any are missing. It can also tell whether the path syntax is valid and whether the path leads to a container or a terminal or leaf element.",
		DefaultSet:  "Path",
		Params: []*engine.ParamInfo{
			{Name: "Path", Type: "String[]", AllowNull: true, AllowEmptyString: true, AllowEmptyCollection: true, Sets: []engine.ParamSet{{Name: "Path", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies a path to be tested. Wildcard characters are permitted."},
			{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath", "LP"}, AllowNull: true, AllowEmptyString: true, AllowEmptyCollection: true, Sets: []engine.ParamSet{{Name: "LiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies a path to be tested, used exactly as typed."},
			{Name: "Filter", Type: "String", Sets: outSetsAll(), Help: "Specifies a filter in the provider's format or language."},
			{Name: "Include", Type: "String[]", Sets: outSetsAll(), Help: "Specifies paths that this cmdlet tests."},
			{Name: "Exclude", Type: "String[]", Sets: outSetsAll(), Help: "Specifies items that this cmdlet omits."},
			{Name: "PathType", Type: "String", Aliases: []string{"Type"}, ValidateSet: []string{"Any", "Container", "Leaf"}, Sets: outSetsAll(), Default: "Any", Help: "Specifies the type of the final element in the path."},
			{Name: "IsValid", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet tests the syntax of the path, regardless of whether the elements of the path exist."},
			{Name: "OlderThan", Type: "DateTime", Sets: outSetsAll(), Help: "Specify a time as a DateTime object."},
			{Name: "NewerThan", Type: "DateTime", Sets: outSetsAll(), Help: "Specify a time as a DateTime object."},
		},
		Outputs:  []string{"System.Boolean"},
		Examples: []engine.Example{{Title: "Test a file", Code: "Test-Path -Path ./a.txt -PathType Leaf", Remarks: "Returns True when a.txt is a file."}},
		New:      engine.ProcessOnly(testPath),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Join-Path", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Combines a path and a child path into a single path.",
		Description: "The Join-Path cmdlet combines a path and child-path into a single path. The provider supplies the path delimiters.",
		Params: []*engine.ParamInfo{
			{Name: "Path", Type: "String[]", Aliases: []string{"PSPath"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the main path (or paths) to which the child-path is appended."},
			{Name: "ChildPath", Type: "String", AllowNull: true, AllowEmptyString: true, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, FromPipelineByName: true}}, Help: "Specifies the elements to append to the value of the Path parameter."},
			{Name: "AdditionalChildPath", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, FromRemainingArgs: true}}, Help: "Specifies additional elements to append to the value of the Path parameter."},
			{Name: "Resolve", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet should attempt to resolve the joined path from the current provider."},
		},
		Outputs:  []string{"System.String"},
		Examples: []engine.Example{{Title: "Combine a path with a child path", Code: "Join-Path -Path path -ChildPath childpath", Remarks: "path/childpath"}},
		New:      engine.ProcessOnly(joinPath),
	})
	split := []*engine.ParamInfo{
		{Name: "Path", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the paths to be split."},
		{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath", "LP"}, Sets: outSetsAll(), Help: "Specifies the paths to be split, used exactly as typed."},
		{Name: "Parent", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet returns only the parent containers of the item. This is the default."},
		{Name: "Leaf", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet returns only the last item or container in the path."},
		{Name: "LeafBase", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet returns only base name of the last item or container in the path."},
		{Name: "Extension", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet returns only the extension of the leaf."},
		{Name: "Qualifier", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet returns only the qualifier of the specified path."},
		{Name: "NoQualifier", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet returns the path without the qualifier."},
		{Name: "IsAbsolute", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet returns $true if the path is absolute and $false if it is relative."},
		{Name: "Resolve", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet displays the items that are referenced by the resulting split path."},
	}
	rt.Register(&engine.Cmdlet{
		Name: "Split-Path", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Returns the specified part of a path.",
		Description: "The Split-Path cmdlet returns only the specified part of a path, such as the parent folder, a subfolder, or a file name.",
		Params:      split,
		Outputs:     []string{"System.String", "System.Boolean"},
		Examples:    []engine.Example{{Title: "Get the file name", Code: "Split-Path -Path /home/user/a.txt -Leaf", Remarks: "a.txt"}},
		New:         engine.ProcessOnly(splitPath),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Resolve-Path", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Resolves the wildcard characters in a path, and displays the path contents.",
		Description: "The Resolve-Path cmdlet displays the items and containers that match the wildcard pattern at the location specified. The match can include files, folders, registry keys, or any other object accessible from a PSDrive provider.",
		DefaultSet:  "Path",
		Params: []*engine.ParamInfo{
			{Name: "Path", Type: "String[]", Sets: []engine.ParamSet{{Name: "Path", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the PowerShell path to resolve."},
			{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath", "LP"}, Sets: []engine.ParamSet{{Name: "LiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the path to be resolved, used exactly as typed."},
			{Name: "Relative", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet returns a relative path."},
			{Name: "RelativeBasePath", Type: "String", Sets: outSetsAll(), Help: "Specifies a path to resolve the relative path from."},
		},
		Outputs: []string{"System.Management.Automation.PathInfo", "System.String"},
		New:     engine.ProcessOnly(resolvePath),
	})
	rt.SetAliases("Resolve-Path", "rvpa")
}

// testPath is Test-Path.
func testPath(c *engine.Call) error {
	raws, literal := fsPathArgs(c)
	if len(raws) == 0 {
		return c.WriteObject(false)
	}
	want := strings.ToLower(c.String("PathType"))
	for _, raw := range raws {
		if raw == "" {
			if err := c.WriteObject(false); err != nil {
				return err
			}
			continue
		}
		if c.Switch("IsValid") {
			if err := c.WriteObject(!strings.ContainsRune(raw, 0)); err != nil {
				return err
			}
			continue
		}
		paths, _ := fsExpand(c, raw, literal)
		found := false
		for _, p := range paths {
			st, err := os.Stat(p)
			if err != nil {
				continue
			}
			if t, ok := c.Get("OlderThan").(time.Time); ok && !st.ModTime().Before(t) {
				continue
			}
			if t, ok := c.Get("NewerThan").(time.Time); ok && !st.ModTime().After(t) {
				continue
			}
			switch want {
			case "container":
				found = found || st.IsDir()
			case "leaf":
				found = found || !st.IsDir()
			default:
				found = true
			}
		}
		if err := c.WriteObject(found); err != nil {
			return err
		}
	}
	return nil
}

// fsSlashes turns backslashes into slashes, as pwsh's file-system provider
// does on Unix.
func fsSlashes(p string) string { return strings.ReplaceAll(p, `\`, "/") }

// joinTwo joins a parent and child path with one separator.
func joinTwo(parent, child string) string {
	parent, child = fsSlashes(parent), fsSlashes(child)
	if child == "" {
		return parent
	}
	if parent == "" {
		return child
	}
	child = strings.TrimLeft(child, "/")
	if strings.HasSuffix(parent, "/") {
		return parent + child
	}
	return parent + "/" + child
}

// joinPath is Join-Path.
func joinPath(c *engine.Call) error {
	child := c.String("ChildPath")
	extra := c.Strings("AdditionalChildPath")
	for _, p := range c.Strings("Path") {
		out := joinTwo(p, child)
		for _, e := range extra {
			out = joinTwo(out, e)
		}
		if c.Switch("Resolve") {
			paths, _ := fsExpand(c, out, false)
			found := false
			for _, rp := range paths {
				if _, err := os.Lstat(rp); err == nil {
					found = true
					if err := c.WriteObject(rp); err != nil {
						return err
					}
				}
			}
			if !found {
				if err := c.WriteError(engine.PathNotFoundError(c.ResolvePath(out))); err != nil {
					return err
				}
			}
			continue
		}
		if err := c.WriteObject(out); err != nil {
			return err
		}
	}
	return nil
}

// splitParts returns a path's parent and leaf the way Split-Path does.
func splitParts(p string) (parent, leaf string) {
	p = fsSlashes(p)
	trimmed := strings.TrimRight(p, "/")
	if trimmed == "" {
		if strings.HasPrefix(p, "/") {
			return "", "/"
		}
		return "", ""
	}
	i := strings.LastIndexByte(trimmed, '/')
	if i < 0 {
		return "", trimmed
	}
	parent = strings.TrimRight(trimmed[:i], "/")
	if parent == "" {
		parent = "/"
	}
	return parent, trimmed[i+1:]
}

// splitPath is Split-Path.
func splitPath(c *engine.Call) error {
	paths := c.Strings("Path")
	if c.Has("LiteralPath") {
		paths = c.Strings("LiteralPath")
	}
	for _, p := range paths {
		var out any
		parent, leaf := splitParts(p)
		switch {
		case c.Switch("Leaf"):
			out = leaf
		case c.Switch("LeafBase"):
			ext := filepath.Ext(leaf)
			out = strings.TrimSuffix(leaf, ext)
		case c.Switch("Extension"):
			out = filepath.Ext(leaf)
		case c.Switch("IsAbsolute"):
			fp := fsSlashes(p)
			out = strings.HasPrefix(fp, "/") || fp == "~" || strings.HasPrefix(fp, "~/")
		case c.Switch("Qualifier"):
			if i := strings.IndexByte(p, ':'); i > 0 && !strings.ContainsAny(p[:i], `/\`) {
				out = p[:i+1]
				break
			}
			rec := engine.NewError("InvalidArgument", "ParsePathFormatError", p, "Cannot parse path because path '%s' does not have a qualifier specified.", p).
				WithException("System.Management.Automation.PSArgumentException")
			if err := c.WriteError(rec); err != nil {
				return err
			}
			continue
		case c.Switch("NoQualifier"):
			if i := strings.IndexByte(p, ':'); i > 0 && !strings.ContainsAny(p[:i], `/\`) {
				out = p[i+1:]
			} else {
				out = p
			}
		default:
			out = parent
		}
		if c.Switch("Resolve") {
			if s, ok := out.(string); ok {
				rp, _ := fsExpand(c, s, false)
				for _, r := range rp {
					if err := c.WriteObject(r); err != nil {
						return err
					}
				}
				continue
			}
		}
		if err := c.WriteObject(out); err != nil {
			return err
		}
	}
	return nil
}

// resolvePath is Resolve-Path.
func resolvePath(c *engine.Call) error {
	raws, literal := fsPathArgs(c)
	base := c.Runtime().Location()
	if c.Has("RelativeBasePath") {
		base = c.ResolvePath(c.String("RelativeBasePath"))
	}
	for _, raw := range raws {
		paths, _ := fsExpand(c, raw, literal)
		found := false
		for _, p := range paths {
			if _, err := os.Lstat(p); err != nil {
				continue
			}
			found = true
			var out any = fsPathInfo(p)
			if c.Switch("Relative") {
				rel, err := filepath.Rel(base, p)
				if err != nil {
					rel = p
				} else if !strings.HasPrefix(rel, "..") {
					rel = "./" + rel
				}
				if rel == "./." {
					rel = "."
				}
				out = rel
			}
			if err := c.WriteObject(out); err != nil {
				return err
			}
		}
		if !found {
			target := c.ResolvePath(raw)
			if err := c.WriteError(engine.PathNotFoundError(target)); err != nil {
				return err
			}
		}
	}
	return nil
}
