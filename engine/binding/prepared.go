package binding

// Prepared is a command's parameters made ready for binding: the binder's
// tables (each parameter's sets, type class and value type, the common
// parameters) built once from a Meta and shared by every invocation of
// the command. A bulk loop such as Import-Csv | ForEach-Object { Set-…
// -Identity $_.UserPrincipalName } binds the same cmdlet once per row;
// rebuilding the tables each time cost more than the binding itself.
// A Prepared is never changed after Prepare, so concurrent binds may
// share it; the Meta it was made from must not change either.
type Prepared struct {
	b *binder
}

// Prepare builds the binder's tables of m.
func Prepare(m *Meta) *Prepared {
	return &Prepared{b: newBinder(m)}
}

// Meta returns the command description p was prepared from.
func (p *Prepared) Meta() *Meta { return p.b.m }

// Bind binds a command line as Bind does, on the prepared tables.
func (p *Prepared) Bind(args []Arg, opt Options) (*Binding, error) {
	r := newRun(p.b, args, nil)
	if err := r.bindLine(); err != nil {
		return nil, err
	}
	res := &Binding{Params: r.params, b: r.b, cands: r.cands, Unbound: flattenUnbound(r.unbound, len(args))}
	return res, r.b.finish(res, opt)
}
