package badgerstore

import (
	"encoding/binary"
	"encoding/json"
	"runtime"
	"sync"

	"github.com/csshell/csshell/storage"
)

// Making a synthetic user is cheap; encoding it — its JSON record and its
// index entries — is most of what making a million of them costs, and
// sorting them (sortedSpill) is most of the rest. encodeUsers spreads the
// encoding over the machine's cores while the calling goroutine adds what
// comes out to the spill: on two cores a reset's users are made in about
// half the time.

// encodeBatchUsers is how many users one encoder hands over at a time.
const encodeBatchUsers = 256

// encodedBatch is a batch of users' entries in the spill's run format
// ("uvarint key length, uvarint value length, key, value"), or the error
// that stopped it.
type encodedBatch struct {
	data []byte
	err  error
}

// encodeUsers makes n users with next (called in one goroutine of its
// own, in turn: next need not be safe for concurrent use), encodes each
// into its record and index entries on encoder goroutines, and calls add
// with every entry, in the calling goroutine, in no set order. It stops
// at the first error, from next or add.
func encodeUsers(n int, next func() (*storage.User, error), add func(key, val []byte) error) error {
	workers := max(1, min(runtime.GOMAXPROCS(0), 4))
	users := make(chan []*storage.User, workers)
	encoded := make(chan encodedBatch, workers)
	stop := make(chan struct{})
	var nextErr error
	go func() { // the maker
		defer close(users)
		for done := 0; done < n; {
			batch := make([]*storage.User, 0, min(encodeBatchUsers, n-done))
			for ; len(batch) < cap(batch); done++ {
				u, err := next()
				if err != nil {
					nextErr = err // read after users is closed
					return
				}
				batch = append(batch, u)
			}
			select {
			case users <- batch:
			case <-stop:
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for batch := range users {
				data, err := encodeUserBatch(batch)
				select {
				case encoded <- encodedBatch{data, err}:
				case <-stop:
				}
			}
		})
	}
	go func() {
		wg.Wait()
		close(encoded)
	}()
	var err error
	for b := range encoded {
		if err == nil {
			if err = b.err; err == nil {
				err = addEncoded(b.data, add)
			}
			if err != nil {
				close(stop) // the maker and encoders finish; encoded closes
			}
		}
	}
	if err != nil {
		return err
	}
	return nextErr // encoded is closed: the maker is done
}

// encodeUserBatch encodes users' records and index entries.
func encodeUserBatch(users []*storage.User) ([]byte, error) {
	var data []byte
	put := func(key, val []byte) {
		data = binary.AppendUvarint(data, uint64(len(key)))
		data = binary.AppendUvarint(data, uint64(len(val)))
		data = append(append(data, key...), val...)
	}
	for _, u := range users {
		val, err := json.Marshal(u)
		if err != nil {
			return nil, err
		}
		for _, e := range storage.UserIndex(u) {
			put(e.Key, e.Val)
		}
		put(storage.UserKey(u.ID), val)
	}
	return data, nil
}

// addEncoded calls add with each entry of an encoded batch.
func addEncoded(data []byte, add func(key, val []byte) error) error {
	for off := 0; off < len(data); {
		key, val, end := entryEnd(data, uint32(off))
		if err := add(key, val); err != nil {
			return err
		}
		off = end
	}
	return nil
}
