package pester

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/csshell/csshell/engine"
)

// output writes Pester's console output (the WriteScreen plugin) at one
// verbosity, through Write-Host's information stream, coloured by the host
// with Pester's theme when it paints.
type output struct {
	c         *engine.Call
	verbosity string // None, Normal, Detailed, Diagnostic
	// topSeen counts the top-level blocks printed in the container.
	topSeen int
	// ci is the CI format failures are printed in: "" (plain),
	// AzureDevops or GithubActions (Output.CIFormat, Auto from TF_BUILD
	// and GITHUB_ACTIONS).
	ci string
}

// ciFormat resolves Output.CIFormat for the host's environment.
func ciFormat(format string, getenv func(string) string) string {
	switch strings.ToLower(format) {
	case "azuredevops":
		return "AzureDevops"
	case "githubactions":
		return "GithubActions"
	case "auto":
		if getenv == nil {
			return ""
		}
		if getenv("TF_BUILD") == "True" {
			return "AzureDevops"
		}
		if getenv("GITHUB_ACTIONS") == "True" {
			return "GithubActions"
		}
	}
	return ""
}

// ciError prints a failure in the CI format (Format-CIErrorMessage): a
// logging command with the header, then the message lines.
func (o *output) ciError(header string, errs []*engine.ErrorRecord, margin string) {
	var lines []string
	for i, e := range errs {
		msg, stack := displayError(e)
		ls := strings.Split(msg, "\n")
		if idx := indexOf(i, len(errs)); idx != nil {
			ls[0] = fmt.Sprintf("[%d] %s", *idx, ls[0])
		}
		for _, l := range append(ls, stack...) {
			lines = append(lines, margin+l)
		}
	}
	if o.ci == "AzureDevops" {
		o.line("##vso[task.logissue type=error] "+header, "")
		for _, l := range lines {
			o.line("##[error] "+l, "")
		}
		return
	}
	o.line("::error::"+strings.TrimLeft(header, " "), "")
	o.line("::group::Message", "")
	for _, l := range lines {
		o.line(strings.TrimLeft(l, " "), "")
	}
	o.line("::endgroup::", "")
}

// Pester's $ReportTheme colours.
const (
	colDescribe  = "Green"
	colContext   = "Cyan"
	colPass      = "DarkGreen"
	colFail      = "Red"
	colSkipped   = "Yellow"
	colInconcl   = "Gray"
	colTime      = "DarkGray"
	colDiscovery = "Magenta"
	colTotal     = "White"
)

// detailed reports whether blocks and passed tests are printed.
func (o *output) detailed() bool { return o.verbosity == "Detailed" || o.verbosity == "Diagnostic" }

// on reports whether anything is printed.
func (o *output) on() bool { return o.verbosity != "None" }

// write prints text in colour fg, without a newline when more follows.
func (o *output) write(text, fg string, more bool) {
	o.c.WriteInformation(&engine.HostMessage{Text: text, Foreground: fg, NoNewline: more})
}

// line prints one line in colour fg.
func (o *output) line(text, fg string) { o.write(text, fg, false) }

// humanTime is Get-HumanTime: whole milliseconds below a second, else
// seconds rounded to two places.
func humanTime(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%dms", int(math.Round(float64(d)/float64(time.Millisecond))))
	}
	s := math.Round(d.Seconds()*100) / 100
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", s), "0"), ".") + "s"
}

// timing is the " 12ms (9ms|3ms)" suffix of a test or container line.
func timing(total, user, framework time.Duration) string {
	return " " + humanTime(total) + " (" + humanTime(user) + "|" + humanTime(framework) + ")"
}

// header prints the lines before discovery.
func (o *output) header(files int, version string) {
	if !o.on() {
		return
	}
	if o.detailed() {
		o.line("Pester v"+version, colDiscovery)
	}
	o.line("\nStarting discovery in "+fmt.Sprint(files)+" files.", colDiscovery)
}

// discovered prints the discovery summary and the filter lines.
func (o *output) discovered(tests int, d time.Duration, filters [][2]string, selected int) {
	if !o.on() {
		return
	}
	o.line("Discovery found "+fmt.Sprint(tests)+" tests in "+humanTime(d)+".", colDiscovery)
	if o.detailed() && len(filters) > 0 {
		for _, f := range filters {
			o.line("Filter '"+f[0]+"' set to ("+f[1]+").", colDiscovery)
		}
		o.line("Filters selected "+fmt.Sprint(selected)+" tests to run.", colDiscovery)
	}
	o.line("Running tests.", colDiscovery)
}

// containerStart prints the container's line (Detailed).
func (o *output) containerStart(ct *container) {
	o.topSeen = 0
	if o.detailed() {
		o.line("\nRunning tests from '"+ct.path+"'", colDiscovery)
	}
}

// discoveryFailed prints a container whose discovery failed.
func (o *output) discoveryFailed(ct *container) {
	if !o.on() {
		return
	}
	o.line("[-] Discovery in "+ct.path+" failed with:", colFail)
	for _, e := range ct.errs {
		o.errorLines(e, "", nil)
	}
}

// containerEnd prints a passed container's line (Normal).
func (o *output) containerEnd(ct *container, passed, skipped bool) {
	if !o.on() || o.detailed() || len(ct.errs) > 0 {
		return
	}
	total := ct.discovery + ct.user + ct.framework
	switch {
	case skipped:
		o.write("[!] "+ct.path, colSkipped, true)
	case passed:
		o.write("[+] "+ct.path, colPass, true)
	default:
		return
	}
	o.line(timing(total, ct.user, ct.framework), colTime)
}

