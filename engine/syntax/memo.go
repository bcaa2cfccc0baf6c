package syntax

import "math"

// tokMemo remembers the token scanned at each position in each mode, so a
// parser that backtracks never scans (nor records the side effects of
// scanning) a token twice. It also owns the tokens themselves.
//
// The tokens live in chunks of up to tokChunk, handed out in order by
// newTok: one allocation per chunk instead of one per token. A token is
// named by its chunk and place in it (tok.id), and an entry maps a key
// (position and mode) to that id, so entries hold no pointers for the
// garbage collector to scan.
//
// The parser scans forward, so almost every entry is put with a key above
// all the keys before it, or at the position of the greatest key (in
// another mode): those go to the end of log, which stays sorted and is
// written in order. The others (a string token is put after the tokens of
// the subexpressions inside it) go to side, a small hash table. Look-ups
// are nearly all near the last token scanned (a peek, the same peek again
// deeper in the parser, the next token): a key above every key put is not
// there, recent (a direct-mapped copy of the entries last put or found)
// answers most of the others, and the search of log starts from its end.
//
// A hash table of every entry, the previous version, spent most of its
// time on cache misses, one per token put; before it, a Go map keyed by
// position and mode took a third of the time of parsing a 10 000-line
// script, and a table indexed by every position allocated more than the
// syntax tree. Positions too large for a 32-bit key (texts over a
// gigabyte) go to the map far.
type tokMemo struct {
	log    []memoSlot // entries in increasing key order
	side   memoTable  // entries put below the greatest key's position
	recent [recentSize]memoSlot
	chunks [][]tok // every token, up to tokChunk to a chunk
	far    map[uint64]uint32
	hint   int // the length of the text, to size log and the first chunk
}

// memoSlot is one entry of a tokMemo: key 0 is an empty slot.
type memoSlot struct {
	key uint32 // pos*modeCount + mode + 1
	id  uint32 // the token's tok.id
}

// tokChunk is how many tokens one allocation holds at most (32 KB, the
// largest size class of small objects).
const tokChunk = 256

// recentSize is the number of entries of tokMemo.recent, a power of two.
const recentSize = 64

// modeCount is how many scanning modes there are.
const modeCount = int(modeArgBare) + 1

// bytesPerToken is a low estimate of the source bytes per memoized token
// of a typical script, to size log once; bytesPerSideEntry is the same
// for side.
const (
	bytesPerToken     = 6
	bytesPerSideEntry = 64
)

// memoKeyOf is the key of position i in mode m; ok is false when it does
// not fit in 32 bits.
func memoKeyOf(i int, m mode) (uint32, bool) {
	k := uint64(i)*uint64(modeCount) + uint64(m) + 1
	return uint32(k), k <= math.MaxUint32
}

// newTok returns a zero token with its id set, from the current chunk.
// The first chunk is sized from the length of the text and the next ones
// double up to tokChunk, so that parsing a short command line does not
// clear a whole chunk.
func (tm *tokMemo) newTok() *tok {
	c := len(tm.chunks) - 1
	if c < 0 || len(tm.chunks[c]) == cap(tm.chunks[c]) {
		n := min(max(tm.hint/bytesPerToken, 16), tokChunk)
		if c >= 0 {
			n = min(2*cap(tm.chunks[c]), tokChunk)
		}
		tm.chunks = append(tm.chunks, make([]tok, 0, n))
		c++
	}
	id := c*tokChunk + len(tm.chunks[c])
	tm.chunks[c] = tm.chunks[c][:len(tm.chunks[c])+1]
	t := &tm.chunks[c][len(tm.chunks[c])-1]
	t.id = uint32(id)
	return t
}

// byID returns the token whose tok.id is id.
func (tm *tokMemo) byID(id uint32) *tok { return &tm.chunks[id/tokChunk][id%tokChunk] }

// get returns the token memoized at i in mode m, nil when none is.
func (tm *tokMemo) get(i int, m mode) *tok {
	if i < 0 {
		return nil
	}
	key, ok := memoKeyOf(i, m)
	if !ok {
		if id, ok := tm.far[uint64(i)*uint64(modeCount)+uint64(m)]; ok {
			return tm.byID(id)
		}
		return nil
	}
	if len(tm.log) == 0 || key > tm.log[len(tm.log)-1].key {
		return nil
	}
	if r := tm.recent[key%recentSize]; r.key == key {
		return tm.byID(r.id)
	}
	id, ok := uint32(0), false
	if j := tm.inLog(key); j >= 0 {
		id, ok = tm.log[j].id, true
	} else if !tm.atTop(key) {
		id, ok = tm.side.get(key)
	}
	if !ok {
		return nil
	}
	tm.recent[key%recentSize] = memoSlot{key, id}
	return tm.byID(id)
}

