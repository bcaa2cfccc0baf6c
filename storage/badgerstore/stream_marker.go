package badgerstore

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/csshell/csshell/internal/atomicfile"
)

// A reset that streams its users (synthetic_stream.go) has Badger's
// StreamWriter write tables that the MANIFEST names only once each is
// whole on disk. A kill before that leaves a table the MANIFEST does not
// name and whose data is found nowhere else — what preflight otherwise takes
// for a cut MANIFEST and refuses. The stream therefore leaves a marker
// beside the tables first, naming the version every streamed entry
// carries: an unnamed table holding exactly that version is the
// interrupted stream's (Badger removes it at open, and the pending reset
// is done again from the start), anything else is still damage.

// streamMarkerName is the marker's file name in the store directory.
const streamMarkerName = "csshell-stream"

// writeStreamMarker records, durably, that tables of version are about to
// be streamed into dir.
func writeStreamMarker(dir string, version uint64) error {
	return atomicfile.WriteFile(filepath.Join(dir, streamMarkerName),
		[]byte("csshell stream version "+strconv.FormatUint(version, 10)+"\n"), 0o600)
}

// removeStreamMarker removes the marker once the stream is in the
// MANIFEST (or no reset is pending).
func removeStreamMarker(dir string) error {
	err := os.Remove(filepath.Join(dir, streamMarkerName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return atomicfile.SyncDir(dir)
}

// readStreamMarker returns the version an interrupted stream wrote its
// tables with; ok is false when there is no marker.
func readStreamMarker(dir string) (version uint64, ok bool, err error) {
	data, err := os.ReadFile(filepath.Join(dir, streamMarkerName))
	if errors.Is(err, fs.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	text, found := strings.CutPrefix(strings.TrimSpace(string(data)), "csshell stream version ")
	v, perr := strconv.ParseUint(text, 10, 64)
	if !found || perr != nil {
		return 0, false, fmt.Errorf("its stream marker %s is damaged", streamMarkerName)
	}
	return v, true, nil
}