// blockLines prints the Describing/Context lines of b and its parents not
// printed yet (Detailed prints them late, so that names are expanded).
func (o *output) blockLines(b *block) {
	if !o.detailed() || b == nil || b.isRoot || b.shown {
		return
	}
	o.blockLines(b.parent)
	b.shown = true
	if b.parent.isRoot {
		if o.topSeen > 0 {
			o.line("", "")
		}
		o.topSeen++
	}
	indent := strings.Repeat(" ", b.depth()-1)
	name := b.expanded
	if name == "" {
		name = b.name
	}
	if b.isDescribe {
		o.line(indent+"Describing "+name, colDescribe)
	} else {
		o.line(indent+"Context "+name, colContext)
	}
}

// testDone prints a test's result.
func (o *output) testDone(t *test) {
	if !o.on() {
		return
	}
	tm := timing(t.duration, t.duration, 0)
	if !o.detailed() {
		if t.result != "Failed" {
			return
		}
		if o.ci != "" {
			o.ciError("[-] "+t.fullName(true)+tm, t.errs, " ")
			return
		}
		o.write("[-] "+t.fullName(true), colFail, true)
		o.line(tm, colTime)
		for i, e := range t.errs {
			o.errorLines(e, " ", indexOf(i, len(t.errs)))
		}
		return
	}
	o.blockLines(t.block)
	indent := strings.Repeat(" ", t.block.depth()+1)
	name := t.expanded
	switch t.result {
	case "Passed":
		o.write(indent+"[+] "+name, colPass, true)
	case "Skipped":
		if t.reason != "" {
			name += " " + t.reason
		}
		o.write(indent+"[!] "+name, colSkipped, true)
	case "Inconclusive":
		if t.reason != "" {
			name += " " + t.reason
		}
		o.write(indent+"[?] "+name, colInconcl, true)
	default:
		if o.ci != "" {
			o.ciError(indent+"[-] "+name+tm, t.errs, indent+" ")
			return
		}
		o.write(indent+"[-] "+name, colFail, true)
	}
	o.line(tm, colTime)
	if t.result == "Failed" {
		for i, e := range t.errs {
			o.errorLines(e, indent+" ", indexOf(i, len(t.errs)))
		}
	}
}

// indexOf is the "[i] " prefix of one of several errors, nil for one.
func indexOf(i, n int) *int {
	if n < 2 {
		return nil
	}
	return &i
}

// blockFailed prints a block whose BeforeAll or AfterAll failed.
func (o *output) blockFailed(b *block) {
	if !o.on() {
		return
	}
	indent := ""
	if o.detailed() {
		o.blockLines(b)
		indent = strings.Repeat(" ", b.depth())
	}
	o.line(indent+"[-] "+b.describeOrContext()+" "+joinDots(b.path(true))+" failed", colFail)
	for i, e := range b.errs {
		o.errorLines(e, indent+" ", indexOf(i, len(b.errs)))
	}
}

// errorLines prints an error's message and stack lines with a margin.
func (o *output) errorLines(e *engine.ErrorRecord, margin string, index *int) {
	msg, stack := displayError(e)
	lines := strings.Split(msg, "\n")
	if index != nil {
		lines[0] = fmt.Sprintf("[%d] %s", *index, lines[0])
	}
	for _, l := range lines {
		o.line(margin+l, colFail)
	}
	for _, l := range stack {
		o.line(margin+l, colFail)
	}
}

// summary prints the lines after the run.
func (o *output) summary(res *results, d time.Duration) {
	if !o.on() {
		return
	}
	if o.verbosity != "None" {
		o.line("Tests completed in "+humanTime(d), colTotal)
	}
	failed := res.failed + len(res.failedBlocks) + len(res.failedContainers)
	passCol, failCol := colPass, colTime
	if failed > 0 {
		passCol, failCol = colTotal, colFail
	}
	countCol := func(n int, col string) string {
		if n > 0 {
			return col
		}
		return colTime
	}
	o.write(fmt.Sprintf("Tests Passed: %d, ", res.passed), passCol, true)
	o.write(fmt.Sprintf("Failed: %d, ", res.failed), failCol, true)
	o.write(fmt.Sprintf("Skipped: %d, ", res.skipped), countCol(res.skipped, colSkipped), true)
	o.write(fmt.Sprintf("Inconclusive: %d, ", res.inconclusive), countCol(res.inconclusive, colInconcl), true)
	o.line(fmt.Sprintf("NotRun: %d", res.notRun), colTime)
	if n := len(res.failedBlocks); n > 0 {
		o.line(fmt.Sprintf("BeforeAll \\ AfterAll failed: %d", n), colFail)
		for _, b := range res.failedBlocks {
			o.line("  - "+joinDots(b.path(true)), colFail)
		}
	}
	if n := len(res.failedContainers); n > 0 {
		o.line(fmt.Sprintf("Container failed: %d", n), colFail)
		for _, ct := range res.failedContainers {
			o.line("  - "+ct.path, colFail)
		}
	}
	if res.deprecatedPending {
		o.line("**DEPRECATED**: The -Pending parameter of Set-ItResult is deprecated. The parameter will be removed in a future version of Pester.", colSkipped)
	}
}
