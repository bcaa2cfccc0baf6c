package pester

import (
	"bufio"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/csshell/csshell/engine"
)

// xmlWriter writes XML as .NET's XmlWriter with Indent = $true does:
// two-space indentation, attributes in double quotes, an empty element
// as "<name ... />".
type xmlWriter struct {
	w     *bufio.Writer
	stack []string
	// open is set while a start tag is not closed yet.
	open bool
	// text is set once the current element has text content.
	text bool
}

func newXMLWriter(w io.Writer) *xmlWriter {
	x := &xmlWriter{w: bufio.NewWriter(w)}
	x.w.WriteString(`<?xml version="1.0" encoding="utf-8" standalone="no"?>`)
	return x
}

// escape escapes text content or an attribute value.
func escapeXML(s string, attr bool) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	if attr {
		r = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", "&#xA;", "\r", "&#xD;", "\t", "&#x9;")
	}
	return r.Replace(s)
}

// start opens an element with attributes given as name, value pairs.
func (x *xmlWriter) start(name string, attrs ...string) {
	if x.open {
		x.w.WriteString(">")
	}
	x.w.WriteString("\n" + strings.Repeat("  ", len(x.stack)) + "<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.w.WriteString(" " + attrs[i] + `="` + escapeXML(attrs[i+1], true) + `"`)
	}
	x.stack = append(x.stack, name)
	x.open, x.text = true, false
}

// content writes text into the current element.
func (x *xmlWriter) content(s string) {
	if x.open {
		x.w.WriteString(">")
		x.open = false
	}
	x.w.WriteString(escapeXML(s, false))
	x.text = true
}

// end closes the current element.
func (x *xmlWriter) end() {
	name := x.stack[len(x.stack)-1]
	x.stack = x.stack[:len(x.stack)-1]
	switch {
	case x.open:
		x.w.WriteString(" />")
	case x.text:
		x.w.WriteString("</" + name + ">")
	default:
		x.w.WriteString("\n" + strings.Repeat("  ", len(x.stack)) + "</" + name + ">")
	}
	x.open, x.text = false, false
}

// element writes <name>text</name>.
func (x *xmlWriter) element(name, text string) {
	x.start(name)
	if text != "" {
		x.content(text)
	}
	x.end()
}

func (x *xmlWriter) flush() error { return x.w.Flush() }

// nunitTime is Convert-TimeSpan: seconds rounded to 4 places, '0' for none.
func nunitTime(d time.Duration) string {
	s := math.Round(d.Seconds()*10000) / 10000
	if s == 0 {
		return "0"
	}
	return strconv.FormatFloat(s, 'f', -1, 64)
}

// junitTime is TotalSeconds.ToString('0.000').
func junitTime(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 3, 64) }

// environment is Get-RunTimeEnvironment, in the order the writers use.
func environment(c *engine.Call) [][2]string {
	host, _ := os.Hostname()
	osVersion := "0.0.0.0"
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		osVersion = strings.TrimSpace(string(b))
	}
	user := os.Getenv("USER")
	return [][2]string{{"nunit-version", "2.5.8.0"}, {"junit-version", "4"}, {"os-version", osVersion}, {"platform", "Linux"},
		{"cwd", c.Runtime().Location()}, {"machine-name", host}, {"user", user}, {"user-domain", ""}, {"clr-version", "8.0.11"},
		{"framework-version", Version}}
}

// failureText is a failed test's DisplayErrorMessage and DisplayStackTrace.
func failureText(t *test) (msg, stack string) {
	if !t.executed {
		return "This test should run but it did not. Most likely a setup in some parent block failed.", ""
	}
	var msgs, stacks []string
	for i, e := range t.errs {
		m, s := displayError(e)
		if len(t.errs) > 1 {
			m = "[" + strconv.Itoa(i) + "] " + m
		}
		msgs = append(msgs, m)
		stacks = append(stacks, strings.Join(s, "\n"))
	}
	return strings.Join(msgs, "\n"), strings.Join(stacks, "\n")
}

// groupResult is Get-GroupResult.
func groupResult(res *results) string {
	switch {
	case res.failed > 0:
		return "Failure"
	case res.skipped > 0:
		return "Ignored"
	case res.inconclusive > 0:
		return "Inconclusive"
	}
	return "Success"
}

