package pester

import (
	"time"

	"github.com/csshell/csshell/engine/value"
)

// Version is the Pester version csshell's module reports.
const Version = "5.7.1"

// results are the counts and lists of a finished run
// (PostProcess-RspecTestRun).
type results struct {
	containers                                    []*container
	tests                                         []*test
	passed, failed, skipped, inconclusive, notRun int
	failedTests                                   []*test
	failedBlocks                                  []*block
	failedContainers                              []*container
	duration, discovery                           time.Duration
	executedAt                                    time.Time
	deprecatedPending                             bool
}

// collect fills the results from the containers run.
func collect(cts []*container) *results {
	res := &results{containers: cts}
	for _, ct := range cts {
		if len(ct.errs) > 0 {
			res.failedContainers = append(res.failedContainers, ct)
		}
		res.discovery += ct.discovery
		res.duration += ct.discovery + ct.user + ct.framework
		if ct.root == nil {
			continue
		}
		for _, b := range ct.root.blocks() {
			if len(b.errs) > 0 {
				res.failedBlocks = append(res.failedBlocks, b)
			}
		}
		if len(ct.root.errs) > 0 {
			res.failedBlocks = append(res.failedBlocks, ct.root)
		}
		for _, t := range ct.root.tests() {
			if !t.shouldRun {
				continue
			}
			if t.result == "" {
				t.result = "NotRun"
			}
			res.tests = append(res.tests, t)
			switch t.result {
			case "Passed":
				res.passed++
			case "Failed":
				res.failed++
				res.failedTests = append(res.failedTests, t)
			case "Skipped":
				res.skipped++
			case "Inconclusive":
				res.inconclusive++
			default:
				res.notRun++
			}
		}
	}
	return res
}

// failedCount is what the exit code and Run.Throw count.
func (res *results) failedCount() int {
	return res.failed + len(res.failedBlocks) + len(res.failedContainers)
}

// outcome is "Passed" or "Failed".
func (res *results) outcome() string {
	if res.failedCount() > 0 {
		return "Failed"
	}
	return "Passed"
}

// runObject is the Pester.Run result object (-PassThru).
func (res *results) runObject(cfg *config) *value.Object {
	o := value.NewObject("Pester.Run", "System.Object")
	tests := make([]any, 0, len(res.tests))
	byResult := map[string][]any{}
	for _, t := range res.tests {
		to := t.object()
		tests = append(tests, to)
		byResult[t.result] = append(byResult[t.result], to)
	}
	cts := make([]any, 0, len(res.containers))
	var failedCts []any
	for _, ct := range res.containers {
		co := ct.object()
		cts = append(cts, co)
		if len(ct.errs) > 0 {
			failedCts = append(failedCts, co)
		}
	}
	var failedBlocks []any
	for _, b := range res.failedBlocks {
		failedBlocks = append(failedBlocks, b.object())
	}
	list := func(items []any) []any {
		if items == nil {
			return []any{}
		}
		return items
	}
	o.Set("Containers", cts)
	o.Set("Result", res.outcome())
	o.Set("FailedCount", int32(res.failed))
	o.Set("FailedBlocksCount", int32(len(res.failedBlocks)))
	o.Set("FailedContainersCount", int32(len(res.failedContainers)))
	o.Set("PassedCount", int32(res.passed))
	o.Set("SkippedCount", int32(res.skipped))
	o.Set("InconclusiveCount", int32(res.inconclusive))
	o.Set("NotRunCount", int32(res.notRun))
	o.Set("TotalCount", int32(len(res.tests)))
	o.Set("Duration", res.duration)
	o.Set("Executed", true)
	o.Set("ExecutedAt", res.executedAt)
	o.Set("Version", Version)
	o.Set("PSVersion", "7.4.6")
	o.Set("Configuration", cfg.object())
	o.Set("DiscoveryDuration", res.discovery)
	o.Set("UserDuration", res.duration-res.discovery)
	o.Set("FrameworkDuration", time.Duration(0))
	o.Set("Failed", list(byResult["Failed"]))
	o.Set("FailedBlocks", list(failedBlocks))
	o.Set("FailedContainers", list(failedCts))
	o.Set("Passed", list(byResult["Passed"]))
	o.Set("Skipped", list(byResult["Skipped"]))
	o.Set("Inconclusive", list(byResult["Inconclusive"]))
	o.Set("NotRun", list(byResult["NotRun"]))
	o.Set("Tests", list(tests))
	o.Set("CodeCoverage", nil)
	return o
}

