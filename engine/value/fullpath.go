package value

import (
	"os"
	"path"
	"strings"
)

// getFullPath is [System.IO.Path]::GetFullPath(path[, basePath]). Like
// .NET, a relative path is resolved against the process's working
// directory, which Set-Location does not change (in pwsh as here), or
// against basePath when given; "." and ".." segments are removed and a
// trailing separator is kept.
func getFullPath(name string, args []any) (any, bool, error) {
	if len(args) > 2 {
		return nil, true, errOverload(name, len(args))
	}
	if args[0] == nil {
		return nil, true, errMethodCall(name, len(args), "ArgumentNullException", "Value cannot be null. (Parameter 'path')")
	}
	p := ToString(args[0])
	if p == "" {
		return nil, true, errMethodCall(name, len(args), "ArgumentException", "The value cannot be an empty string. (Parameter 'path')")
	}
	base := ""
	if len(args) == 2 {
		base = ToString(args[1])
		if !strings.HasPrefix(base, "/") {
			return nil, true, errMethodCall(name, len(args), "ArgumentException", "Basepath argument is not fully qualified. (Parameter 'basePath')")
		}
	} else if wd, err := os.Getwd(); err == nil {
		base = wd
	} else {
		base = "/"
	}
	return FullPath(p, base), true, nil
}

// FullPath makes p absolute against base (when relative) and normalizes
// it as .NET's Path.GetFullPath does on Unix: "." and ".." segments and
// doubled separators go, a trailing separator stays.
func FullPath(p, base string) string {
	if !strings.HasPrefix(p, "/") {
		p = strings.TrimRight(base, "/") + "/" + p
	}
	trailing := strings.HasSuffix(p, "/")
	c := path.Clean(p)
	if trailing && c != "/" {
		c += "/"
	}
	return c
}