// suiteAttrs are a test-suite's attributes.
func suiteAttrs(typ, name, description string, res *results, d time.Duration) []string {
	success := "True"
	if res.failed > 0 {
		success = "False"
	}
	return []string{"type", typ, "name", name, "executed", "True", "result", groupResult(res), "success", success,
		"time", nunitTime(d), "asserts", "0", "description", description}
}

// testsResults counts the results of some tests.
func testsResults(tests []*test) *results {
	res := &results{}
	for _, t := range tests {
		if !t.shouldRun {
			continue
		}
		switch t.result {
		case "Passed":
			res.passed++
		case "Failed":
			res.failed++
		case "Skipped":
			res.skipped++
		case "Inconclusive":
			res.inconclusive++
		default:
			res.notRun++
		}
	}
	return res
}

// writeNUnit writes the NUnit 2.5 report (Write-NUnitReport).
func writeNUnit(w io.Writer, res *results, cfg *config, c *engine.Call) error {
	x := newXMLWriter(w)
	at := res.executedAt
	x.start("test-results", "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", "xsi:noNamespaceSchemaLocation", "nunit_schema_2.5.xsd",
		"name", cfg.suiteName, "total", strconv.Itoa(len(res.tests)-res.notRun), "errors", "0", "failures", strconv.Itoa(res.failed),
		"not-run", strconv.Itoa(res.notRun), "inconclusive", strconv.Itoa(res.inconclusive), "ignored", "0",
		"skipped", strconv.Itoa(res.skipped), "invalid", "0", "date", at.Format("2006-01-02"), "time", at.Format("15:04:05"))
	var env []string
	for _, kv := range environment(c) {
		if kv[0] != "junit-version" && kv[0] != "framework-version" {
			env = append(env, kv[0], kv[1])
		}
	}
	x.start("environment", env...)
	x.end()
	x.start("culture-info", "current-culture", "en-US", "current-uiculture", "en-US")
	x.end()
	x.start("test-suite", suiteAttrs("TestFixture", cfg.suiteName, cfg.suiteName, res, res.duration)...)
	x.start("results")
	for _, ct := range res.containers {
		if !ct.executed && len(ct.errs) == 0 {
			continue
		}
		cres := collect([]*container{ct})
		x.start("test-suite", suiteAttrs("TestFixture", ct.path, ct.path, cres, ct.discovery+ct.user+ct.framework)...)
		if len(ct.errs) > 0 {
			m, s := displayError(ct.errs[0])
			x.start("failure")
			x.element("message", m)
			x.element("stack-trace", strings.Join(s, "\n"))
			x.end()
		}
		x.start("results")
		nunitBlock(x, ct.root)
		x.end()
		x.end()
	}
	x.end()
	x.end()
	x.end()
	return x.flush()
}

// nunitBlock writes the child blocks then the tests of b (tests of one
// -ForEach group inside a ParameterizedTest suite).
func nunitBlock(x *xmlWriter, b *block) {
	for _, it := range b.items {
		child, ok := it.(*block)
		if !ok || !child.executed && !anyShouldRun(child.tests()) {
			continue
		}
		path := joinDots(child.path(true))
		x.start("test-suite", suiteAttrs("TestFixture", path, path, testsResults(child.tests()), child.duration)...)
		x.start("results")
		nunitBlock(x, child)
		x.end()
		x.end()
	}
	var plain []*test
	groups := map[int][]*test{}
	var order []int
	for _, it := range b.items {
		t, ok := it.(*test)
		if !ok || !t.shouldRun {
			continue
		}
		if t.groupID == 0 {
			plain = append(plain, t)
			continue
		}
		if _, seen := groups[t.groupID]; !seen {
			order = append(order, t.groupID)
		}
		groups[t.groupID] = append(groups[t.groupID], t)
	}
	for _, t := range plain {
		nunitTest(x, t, false)
	}
	for _, g := range order {
		tests := groups[g]
		name := tests[0].fullName(false)
		var d time.Duration
		for _, t := range tests {
			d += t.duration
		}
		x.start("test-suite", suiteAttrs("ParameterizedTest", name, name, testsResults(tests), d)...)
		x.start("results")
		for _, t := range tests {
			nunitTest(x, t, true)
		}
		x.end()
		x.end()
	}
}

