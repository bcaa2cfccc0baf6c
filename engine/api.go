package engine

// GetMember reads a property of any value as the language does ($x.Name):
// PSCustomObject properties, hashtable keys, members of strings, numbers,
// dates, and the engine's own values (error records, script blocks).
func GetMember(v any, name string) (any, bool) { return getMember(v, name) }

// ScriptScope returns the nearest script scope enclosing s ($script:).
func (s *Scope) ScriptScope() *Scope { return s.scriptScope() }

// GlobalScope returns the outermost scope of s ($global:).
func (s *Scope) GlobalScope() *Scope { return s.global() }
