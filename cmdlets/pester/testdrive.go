package pester

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/csshell/csshell/engine"
)

// newTestDrive makes the container's TestDrive: a new folder under the
// temporary directory, the drive TestDrive: mapped to it and $TestDrive
// holding its path in sc. The returned function removes all three.
func (m *module) newTestDrive(c *engine.Call, sc *engine.Scope) func() {
	dir, err := os.MkdirTemp("", "pester-testdrive-")
	if err != nil {
		return func() {}
	}
	rt := c.Runtime()
	rt.RemoveDrive("TestDrive")
	rt.NewDrive(&engine.Drive{Name: "TestDrive", Provider: engine.FileSystemProvider, Root: dir})
	sc.SetLocal("TestDrive", dir)
	m.run.testDrive = dir
	return func() {
		rt.RemoveDrive("TestDrive")
		os.RemoveAll(dir)
		m.run.testDrive = ""
	}
}

// testDriveSnapshot lists what TestDrive holds on entering a block.
func (m *module) testDriveSnapshot() map[string]bool {
	dir := m.run.testDrive
	if dir == "" {
		return nil
	}
	seen := map[string]bool{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			seen[p] = true
		}
		return nil
	})
	return seen
}

// testDriveRestore removes what a block created in TestDrive (changes to
// items that existed before are not undone, as in Pester).
func (m *module) testDriveRestore(before map[string]bool) {
	dir := m.run.testDrive
	if dir == "" || before == nil {
		return
	}
	var added []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !before[p] {
			added = append(added, p)
			if d.IsDir() {
				return filepath.SkipDir
			}
		}
		return nil
	})
	sort.Sort(sort.Reverse(sort.StringSlice(added)))
	for _, p := range added {
		os.RemoveAll(p)
	}
}

// mkdirAll creates a result file's folder when missing.
func mkdirAll(dir string) error { return os.MkdirAll(dir, 0o755) }
