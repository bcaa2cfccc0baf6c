package badgerstore

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"
)

// memProbeEnv makes the test binary a probe (see TestMain): it opens a
// store in the directory named after "slim:" or "default:", prints
// "heap=<bytes> rss=<bytes>" and exits, so the figures are those of a
// fresh process, not of whatever the tests allocated before.
const memProbeEnv = "CSSHELL_STORAGE_MEMPROBE"

func memProbe(probe string) int {
	kind, dir, _ := strings.Cut(probe, ":")
	before := heapInUse()
	var closeFn func() error
	switch kind {
	case "open": // TestInUseOtherProcess: print what a second process gets
		s, err := Open(dir)
		if err != nil {
			fmt.Printf("%T: %v\n", err, err)
			return 0
		}
		s.Close()
		fmt.Println("opened")
		return 0
	case "slim":
		s, err := Open(dir)
		if err != nil {
			fmt.Println(err)
			return 1
		}
		closeFn = s.Close
	default: // Badger's own defaults, for comparison
		db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
		if err != nil {
			fmt.Println(err)
			return 1
		}
		closeFn = db.Close
	}
	fmt.Printf("heap=%d rss=%d\n", heapInUse()-before, rss())
	closeFn()
	return 0
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// rss is VmRSS from /proc/self/status (0 where there is none).
func rss() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var kb uint64
		if _, err := fmt.Sscanf(sc.Text(), "VmRSS: %d kB", &kb); err == nil {
			return kb << 10
		}
	}
	return 0
}

// TestMemoryAfterOpen reports (go test -v -run Memory) the Go heap in use
// and the process RSS after opening the 12-user demo store, slim against
// Badger's defaults, and holds the slim figures to a budget.
func TestMemoryAfterOpen(t *testing.T) {
	if testing.Short() {
		t.Skip("starts subprocesses")
	}
	dir := t.TempDir() + "/tenant"
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	probe := func(kind string) (heap, rss uint64) {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), memProbeEnv+"="+kind+":"+dir)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s probe: %v %s", kind, err, out)
		}
		if _, err := fmt.Sscanf(string(out), "heap=%d rss=%d", &heap, &rss); err != nil {
			t.Fatalf("%s probe said %q", kind, out)
		}
		return heap, rss
	}
	const mb = 1 << 20
	sh, sr := probe("slim")
	dh, dr := probe("default")
	t.Logf("after Open of the demo store: slim heap %.1f MB, RSS %.1f MB; Badger defaults heap %.1f MB, RSS %.1f MB",
		float64(sh)/mb, float64(sr)/mb, float64(dh)/mb, float64(dr)/mb)
	if sh > 32*mb {
		t.Errorf("heap after Open = %.1f MB, budget 32 MB", float64(sh)/mb)
	}
}
