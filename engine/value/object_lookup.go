package value

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// smallObject is how many properties an Object finds by comparing names
// before it keeps an index: most objects (a CSV row, a
// [pscustomobject]@{…}, a cmdlet's record) have a handful, and for them
// hashing a lower-cased copy of the name — an allocation whenever the name
// has a capital — costs more than a few comparisons.
const smallObject = 16

// find returns the position of the property named name (any case), -1
// when there is none.
func (o *Object) find(name string) int {
	if o.index != nil {
		if i, ok := o.index[strings.ToLower(name)]; ok {
			return i
		}
		return -1
	}
	for i, p := range o.props {
		if sameLower(p.Name, name) {
			return i
		}
	}
	return -1
}

// add appends p (a name the object does not have), indexing the
// properties once there are more than smallObject.
func (o *Object) add(p *Property) {
	o.props = append(o.props, p)
	switch {
	case o.index != nil:
		o.index[strings.ToLower(p.Name)] = len(o.props) - 1
	case len(o.props) > smallObject:
		o.index = make(map[string]int, 2*len(o.props))
		for i, q := range o.props {
			o.index[strings.ToLower(q.Name)] = i
		}
	}
}

// newProperty returns a zero Property from the object's slab, allocating
// a new block when it is full (a property's address never changes: a
// full block stays where it is).
func (o *Object) newProperty() *Property {
	if len(o.slab) == cap(o.slab) {
		o.slab = make([]Property, 0, max(4, len(o.props)))
	}
	o.slab = o.slab[:len(o.slab)+1]
	return &o.slab[len(o.slab)-1]
}

// sameLower reports whether strings.ToLower(a) == strings.ToLower(b),
// without making either: rune by rune, an invalid byte standing for
// U+FFFD as it does in ToLower's result.
func sameLower(a, b string) bool {
	for a != "" && b != "" {
		ca, cb := a[0], b[0]
		if ca < utf8.RuneSelf && cb < utf8.RuneSelf {
			if ca != cb && lowerASCII(ca) != lowerASCII(cb) {
				return false
			}
			a, b = a[1:], b[1:]
			continue
		}
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb && unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

// lowerASCII lower-cases an ASCII letter.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
