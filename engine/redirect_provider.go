package engine

// providerSink collects what a redirection sends to a path of a flat
// provider (1..3 > variable:a) and sets the item to those objects, as
// they are, when the command ends; >> appends to what the item holds.
type providerSink struct {
	f      *frame
	ip     ItemPath
	append bool
	items  []any
	done   bool
}

func (s *providerSink) add(v any) error {
	s.items = append(s.items, v)
	return nil
}

func (s *providerSink) close() error {
	if s.done {
		return nil
	}
	s.done = true
	items := s.items
	if s.append && s.ip.Provider == VariableProvider {
		if old := s.f.scope.Lookup(s.ip.Path); old != nil && old.Value != nil {
			prev, ok := old.Value.([]any)
			if !ok {
				prev = []any{old.Value}
			}
			items = append(append([]any(nil), prev...), items...)
		}
	}
	var v any
	switch len(items) {
	case 0:
	case 1:
		v = items[0]
	default:
		v = items
	}
	return s.f.setProviderItem(s.ip, v)
}

// redirectTarget resolves the target of a file redirection: a file-system
// path, or the sink of a flat provider's item; a missing drive is an
// error.
func (f *frame) redirectTarget(target string, appendTo bool) (path string, sink *providerSink, err error) {
	ip, err := f.rt.ResolveItemPath(target)
	if err != nil {
		return "", nil, err
	}
	if ip.IsFileSystem() {
		return ip.Path, nil, nil
	}
	return "", &providerSink{f: f, ip: ip, append: appendTo}, nil
}
