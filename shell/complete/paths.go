package complete

import (
	"path/filepath"
	"sort"
	"strings"
)

// pathKind narrows what a path completion lists.
type pathKind int

const (
	anyPath     pathKind = iota // files and directories
	dirsOnly                    // Set-Location and friends
	scriptPaths                 // at command position: directories and .ps1 scripts
)

// pathSeparators are the separators a typed path may use; PowerShell
// accepts '\' on every system.
const pathSeparators = `/\`

// paths completes a file-system path: v is the typed value (unquoted), q
// the quote the user opened (0 for none). Relative paths are relative to
// the Source's location and '~' stands for the home directory, kept as
// typed. Directories come first and end with the OS separator.
func (c *Completer) paths(v string, q rune, kind pathKind) []Suggestion {
	dirPart, base := v, ""
	if i := strings.LastIndexAny(v, pathSeparators); i >= 0 {
		dirPart, base = v[:i+1], v[i+1:]
	} else {
		dirPart, base = "", v
	}
	if v == "~" {
		dirPart, base = "~"+string(filepath.Separator), ""
	}
	dir := c.resolveDir(dirPart)
	if dir == "" {
		return nil
	}
	entries, err := c.src.ReadDir(dir)
	if err != nil {
		return nil
	}
	m := newMatcher(base)
	var dirs, files []Suggestion
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
			continue // hidden, unless asked for
		}
		if !m.match(name) {
			continue
		}
		full := filepath.Join(dir, name)
		if e.IsDir() {
			dirs = append(dirs, Suggestion{Text: dirPart + name + string(filepath.Separator), Description: full})
			continue
		}
		if kind == dirsOnly || (kind == scriptPaths && !strings.EqualFold(filepath.Ext(name), ".ps1")) {
			continue
		}
		files = append(files, Suggestion{Text: dirPart + name, Description: full})
	}
	sortItems(dirs)
	sortItems(files)
	items := append(dirs, files...)
	for i := range items {
		t := items[i].Text
		if q != 0 || needsQuotes(t) {
			t = quote(t, q)
			if kind == scriptPaths && q == 0 && !strings.HasSuffix(items[i].Text, string(filepath.Separator)) {
				t = "& " + t // a quoted path runs only through the call operator
			}
		}
		items[i].Text = t
	}
	return capItems(items)
}

// resolveDir turns the directory part of a typed path into an absolute
// directory to list.
func (c *Completer) resolveDir(dirPart string) string {
	p := dirPart
	if filepath.Separator == '/' {
		p = strings.ReplaceAll(p, `\`, "/")
	}
	switch {
	case p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`):
		home := c.src.HomeDir()
		if home == "" {
			return ""
		}
		p = filepath.Join(home, p[1:])
	case p == "":
		p = c.src.Location()
	case !filepath.IsAbs(p):
		p = filepath.Join(c.src.Location(), p)
	}
	if p == "" {
		return ""
	}
	return filepath.Clean(p)
}

// looksLikePath reports whether a word at command position is a path
// rather than a command name: .\x, ./x, ~/x, /x, C:\x.
func looksLikePath(v string) bool {
	if v == "" {
		return false
	}
	if strings.HasPrefix(v, ".") || strings.HasPrefix(v, "~") || strings.ContainsAny(v, pathSeparators) {
		return true
	}
	return false
}

// sortedNames sorts strings case-insensitively (then ordinally).
func sortedNames(names []string) []string {
	sort.SliceStable(names, func(i, j int) bool { return lessFold(names[i], names[j]) })
	return names
}