// anyShouldRun reports whether one of the tests is selected.
func anyShouldRun(tests []*test) bool {
	for _, t := range tests {
		if t.shouldRun {
			return true
		}
	}
	return false
}

// nunitTest writes one test-case.
func nunitTest(x *xmlWriter, t *test, parameterized bool) {
	name := t.fullName(true)
	if parameterized && t.expanded == t.name {
		name += dataSuffix(t.data)
	}
	attrs := []string{"description", t.expanded, "name", name, "time", nunitTime(t.duration), "asserts", "0",
		"success", map[bool]string{true: "True", false: "False"}[t.result == "Passed"]}
	switch t.result {
	case "Passed":
		x.start("test-case", append(attrs, "result", "Success", "executed", "True")...)
	case "Skipped":
		x.start("test-case", append(attrs, "result", "Ignored", "executed", "False")...)
	case "Inconclusive":
		x.start("test-case", append(attrs, "result", "Inconclusive", "executed", "True")...)
	default:
		x.start("test-case", append(attrs, "result", "Failure", "executed", "True")...)
		m, s := failureText(t)
		x.start("failure")
		x.element("message", m)
		x.element("stack-trace", s)
		x.end()
	}
	x.end()
}

// dataSuffix is "(v1,v2)": a parameterized test's data values, strings
// quoted, $null as null.
func dataSuffix(data any) string {
	var vals []string
	add := func(v any) {
		switch s := v.(type) {
		case nil:
			vals = append(vals, "null")
		case string:
			vals = append(vals, `"`+s+`"`)
		default:
			vals = append(vals, toString(v))
		}
	}
	if h, ok := asHashtable(data); ok {
		for _, k := range h.Keys() {
			v, _ := h.Get(k)
			add(v)
		}
	} else {
		add(data)
	}
	return "(" + strings.Join(vals, ",") + ")"
}

// writeJUnit writes the JUnit 4 report (Write-JUnitReport).
func writeJUnit(w io.Writer, res *results, cfg *config, c *engine.Call) error {
	x := newXMLWriter(w)
	x.start("testsuites", "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", "xsi:noNamespaceSchemaLocation", "junit_schema_4.xsd",
		"name", cfg.suiteName, "tests", strconv.Itoa(len(res.tests)), "errors", strconv.Itoa(len(res.failedContainers)+len(res.failedBlocks)),
		"failures", strconv.Itoa(res.failed), "disabled", strconv.Itoa(res.notRun+res.skipped), "time", junitTime(res.duration))
	env := environment(c)
	host := env[5][1]
	id := 0
	for _, ct := range res.containers {
		if !ct.executed && len(ct.errs) == 0 {
			continue
		}
		cres := collect([]*container{ct})
		extra := 0
		if len(ct.errs) > 0 {
			extra = 1
		}
		x.start("testsuite", "name", ct.path, "tests", strconv.Itoa(len(cres.tests)+extra), "errors", strconv.Itoa(extra),
			"failures", strconv.Itoa(cres.failed), "hostname", host, "id", strconv.Itoa(id), "skipped", strconv.Itoa(cres.skipped),
			"disabled", strconv.Itoa(cres.notRun), "package", ct.path, "time", junitTime(ct.discovery+ct.user+ct.framework),
			"timestamp", res.executedAt.Format("2006-01-02T15:04:05"))
		id++
		x.start("properties")
		for _, kv := range env {
			if kv[0] == "nunit-version" {
				continue
			}
			x.start("property", "name", kv[0], "value", kv[1])
			x.end()
		}
		x.end()
		if len(ct.errs) > 0 {
			m, s := displayError(ct.errs[0])
			x.start("testcase", "name", ct.path, "status", "Failed", "classname", ct.path, "assertions", "0", "time", junitTime(ct.discovery))
			x.start("error", "message", m)
			x.content(strings.Join(s, "\n"))
			x.end()
			x.end()
		}
		for _, t := range cres.tests {
			x.start("testcase", "name", t.fullName(true), "status", t.result, "classname", ct.path, "assertions", "0", "time", junitTime(t.duration))
			switch t.result {
			case "Passed":
			case "Failed":
				m, s := failureText(t)
				x.start("failure", "message", m)
				x.content(s)
				x.end()
			default:
				x.start("skipped", "message", t.reason)
				x.content("")
				x.end()
			}
			x.end()
		}
		x.end()
	}
	x.end()
	return x.flush()
}
