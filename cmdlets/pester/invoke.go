package pester

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// invokeParams are Invoke-Pester's parameters: the Simple set, the
// Advanced one (-Configuration) and the Pester 4 Legacy one.
type invokeParams struct {
	path, excludePath, tagFilter, excludeTag, fullName engine.Param[[]string]
	ci, passThru                                       engine.Param[bool]
	output                                             engine.Param[string]
	configuration, container                           engine.Param[any]
	enableExit, quiet                                  engine.Param[bool]
	outputFile, outputFormat, show                     engine.Param[string]
}

// inSets declares a parameter of the sets named, at position pos (-1:
// named only).
func inSets[T any](name, typ string, pos int, help string, aliases []string, sets ...string) engine.Param[T] {
	var ps []engine.ParamSet
	for _, s := range sets {
		ps = append(ps, engine.ParamSet{Name: s, Position: pos})
	}
	return engine.Declare[T](&engine.ParamInfo{Name: name, Type: typ, Aliases: aliases, Help: help, Sets: ps})
}

func newInvokeParams() *invokeParams {
	p := &invokeParams{
		path:          inSets[[]string]("Path", "String[]", 0, "Files and folders to run; folders are searched for *.Tests.ps1 files. Default: the current folder.", []string{"Script"}, "Simple", "Legacy"),
		excludePath:   inSets[[]string]("ExcludePath", "String[]", -1, "Paths (wildcards) of files to leave out.", nil, "Simple"),
		tagFilter:     inSets[[]string]("TagFilter", "String[]", -1, "Runs only the tests (or blocks) with one of these tags.", []string{"Tag", "Tags"}, "Simple", "Legacy"),
		excludeTag:    inSets[[]string]("ExcludeTagFilter", "String[]", -1, "Leaves out the tests (or blocks) with one of these tags.", []string{"ExcludeTag"}, "Simple", "Legacy"),
		fullName:      inSets[[]string]("FullNameFilter", "String[]", -1, "Runs only the tests whose full name (blocks and test joined by '.') is like one of these.", []string{"Name"}, "Simple"),
		ci:            inSets[bool]("CI", "SwitchParameter", -1, "Sets Run.Exit and TestResult.Enabled: the exit code is the number of failures and testResults.xml (NUnit 2.5) is written.", nil, "Simple"),
		output:        inSets[string]("Output", "String", -1, "How much to print: None, Normal (default), Detailed or Diagnostic.", nil, "Simple"),
		passThru:      inSets[bool]("PassThru", "SwitchParameter", -1, "Writes the result object (Pester.Run) to the pipeline.", nil, "Simple", "Legacy"),
		container:     inSets[any]("Container", "Object[]", -1, "Containers from New-PesterContainer: test files or script blocks with data.", nil, "Simple"),
		configuration: inSets[any]("Configuration", "Object", -1, "A configuration from New-PesterConfiguration (or a hashtable of its sections).", nil, "Advanced"),
		enableExit:    inSets[bool]("EnableExit", "SwitchParameter", -1, "Legacy: exits with the number of failures.", nil, "Legacy"),
		outputFile:    inSets[string]("OutputFile", "String", -1, "Legacy: writes a test result file.", nil, "Legacy"),
		outputFormat:  inSets[string]("OutputFormat", "String", -1, "Legacy: NUnitXml (default), NUnit2.5 or JUnitXml.", nil, "Legacy"),
		show:          inSets[string]("Show", "String", -1, "Legacy: what to print.", nil, "Legacy"),
		quiet:         inSets[bool]("Quiet", "SwitchParameter", -1, "Legacy: prints nothing.", nil, "Legacy"),
	}
	p.output.Info().ValidateSet = []string{"Diagnostic", "Detailed", "Normal", "Minimal", "None"}
	p.outputFormat.Info().ValidateSet = []string{"NUnitXml", "NUnit2.5", "JUnitXml"}
	return p
}

func (p *invokeParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.path.Info(), p.excludePath.Info(), p.tagFilter.Info(), p.excludeTag.Info(), p.fullName.Info(),
		p.ci.Info(), p.output.Info(), p.passThru.Info(), p.configuration.Info(), p.enableExit.Info(), p.outputFile.Info(),
		p.outputFormat.Info(), p.show.Info(), p.quiet.Info(), p.container.Info()}
}

