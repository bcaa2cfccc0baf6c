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
	test := newTestPathParams()
	rt.Register(&engine.Cmdlet{
		Name: "Test-Path", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Determines whether all elements of a path exist.",
		Description: "The Test-Path cmdlet determines whether all elements of the path exist. It returns $true if all elements exist and $false if any are missing. It can also tell whether the path syntax is valid and whether the path leads to a container or a terminal or leaf element.",
		DefaultSet:  "Path",
		Params:      test.infos(),
		Outputs:     []string{"System.Boolean"},
		Examples:    []engine.Example{{Title: "Test a file", Code: "Test-Path -Path ./a.txt -PathType Leaf", Remarks: "Returns True when a.txt is a file."}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { return testPath(c, test) }),
	})
	join := newJoinPathParams()
	rt.Register(&engine.Cmdlet{
		Name: "Join-Path", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Combines a path and a child path into a single path.",
		Description: "The Join-Path cmdlet combines a path and child-path into a single path. The provider supplies the path delimiters.",
		Params:      join.infos(),
		Outputs:     []string{"System.String"},
		Examples:    []engine.Example{{Title: "Combine a path with a child path", Code: "Join-Path -Path path -ChildPath childpath", Remarks: "path/childpath"}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { return joinPath(c, join) }),
	})
	split := newSplitPathParams()
	rt.Register(&engine.Cmdlet{
		Name: "Split-Path", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Returns the specified part of a path.",
		Description: "The Split-Path cmdlet returns only the specified part of a path, such as the parent folder, a subfolder, or a file name.",
		Params:      split.infos(),
		Outputs:     []string{"System.String", "System.Boolean"},
		Examples:    []engine.Example{{Title: "Get the file name", Code: "Split-Path -Path /home/user/a.txt -Leaf", Remarks: "a.txt"}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { return splitPath(c, split) }),
	})
	resolve := newResolvePathParams()
	rt.Register(&engine.Cmdlet{
		Name: "Resolve-Path", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Resolves the wildcard characters in a path, and displays the path contents.",
		Description: "The Resolve-Path cmdlet displays the items and containers that match the wildcard pattern at the location specified. The match can include files, folders, registry keys, or any other object accessible from a PSDrive provider.",
		DefaultSet:  "Path",
		Params:      resolve.infos(),
		Outputs:     []string{"System.Management.Automation.PathInfo", "System.String"},
		New:         engine.ProcessOnly(func(c *engine.Call) error { return resolvePath(c, resolve) }),
	})
	rt.SetAliases("Resolve-Path", "rvpa")
}

// testPath is Test-Path.
func testPath(c *engine.Call, prm *testPathParams) error {
	raws, literal := prm.args(c)
	if len(raws) == 0 {
		return c.WriteObject(false)
	}
	want := strings.ToLower(prm.pathType.Get(c))
	for _, raw := range raws {
		if raw == "" {
			if err := c.WriteObject(false); err != nil {
				return err
			}
			continue
		}
		if prm.isValid.Get(c) {
			if err := c.WriteObject(!strings.ContainsRune(raw, 0)); err != nil {
				return err
			}
			continue
		}
		if ip, err := c.ResolveItemPath(raw); err == nil && !ip.IsFileSystem() {
			found := ip.Path == "" || len(provMatch(c, ip, literal)) > 0
			if want == "container" {
				found = ip.Path == ""
			} else if want == "leaf" {
				found = found && ip.Path != ""
			}
			if err := c.WriteObject(found); err != nil {
				return err
			}
			continue
		}
		// A drive that does not exist (C:\ on Linux) is just False.
		paths, _ := fsExpand(c, raw, literal)
		found := false
		for _, p := range paths {
			st, err := os.Stat(p)
			if err != nil {
				continue
			}
			if t, ok := prm.olderThan.Get(c).(time.Time); ok && !st.ModTime().Before(t) {
				continue
			}
			if t, ok := prm.newerThan.Get(c).(time.Time); ok && !st.ModTime().After(t) {
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
func joinPath(c *engine.Call, prm *joinPathParams) error {
	child := prm.childPath.Get(c)
	extra := prm.additionalChildPath.Get(c)
	for _, p := range prm.path.Get(c) {
		out := joinTwo(p, child)
		for _, e := range extra {
			out = joinTwo(out, e)
		}
		if prm.resolve.Get(c) {
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
func splitPath(c *engine.Call, prm *splitPathParams) error {
	paths := prm.path.Get(c)
	if prm.literalPath.Given(c) {
		paths = prm.literalPath.Get(c)
	}
	for _, p := range paths {
		var out any
		parent, leaf := splitParts(p)
		switch {
		case prm.leaf.Get(c):
			out = leaf
		case prm.leafBase.Get(c):
			ext := filepath.Ext(leaf)
			out = strings.TrimSuffix(leaf, ext)
		case prm.extension.Get(c):
			out = filepath.Ext(leaf)
		case prm.isAbsolute.Get(c):
			fp := fsSlashes(p)
			out = strings.HasPrefix(fp, "/") || fp == "~" || strings.HasPrefix(fp, "~/")
		case prm.qualifier.Get(c):
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
		case prm.noQualifier.Get(c):
			if i := strings.IndexByte(p, ':'); i > 0 && !strings.ContainsAny(p[:i], `/\`) {
				out = p[i+1:]
			} else {
				out = p
			}
		default:
			out = parent
		}
		if prm.resolve.Get(c) {
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
func resolvePath(c *engine.Call, prm *resolvePathParams) error {
	raws, literal := prm.args(c)
	base := c.Runtime().Location()
	if prm.relativeBasePath.Given(c) {
		base = c.ResolvePath(prm.relativeBasePath.Get(c))
	}
	for _, raw := range raws {
		paths, _, err := fsExpandPath(c, raw, literal)
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
			var out any = fsPathInfo(p)
			if prm.relative.Get(c) {
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
