package powershell

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// fsPaths are the -Path and -LiteralPath handles of a cmdlet that takes a
// list of paths.
type fsPaths struct {
	path, literalPath engine.Param[[]string]
}

// declareFsPaths returns the handles of path and literalPath.
func declareFsPaths(path, literalPath *engine.ParamInfo) fsPaths {
	return fsPaths{path: engine.Declare[[]string](path), literalPath: engine.Declare[[]string](literalPath)}
}

// args returns the raw paths of -Path or -LiteralPath and whether they are
// literal.
func (p fsPaths) args(c *engine.Call) ([]string, bool) {
	if p.literalPath.Given(c) {
		return p.literalPath.Get(c), true
	}
	return p.path.Get(c), false
}

// fsFilters are the -Filter, -Include and -Exclude handles of a
// file-system cmdlet.
type fsFilters struct {
	filter           engine.Param[string]
	include, exclude engine.Param[[]string]
}

// declareFsFilters returns the handles of filter, include and exclude.
func declareFsFilters(filter, include, exclude *engine.ParamInfo) fsFilters {
	return fsFilters{filter: engine.Declare[string](filter),
		include: engine.Declare[[]string](include), exclude: engine.Declare[[]string](exclude)}
}

// included applies -Include and -Exclude to an item name.
func (f fsFilters) included(c *engine.Call, name string) bool {
	if inc := f.include.Get(c); len(inc) > 0 {
		ok := false
		for _, pat := range inc {
			if value.Like(name, pat, false) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	for _, pat := range f.exclude.Get(c) {
		if value.Like(name, pat, false) {
			return false
		}
	}
	return true
}

// matches applies -Filter, then -Include and -Exclude, to an item name.
func (f fsFilters) matches(c *engine.Call, name string) bool {
	if pat := f.filter.Get(c); pat != "" && !value.Like(name, pat, false) {
		return false
	}
	return f.included(c, name)
}