// legacyWarning is what Pester writes when the Legacy set is used.
const legacyWarning = "You are using Legacy parameter set that adapts Pester 5 syntax to Pester 4 syntax. This parameter set is deprecated, and does not work 100%. The -Strict and -PesterOption parameters are ignored, and providing advanced configuration to -Path (-Script), and -CodeCoverage via a hash table does not work. Please refer to https://github.com/pester/Pester/releases/tag/5.0.1#legacy-parameter-set for more information."

// registerInvoke adds Invoke-Pester.
func (m *module) registerInvoke(rt *engine.Runtime) {
	p := newInvokeParams()
	rt.Register(&engine.Cmdlet{
		Name: "Invoke-Pester", Module: "Pester", DefaultSet: "Simple",
		Synopsis: "Runs Pester tests (Pester 5).",
		Description: "Finds the *.Tests.ps1 files under -Path, discovers their tests, then runs them, each file against a throwaway " +
			"in-memory copy of the tenant, printing Pester 5's output. -PassThru writes the result object; -CI sets the exit code " +
			"to the number of failures and writes testResults.xml (NUnit 2.5).",
		Params: p.infos(),
		Examples: []engine.Example{
			{Title: "Run the tests of a folder", Code: "Invoke-Pester ./scripts"},
			{Title: "In CI", Code: "Invoke-Pester ./scripts -CI"},
			{Title: "With a configuration", Code: "$c = New-PesterConfiguration\n$c.Run.Path = './scripts'\n$c.TestResult.Enabled = $true\n$c.TestResult.OutputFormat = 'JUnitXml'\nInvoke-Pester -Configuration $c"},
		},
		Outputs: []string{"Pester.Run"},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			cfg, err := p.config(c)
			if err != nil {
				return err
			}
			return m.invoke(c, cfg)
		}),
	})
}

// config turns Invoke-Pester's parameters into a configuration.
func (p *invokeParams) config(c *engine.Call) (*config, error) {
	cfg := defaultConfig()
	// $PesterPreference in the caller's scope is merged under -Configuration.
	if v := c.Scope().Lookup("PesterPreference"); v != nil && v.Value != nil {
		if err := cfg.merge(v.Value); err != nil {
			return nil, err
		}
	}
	if v, ok := p.configuration.Lookup(c); ok && v != nil {
		if err := cfg.merge(v); err != nil {
			return nil, err
		}
	}
	if c.Set == "Legacy" {
		c.WriteWarning(legacyWarning)
		if p.outputFile.Given(c) {
			cfg.resultEnabled, cfg.resultPath = true, p.outputFile.Get(c)
		}
		if p.outputFormat.Given(c) {
			cfg.resultFormat = p.outputFormat.Get(c)
		}
		cfg.exit = p.enableExit.Get(c)
		if p.show.Given(c) {
			switch strings.ToLower(p.show.Get(c)) {
			case "fails", "normal":
				cfg.verbosity = "Normal"
			case "diagnostic":
				cfg.verbosity = "Diagnostic"
			case "minimal":
				cfg.verbosity = "Minimal"
			case "none":
				cfg.verbosity = "None"
			default:
				cfg.verbosity = "Detailed"
			}
		}
		if p.quiet.Get(c) {
			cfg.verbosity = "None"
		}
	}
	if v, ok := p.path.Lookup(c); ok {
		cfg.paths = v
		cfg.pathsGiven = true
	}
	if v, ok := p.container.Lookup(c); ok {
		cfg.containers = enumerate(v)
	}
	if v, ok := p.excludePath.Lookup(c); ok {
		cfg.excludePaths = v
	}
	if v, ok := p.tagFilter.Lookup(c); ok {
		cfg.tags = v
	}
	if v, ok := p.excludeTag.Lookup(c); ok {
		cfg.excludeTags = v
	}
	if v, ok := p.fullName.Lookup(c); ok {
		cfg.fullNames = v
	}
	if p.ci.Get(c) {
		cfg.exit, cfg.resultEnabled = true, true
	}
	if v, ok := p.output.Lookup(c); ok {
		cfg.verbosity = v
	}
	if p.passThru.Get(c) {
		cfg.passThru = true
	}
	return cfg, cfg.check()
}

