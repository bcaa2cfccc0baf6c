package complete

import (
	"github.com/csshell/csshell/engine/binding"
)

// line is what binding the command line would give, as far as completion
// needs it: the parameters already given, the parameter sets still
// possible, and the parameter the cursor element would bind to.
type line struct {
	bound map[*binding.ParamInfo]bool
	cands []string
	// target is the parameter whose value the cursor element is (named or
	// positional); nil when it binds to nothing known.
	target *binding.ParamInfo
}

// bindLine pseudo-binds the elements of a command line around the cursor
// element, as pwsh's binder would: named arguments first (narrowing the
// parameter sets), then positional values in position order.
func bindLine(sig *signature, els []element) line {
	ln := line{bound: map[*binding.ParamInfo]bool{}, cands: sig.initialSets()}
	valueOf := map[int]*binding.ParamInfo{}
	consumed := map[int]bool{}
	for i, e := range els {
		if !e.param || consumed[i] {
			continue
		}
		p := sig.match(e.name)
		if e.cursor && !e.attached {
			if e.colon {
				ln.target = p // -Name:<cursor>
			}
			continue // the name being typed binds nothing yet
		}
		if p != nil {
			ln.bound[p] = true
			if sig.isDeclared(p) {
				ln.cands = narrow(ln.cands, p)
			}
		}
		if e.cursor { // -Name:value<cursor>
			ln.target = p
			continue
		}
		next := i + 1
		if next >= len(els) {
			continue
		}
		switch {
		case e.colon && !e.attached: // -Name: value
			consumed[next], valueOf[next] = true, p
		case !e.colon && p != nil && !p.IsSwitch() && !els[next].param:
			consumed[next], valueOf[next] = true, p
		}
	}
	for i, e := range els {
		if e.cursor && consumed[i] {
			ln.target = valueOf[i]
		}
	}
	last := -1
	for i, e := range els {
		if e.param || consumed[i] {
			continue
		}
		group, pos := sig.nextPositional(ln.bound, ln.cands, last)
		if len(group) == 0 {
			if e.cursor {
				ln.target = sig.remaining(ln.bound, ln.cands)
			}
			continue
		}
		p := sig.orderGroup(group, ln.cands)[0]
		if e.cursor {
			ln.target = p
			break
		}
		ln.bound[p] = true
		last = pos
		if len(sig.universe) > 0 {
			ln.cands = narrow(ln.cands, p)
		}
	}
	return ln
}

// position is p's position among cands (declaration order for a plain
// function), or -1 when it is named only.
func (s *signature) position(p *binding.ParamInfo, cands []string) int {
	if !s.meta.CmdletBinding {
		pos := 0
		for _, d := range s.declared {
			if d.IsSwitch() {
				continue
			}
			if d == p {
				return pos
			}
			pos++
		}
		return -1
	}
	best := -1
	for _, set := range cands {
		if ps, ok := inSet(p, set); ok && ps.Position >= 0 && (best < 0 || ps.Position < best) {
			best = ps.Position
		}
	}
	return best
}

// nextPositional returns the unbound parameters at the smallest position
// after last among cands, and that position.
func (s *signature) nextPositional(bound map[*binding.ParamInfo]bool, cands []string, last int) ([]*binding.ParamInfo, int) {
	next := -1
	var group []*binding.ParamInfo
	for _, p := range s.declared {
		if bound[p] || takesRemaining(p) {
			continue
		}
		pos := s.position(p, cands)
		if pos < 0 || pos <= last || (next >= 0 && pos > next) {
			continue
		}
		if pos < next || next < 0 {
			next, group = pos, nil
		}
		group = append(group, p)
	}
	return group, next
}

// orderGroup puts the default set's parameters first.
func (s *signature) orderGroup(group []*binding.ParamInfo, cands []string) []*binding.ParamInfo {
	d := s.meta.DefaultSet
	if len(group) < 2 || d == "" || !containsFold(cands, d) {
		return group
	}
	var first, rest []*binding.ParamInfo
	for _, p := range group {
		if _, ok := inSet(p, d); ok {
			first = append(first, p)
		} else {
			rest = append(rest, p)
		}
	}
	return append(first, rest...)
}

// remaining is the unbound ValueFromRemainingArguments parameter of the
// candidate sets, if any.
func (s *signature) remaining(bound map[*binding.ParamInfo]bool, cands []string) *binding.ParamInfo {
	for _, p := range s.declared {
		if bound[p] {
			continue
		}
		for _, ps := range p.Sets {
			if ps.FromRemainingArgs && (ps.Name == binding.AllSets || containsFold(cands, ps.Name) || len(s.universe) == 0) {
				return p
			}
		}
	}
	return nil
}

func takesRemaining(p *binding.ParamInfo) bool {
	for _, ps := range p.Sets {
		if ps.FromRemainingArgs {
			return true
		}
	}
	return false
}
