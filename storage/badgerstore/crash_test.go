package badgerstore

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// crashChildEnv makes TestCrashChild the writer TestKill9DuringFlushes
// kills: it adds users to the store in the named directory, batch after
// batch, printing the total after each batch is durable, until killed.
const crashChildEnv = "CSSHELL_TEST_CRASH_CHILD"

// crashBatch is the users per batch: a few batches fill a memtable, so
// kills land during flushes and compactions.
const crashBatch = 4000

func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashChildEnv)
	if dir == "" {
		t.Skip("the writer TestKill9DuringFlushes starts")
	}
	s, err := Open(dir)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	for {
		if err := storage.AddSyntheticUsers(s, crashBatch); err != nil {
			fmt.Println("add:", err)
			os.Exit(3)
		}
		n := storagetest.Count(t, s)
		fmt.Println(n)
	}
}

// TestKill9DuringFlushes: a writer killed with SIGKILL while Badger
// flushes memtables and compacts tables leaves tables the MANIFEST does
// not name yet; every such crash state must open (the preflight's refusal
// is for damage, not crashes) with every acknowledged user. The runs
// default to 3; CSSHELL_CRASH_RUNS raises them.
func TestKill9DuringFlushes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills writers")
	}
	runs := 3
	if s := os.Getenv("CSSHELL_CRASH_RUNS"); s != "" {
		runs, _ = strconv.Atoi(s)
	}
	dir := filepath.Join(t.TempDir(), "tenant")
	acked := 12
	for run := range runs {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		for range 1 + rand.IntN(4) {
			if !lines.Scan() {
				break
			}
			n, err := strconv.Atoi(lines.Text())
			if err != nil {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("run %d: the writer said %q", run, lines.Text())
			}
			acked = n
		}
		cmd.Process.Kill()
		cmd.Wait()
		s, err := Open(dir)
		var de *storage.DamagedError
		if errors.As(err, &de) {
			t.Fatalf("run %d: a crash state was refused as damaged: %v", run, err)
		}
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		n := storagetest.Count(t, s)
		s.Close()
		if n < acked {
			t.Fatalf("run %d: %d users after the crash, %d were acknowledged", run, n, acked)
		}
		acked = n
	}
}