// findTests returns the test files the configured paths name, in order.
func (m *module) findTests(c *engine.Call, cfg *config) ([]string, error) {
	var files []string
	seen := map[string]bool{}
	add := func(p string) {
		for _, ex := range cfg.excludePaths {
			if value.LikeAny(p, []string{c.ResolvePath(ex)}) {
				return
			}
		}
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, raw := range cfg.paths {
		full := c.ResolvePath(raw)
		st, err := os.Stat(full)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			add(full)
			continue
		}
		var found []string
		filepath.WalkDir(full, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(strings.ToLower(d.Name()), strings.ToLower(cfg.testExtension)) {
				found = append(found, p)
			}
			return nil
		})
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	if len(files) == 0 {
		msg := "No test files were found and no scriptblocks were provided. Please ensure that you provided at least one path to a *.Tests.ps1 file, or a directory that contains such file."
		if len(cfg.excludePaths) > 0 {
			msg += fmt.Sprintf(" And that there is at least one file not excluded by ExcludeFile filter '%s'.", strings.Join(cfg.excludePaths, "', '"))
		}
		msg += " Or that you provided a ScriptBlock test container."
		return nil, pesterError("PesterNoTestFiles", "%s", msg)
	}
	return files, nil
}

// invoke runs a whole Invoke-Pester: discovery of every file, then the
// run, the summary, the result file, the exit code.
func (m *module) invoke(c *engine.Call, cfg *config) error {
	if m.run != nil {
		return pesterError("PesterNested", "Invoke-Pester cannot run inside a test run.")
	}
	cts, err := m.containers(c, cfg)
	if err != nil {
		if cfg.exit {
			c.WriteError(err.(*engine.ErrorRecord))
			return engine.Exit(-1)
		}
		return err
	}
	return c.Isolated(func() error { return m.invokeContainers(c, cfg, cts) })
}

// containers are the test files of Run.Path and the containers of
// Run.Container (New-PesterContainer), in that order.
func (m *module) containers(c *engine.Call, cfg *config) ([]*container, error) {
	var cts []*container
	if len(cfg.containers) == 0 || cfg.pathsGiven {
		files, err := m.findTests(c, cfg)
		if err != nil && len(cfg.containers) == 0 {
			return nil, err
		}
		for _, f := range files {
			cts = append(cts, &container{path: f})
		}
	}
	for _, v := range cfg.containers {
		ct, err := containerOf(c, v)
		if err != nil {
			return nil, err
		}
		cts = append(cts, ct...)
	}
	return cts, nil
}

// invokeContainers runs the containers found.
func (m *module) invokeContainers(c *engine.Call, cfg *config, cts []*container) error {
	r := &runState{cfg: cfg, out: &output{c: c, verbosity: cfg.verbosity, ci: ciFormat(cfg.ciFormat, c.Host().Getenv)}}
	m.run = r
	defer func() {
		m.run = nil
		// The mocks' proxies are gone with their scopes.
		m.proxies = map[*engine.Cmdlet]*engine.CommandInfo{}
	}()
	start := m.now()
	r.out.header(len(cts), Version)
	for _, ct := range cts {
		ct.root = &block{isRoot: true}
		m.discover(c, ct)
	}
	total, selected := 0, 0
	for _, ct := range cts {
		for _, t := range ct.root.tests() {
			total++
			t.shouldRun = cfg.selects(t)
			if t.shouldRun {
				selected++
			}
		}
	}
	r.out.discovered(total, m.now().Sub(start), cfg.filterLines(), selected)
	for _, ct := range cts {
		if len(ct.errs) > 0 {
			continue
		}
		if cfg.skipRun {
			continue
		}
		m.isolated(c, func() { m.runContainer(c, ct, c.Scope()) })
		res := collect([]*container{ct})
		r.out.containerEnd(ct, res.failedCount() == 0 && len(res.tests) > res.skipped, len(res.tests) > 0 && len(res.tests) == res.skipped)
	}
	if cfg.skipRun && r.out.on() {
		r.out.line("\nTest run was skipped.", colSkipped)
	}
	res := collect(cts)
	res.executedAt = start
	res.deprecatedPending = r.deprecatedPending
	r.out.summary(res, m.now().Sub(start))
	failed := res.failedCount()
	c.Runtime().Global().SetLocal("LASTEXITCODE", int32(failed))
	if cfg.resultEnabled {
		if err := m.writeResultFile(c, cfg, res); err != nil {
			return err
		}
	}
	if cfg.passThru {
		if err := c.WriteObject(res.runObject(cfg)); err != nil {
			return err
		}
	}
	if failed > 0 && cfg.throw {
		return pesterError("PesterRunFailed", "%s", throwMessage(res))
	}
	if failed > 0 && cfg.exit {
		return engine.Exit(failed)
	}
	return nil
}

