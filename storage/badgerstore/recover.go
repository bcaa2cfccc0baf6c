package badgerstore

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/csshell/csshell/storage"
)

// recoverBadger, deferred at every entry point of the store (View,
// Update, UpdateDeferred, Sync, Close; Open has openBadger and the
// preflight), turns a panic raised inside Badger — a damaged file read
// through its memory maps, an assertion on bad data — into a
// *storage.DamagedError, so that csshell prints one line instead of a
// stack trace. A panic raised by the caller's own code (a bug in a
// cmdlet's fn) is not the store's to explain: it goes on up.
func (b *Badger) recoverBadger(doing string, errp *error) {
	r := recover()
	if r == nil {
		return
	}
	if !raisedInBadger(debug.Stack()) {
		panic(r)
	}
	*errp = &storage.DamagedError{Dir: b.storeDir(),
		Problem: "Badger failed while " + doing + " it: " + firstLine(fmt.Sprint(r))}
}

// raisedInBadger reports whether the goroutine's stack (debug.Stack, taken
// in a deferred recover) shows the panic raised in Badger or its ristretto
// maps: the first frame after the panic that is not the standard
// library's (the runtime's, or encoding/binary's called by Badger).
func raisedInBadger(stack []byte) bool {
	s := string(stack)
	i := strings.Index(s, "\npanic(")
	if i < 0 {
		return false
	}
	for _, line := range strings.Split(s[i+1:], "\n")[1:] {
		if line == "" || strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "panic(") {
			continue // a file:line line, or the panic itself
		}
		fn, _, _ := strings.Cut(line, "(")
		first, _, nested := strings.Cut(fn, "/")
		if !nested || !strings.Contains(first, ".") {
			continue // the standard library (its paths have no dot)
		}
		return strings.HasPrefix(fn, "github.com/dgraph-io/")
	}
	return false
}