// strings turns names into a list value.
func stringList(names []string) []any {
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = n
	}
	return out
}

// object is the Pester.Test result object.
func (t *test) object() *value.Object {
	o := value.NewObject("Pester.Test", "System.Object")
	path := append(t.block.path(false), t.name)
	errs := make([]any, len(t.errs))
	for i, e := range t.errs {
		errs[i] = e
	}
	o.Set("Name", t.name)
	o.Set("Path", stringList(path))
	o.Set("Data", t.data)
	o.Set("ExpandedName", t.expanded)
	o.Set("ExpandedPath", t.fullName(true))
	o.Set("Result", t.result)
	o.Set("ErrorRecord", errs)
	o.Set("Duration", t.duration)
	o.Set("ItemType", "Test")
	o.Set("GroupId", groupValue(t.groupID))
	o.Set("ScriptBlock", t.sb)
	o.Set("Tag", stringList(t.tags))
	o.Set("Skip", t.skip)
	o.Set("ShouldRun", t.shouldRun)
	o.Set("StartLine", int32(t.line))
	o.Set("Executed", t.executed)
	o.Set("Passed", t.result == "Passed")
	o.Set("Skipped", t.result == "Skipped")
	o.Set("Inconclusive", t.result == "Inconclusive")
	o.Set("UserDuration", t.duration)
	o.Set("FrameworkDuration", time.Duration(0))
	return o
}

// groupValue is a data-driven test's GroupId, $null for others.
func groupValue(id int) any {
	if id == 0 {
		return nil
	}
	return int32(id)
}

// object is the Pester.Block result object.
func (b *block) object() *value.Object {
	o := value.NewObject("Pester.Block", "System.Object")
	errs := make([]any, len(b.errs))
	for i, e := range b.errs {
		errs[i] = e
	}
	o.Set("Name", b.name)
	o.Set("Path", stringList(b.path(false)))
	o.Set("ExpandedName", b.expanded)
	o.Set("ExpandedPath", joinDots(b.path(true)))
	o.Set("ErrorRecord", errs)
	o.Set("Duration", b.duration)
	o.Set("ItemType", "Block")
	o.Set("Tag", stringList(b.tags))
	o.Set("Skip", b.skip)
	o.Set("IsRoot", b.isRoot)
	o.Set("Executed", b.executed)
	return o
}

// object is the Pester.Container result object.
func (ct *container) object() *value.Object {
	o := value.NewObject("Pester.Container", "System.Object")
	res := collect([]*container{ct})
	errs := make([]any, len(ct.errs))
	for i, e := range ct.errs {
		errs[i] = e
	}
	o.Set("Name", ct.path)
	o.Set("Type", "File")
	o.Set("Item", ct.path)
	o.Set("Result", res.outcome())
	o.Set("Duration", ct.discovery+ct.user+ct.framework)
	o.Set("FailedCount", int32(res.failed))
	o.Set("PassedCount", int32(res.passed))
	o.Set("SkippedCount", int32(res.skipped))
	o.Set("InconclusiveCount", int32(res.inconclusive))
	o.Set("NotRunCount", int32(res.notRun))
	o.Set("TotalCount", int32(len(res.tests)))
	o.Set("ErrorRecord", errs)
	o.Set("Executed", ct.executed)
	o.Set("DiscoveryDuration", ct.discovery)
	o.Set("UserDuration", ct.user)
	o.Set("FrameworkDuration", ct.framework)
	return o
}
