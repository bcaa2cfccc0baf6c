package format

import (
	"strings"
	"sync"
)

// Registry holds the default views, keyed by type name. It is safe for
// concurrent use.
type Registry struct {
	mu    sync.RWMutex
	views map[string]View
	// enumLimit reads $FormatEnumerationLimit; nil means the default.
	enumLimit func() int
}

// SetEnumerationLimit gives the registry the source of
// $FormatEnumerationLimit, read each time a collection is shown in a cell.
func (r *Registry) SetEnumerationLimit(f func() int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.enumLimit = f
}

// enumerationLimit is how many elements of a collection a cell shows.
func (r *Registry) enumerationLimit() int {
	if r == nil {
		return defaultEnumerationLimit
	}
	r.mu.RLock()
	f := r.enumLimit
	r.mu.RUnlock()
	if f == nil {
		return defaultEnumerationLimit
	}
	return f()
}

// NewRegistry returns a registry holding the built-in views: hashtable
// entries (Name/Value table), TimeSpan (list) and type literals (table).
func NewRegistry() *Registry {
	r := &Registry{views: map[string]View{}}
	for _, v := range builtinViews() {
		r.Register(v)
	}
	return r
}

// Register adds v, replacing any view for the same type name.
func (r *Registry) Register(v View) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.views[strings.ToLower(v.TypeName)] = v
}

// Lookup returns the view of the first type name that has one.
func (r *Registry) Lookup(typeNames []string) (View, bool) {
	if r == nil {
		return View{}, false
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, n := range typeNames {
		if v, ok := r.views[strings.ToLower(n)]; ok {
			return v, true
		}
	}
	return View{}, false
}

// defaultRegistry serves formatting calls given a nil registry.
var defaultRegistry = sync.OnceValue(NewRegistry)

// lookupKind is Lookup restricted to views of kind k.
func (r *Registry) lookupKind(typeNames []string, k Kind) (View, bool) {
	if r == nil {
		return View{}, false
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, n := range typeNames {
		if v, ok := r.views[strings.ToLower(n)]; ok && v.Kind == k {
			return v, true
		}
	}
	return View{}, false
}

// builtinViews are the pwsh views for the values the object model has
// natively (from DotNetTypes.format.ps1xml).
func builtinViews() []View {
	return []View{
		{TypeName: typeDictEntry, Kind: TableView, Columns: []Column{
			{Label: "Name", Property: "Name", Width: 30, Align: AlignLeft},
			{Label: "Value", Property: "Value", Align: AlignLeft},
		}},
		{TypeName: typeTimeSpan, Kind: ListView, Columns: propColumns(
			"Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks",
			"TotalDays", "TotalHours", "TotalMinutes", "TotalSeconds", "TotalMilliseconds")},
		{TypeName: typeRuntimeType, Kind: TableView, Columns: []Column{
			{Label: "IsPublic", Property: "IsPublic", Width: 8, Align: AlignLeft},
			{Label: "IsSerial", Property: "IsSerial", Width: 8, Align: AlignLeft},
			{Label: "Name", Property: "Name", Width: 40, Align: AlignLeft},
			{Label: "BaseType", Property: "BaseType", Align: AlignLeft},
		}},
	}
}

// propColumns makes one column per property name.
func propColumns(names ...string) []Column {
	cols := make([]Column, len(names))
	for i, n := range names {
		cols[i] = Column{Property: n}
	}
	return cols
}