// put memoizes t, which newTok made, as the token at i in mode m.
func (tm *tokMemo) put(i int, m mode, t *tok) {
	if i < 0 {
		return
	}
	key, ok := memoKeyOf(i, m)
	if !ok {
		if tm.far == nil {
			tm.far = map[uint64]uint32{}
		}
		tm.far[uint64(i)*uint64(modeCount)+uint64(m)] = t.id
		return
	}
	switch n := len(tm.log); {
	case n == 0 || key > tm.log[n-1].key:
		if tm.log == nil {
			tm.log = make([]memoSlot, 0, tm.hint/bytesPerToken+16)
		}
		tm.log = append(tm.log, memoSlot{key, t.id})
	default:
		if j := tm.inLog(key); j >= 0 {
			tm.log[j].id = t.id
		} else if tm.atTop(key) {
			// Another mode at the last position: into log, in order.
			j := n
			for j > 0 && tm.log[j-1].key > key {
				j--
			}
			tm.log = append(tm.log, memoSlot{})
			copy(tm.log[j+1:], tm.log[j:n])
			tm.log[j] = memoSlot{key, t.id}
		} else {
			if tm.side.slots == nil {
				tm.side.reserve(tm.hint / bytesPerSideEntry)
			}
			tm.side.put(key, t.id)
		}
	}
	tm.recent[key%recentSize] = memoSlot{key, t.id}
}

// atTop reports whether key is of the position of the greatest key put.
// No entry of side is: an entry goes there only when a greater position
// has been put, and what that is never decreases.
func (tm *tokMemo) atTop(key uint32) bool {
	return (key-1)/uint32(modeCount) == (tm.log[len(tm.log)-1].key-1)/uint32(modeCount)
}

// inLog returns the index of key in log, or -1. The search gallops back
// from the end, where most keys looked for are, then bisects.
func (tm *tokMemo) inLog(key uint32) int {
	hi := len(tm.log) // every entry from hi on has a greater key
	lo := hi - 1
	for step := 1; lo > 0 && tm.log[lo].key > key; step *= 2 {
		hi = lo
		lo = max(hi-step, 0)
	}
	lo = max(lo, 0)
	for lo < hi { // the first entry in [lo, hi) whose key is >= key
		mid := int(uint(lo+hi) >> 1)
		if tm.log[mid].key < key {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(tm.log) && tm.log[lo].key == key {
		return lo
	}
	return -1
}

// memoTable is a hash table from key to token id: open addressing, linear
// probing, multiplicative hashing.
type memoTable struct {
	slots []memoSlot // len a power of two (1 << bits), or none
	bits  uint
	n     int
}

// slot is where the search for key starts.
func (mt *memoTable) slot(key uint32) uint32 { return (key * 0x9E3779B1) >> (32 - mt.bits) }

// get returns the id stored for key.
func (mt *memoTable) get(key uint32) (uint32, bool) {
	if mt.n == 0 {
		return 0, false
	}
	mask := uint32(len(mt.slots) - 1)
	for j := mt.slot(key); ; j = (j + 1) & mask {
		switch mt.slots[j].key {
		case key:
			return mt.slots[j].id, true
		case 0:
			return 0, false
		}
	}
}

// put stores id for key.
func (mt *memoTable) put(key, id uint32) {
	if 2*(mt.n+1) > len(mt.slots) {
		mt.grow()
	}
	mask := uint32(len(mt.slots) - 1)
	for j := mt.slot(key); ; j = (j + 1) & mask {
		switch mt.slots[j].key {
		case key:
			mt.slots[j].id = id
			return
		case 0:
			mt.slots[j] = memoSlot{key, id}
			mt.n++
			return
		}
	}
}

// reserve sizes the empty table for n entries.
func (mt *memoTable) reserve(n int) {
	mt.bits = 8
	for 1<<mt.bits < 2*n && mt.bits < 30 {
		mt.bits++
	}
	mt.slots = make([]memoSlot, 1<<mt.bits)
}

// grow doubles the table (256 slots at first).
func (mt *memoTable) grow() {
	old := mt.slots
	if mt.bits == 0 {
		mt.bits = 8
	} else {
		mt.bits++
	}
	mt.slots = make([]memoSlot, 1<<mt.bits)
	mask := uint32(len(mt.slots) - 1)
	for _, s := range old {
		if s.key == 0 {
			continue
		}
		j := mt.slot(s.key)
		for mt.slots[j].key != 0 {
			j = (j + 1) & mask
		}
		mt.slots[j] = s
	}
}
