//go:build linux

package badgerstore

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Badger maps every table file into memory (shared, read-only once
// written), and the kernel counts each page of them a scan or a compaction
// has touched in the process's resident set until the mapping goes: a
// listing of 1 000 000 users, which reads every table once, would show
// the whole store (1.5 GB) as resident, and so would a bulk load, whose
// compactions read and write all of it. Those pages are the kernel's page
// cache, not the process's memory; tableResidency keeps them from piling
// up in the process: whenever the mapped table pages counted in RssFile
// pass tableResidencyBudget it drops them from the process's page tables
// (madvise MADV_DONTNEED on shared file mappings only: their data stays in
// the page cache, and a later read faults the page back in; no write is
// lost, as a shared mapping's dirty pages belong to the file).
//
// It checks every 25 ms: a listing reads a 16 KB block per point read and
// touched some 600 MB of table pages a second, so checked every 100 ms
// they reached 140 MB between two checks (a million-user listing's peak
// RSS 198–207 MB; 127 MB at 25 ms, for ~40 reads of /proc/self/status a
// second, some 0.1 % of a core when idle).
const (
	tableResidencyBudget = 48 << 20
	tableResidencyEvery  = 25 * time.Millisecond
)

var tableResidencyOnce sync.Once

// watchTableResidency starts, once per process, the watcher that bounds
// the table pages resident in the process (an on-disk Open calls it).
func watchTableResidency() {
	tableResidencyOnce.Do(func() {
		go func() {
			tick := time.NewTicker(tableResidencyEvery)
			defer tick.Stop()
			for range tick.C {
				if residentFileBytes() > tableResidencyBudget {
					dropTablePages()
				}
			}
		}()
	})
}

// residentFileBytes is the process's RssFile (resident pages of mapped
// files), 0 when /proc cannot tell.
func residentFileBytes() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	_, rest, ok := bytes.Cut(b, []byte("\nRssFile:"))
	if !ok {
		return 0
	}
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(string(line)), " kB"), 10, 64)
	if err != nil {
		return 0
	}
	return kb << 10
}

// dropTablePages drops the resident pages of every shared mapping of a
// Badger table file (*.sst) from the process's page tables.
func dropTablePages() {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// "start-end perms offset dev inode path"
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || !strings.HasSuffix(fields[5], ".sst") || len(fields[1]) < 4 || fields[1][3] != 's' {
			continue
		}
		lo, hi, ok := strings.Cut(fields[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), syscall.MADV_DONTNEED)
	}
}