// throwMessage is Run.Throw's message.
func throwMessage(res *results) string {
	plural := func(n int, what string) string {
		s := fmt.Sprintf("%d %s", n, what)
		if n != 1 {
			s += "s"
		}
		return s
	}
	parts := []string{plural(res.failed, "test") + " failed"}
	if n := len(res.failedBlocks); n > 0 {
		parts = append(parts, plural(n, "block")+" failed")
	}
	if n := len(res.failedContainers); n > 0 {
		parts = append(parts, plural(n, "container")+" failed")
	}
	msg := parts[0]
	for i := 1; i < len(parts); i++ {
		if i == len(parts)-1 {
			msg += " and " + parts[i]
		} else {
			msg += ", " + parts[i]
		}
	}
	return "Pester run failed, because " + msg
}

// isolated runs fn with the tenant switched to a throwaway copy (when the
// session has a tenant).
func (m *module) isolated(c *engine.Call, fn func()) {
	if m.opts.Isolate == nil {
		fn()
		return
	}
	restore, err := m.opts.Isolate()
	if err != nil {
		c.WriteError(engine.AsRecord(err))
		fn()
		return
	}
	defer restore()
	fn()
}

// discover runs a test file's discovery: the file's top level and its
// Describe/Context bodies, collecting the tree into ct.
func (m *module) discover(c *engine.Call, ct *container) {
	r := m.run
	r.phase = phaseDiscovery
	r.container = ct
	r.cur = ct.root
	start := m.now()
	var err error
	if ct.sb != nil {
		sc := engine.NewScope(c.Scope(), true)
		setContainerData(sc, ct)
		m.isolated(c, func() { err = c.InvokeBlockInScope(sc, ct.sb, nil, discard) })
	} else {
		// The file runs as a script: its param() block binds -Data.
		if meta, _, merr := c.Runtime().ScriptMeta(ct.path); merr == nil {
			for _, p := range meta.Params {
				ct.paramNames = append(ct.paramNames, p.Name)
			}
		}
		data := ct.data
		if data == nil {
			data = value.NewHashtable()
		}
		m.isolated(c, func() { err = c.InvokeBlockArgs(runFile, []any{ct.path, data}, nil, discard) })
	}
	if err != nil {
		ct.errs = append(ct.errs, asRecord(err))
		r.out.discoveryFailed(ct)
	}
	ct.discovery = m.now().Sub(start)
	r.cur = nil
}

// selects applies the tag and full-name filters to a test.
func (cfg *config) selects(t *test) bool {
	tags := append([]string(nil), t.tags...)
	for b := t.block; b != nil; b = b.parent {
		tags = append(tags, b.tags...)
	}
	for _, ex := range cfg.excludeTags {
		for _, tg := range tags {
			if value.LikeAny(tg, []string{ex}) {
				return false
			}
		}
	}
	if len(cfg.tags) > 0 {
		found := false
		for _, want := range cfg.tags {
			for _, tg := range tags {
				if value.LikeAny(tg, []string{want}) {
					found = true
				}
			}
		}
		if !found {
			return false
		}
	}
	if len(cfg.fullNames) > 0 && !value.LikeAny(t.fullName(false), cfg.fullNames) {
		return false
	}
	return true
}

// filterLines are the Detailed "Filter 'x' set to (…)." lines.
func (cfg *config) filterLines() [][2]string {
	var out [][2]string
	q := func(v []string) string { return "'" + strings.Join(v, "', '") + "'" }
	if len(cfg.tags) > 0 {
		out = append(out, [2]string{"Tag", q(cfg.tags)})
	}
	if len(cfg.excludeTags) > 0 {
		out = append(out, [2]string{"ExcludeTag", q(cfg.excludeTags)})
	}
	if len(cfg.fullNames) > 0 {
		out = append(out, [2]string{"FullName", q(cfg.fullNames)})
	}
	return out
}
