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

// intParam is an integer parameter read with a default that also applies
// when the parameter is bound to $null (a compiled cmdlet's value-type
// parameter keeps a $null argument as nil, which Param[int] reads as 0).
type intParam struct {
	n   engine.Param[int]
	raw engine.Param[any]
}

// declareInt returns the handle of an integer parameter.
func declareInt(p *engine.ParamInfo) intParam {
	return intParam{n: engine.Declare[int](p), raw: engine.Declare[any](p)}
}

// Info is the declaration, for the cmdlet's Params list.
func (p intParam) Info() *engine.ParamInfo { return p.n.Info() }

// Given reports whether the parameter is bound in this call.
func (p intParam) Given(c *engine.Call) bool { return p.n.Given(c) }

// Or returns the bound value, or def when the parameter is unbound, $null
// or not convertible to an integer.
func (p intParam) Or(c *engine.Call, def int) int {
	if v, ok := p.raw.Lookup(c); !ok || v == nil {
		return def
	}
	return p.n.Or(c, def)
}
