package pester

import (
	"time"

	"github.com/csshell/csshell/engine"
)

// Options configure the Pester module of one runtime.
type Options struct {
	// Isolate switches the session to a throwaway copy of its tenant for
	// one test file and returns how to switch back; nil when the session
	// has no tenant.
	Isolate func() (restore func(), err error)
	// Now is the clock durations are measured with; nil means time.Now
	// (tests fix it so that timings print as 0ms).
	Now func() time.Time
}

// module is the Pester module of one runtime: its options and the run in
// progress.
type module struct {
	opts Options
	run  *runState
	// proxies maps each mock's proxy cmdlet to the command it mocks, so
	// that mocking a mocked command mocks the original.
	proxies map[*engine.Cmdlet]*engine.CommandInfo
}

// now reads the module's clock.
func (m *module) now() time.Time {
	if m.opts.Now != nil {
		return m.opts.Now()
	}
	return time.Now()
}

// Phases of a run.
const (
	phaseDiscovery = iota
	phaseRun
)

// runState is one Invoke-Pester run.
type runState struct {
	phase     int
	container *container
	// cur is the block being discovered (discovery) or run (run).
	cur *block
	// test is the test running (nil in BeforeAll/AfterAll).
	test *test
	// mocks are the mocks in force, innermost last.
	mocks []*mock
	// calls are the calls the mocks handled.
	calls    []*mockCall
	groupSeq int
	cfg      *config
	out      *output
	// deprecatedPending is set once Set-ItResult -Pending is used.
	deprecatedPending bool
	// testDrive is the container's TestDrive folder.
	testDrive string
	// failedAt is the first failed test, for Run.SkipRemainingOnFailure.
	failedAt *test
}

// runOnly is Pester's error for Mock, Should -Invoke and Set-ItResult
// used during Discovery (or outside a run).
func (m *module) runOnly(cmd string) error {
	if m.run != nil && m.run.phase == phaseRun {
		return nil
	}
	return pesterError("PesterRunOnly", "%s can run only during Run, but not during Discovery.", cmd)
}
