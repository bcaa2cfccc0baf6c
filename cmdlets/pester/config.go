package pester

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// config is the part of PesterConfiguration csshell honours.
type config struct {
	paths, excludePaths            []string
	testExtension                  string
	exit, throw, passThru, skipRun bool
	tags, excludeTags, fullNames   []string
	verbosity                      string
	resultEnabled                  bool
	resultFormat, resultPath       string
	suiteName                      string
	shouldErrorAction              string
	// containers are Run.Container / -Container values; pathsGiven is
	// set when Run.Path was given too.
	containers []any
	pathsGiven bool
	// skipRemaining is Run.SkipRemainingOnFailure: None, Run, Container
	// or Block.
	skipRemaining string
	// ciFormat is Output.CIFormat: None, Auto, AzureDevops, GithubActions.
	ciFormat string
}

// defaultConfig is [PesterConfiguration]::Default.
func defaultConfig() *config {
	return &config{paths: []string{"."}, testExtension: ".Tests.ps1", verbosity: "Normal", resultFormat: "NUnitXml", skipRemaining: "None", ciFormat: "Auto",
		resultPath: "testResults.xml", suiteName: "Pester", shouldErrorAction: "Stop"}
}

// sections are the configuration's sections and options, in
// about_PesterConfiguration's order, as New-PesterConfiguration shows
// them.
func (cfg *config) sections() [][2]any {
	return [][2]any{
		{"Run", [][2]any{{"Path", stringList(cfg.paths)}, {"ExcludePath", stringList(cfg.excludePaths)}, {"ScriptBlock", []any{}},
			{"Container", []any{}}, {"TestExtension", cfg.testExtension}, {"Exit", cfg.exit}, {"Throw", cfg.throw},
			{"PassThru", cfg.passThru}, {"SkipRun", cfg.skipRun}, {"SkipRemainingOnFailure", cfg.skipRemaining}}},
		{"Filter", [][2]any{{"Tag", stringList(cfg.tags)}, {"ExcludeTag", stringList(cfg.excludeTags)}, {"Line", []any{}},
			{"ExcludeLine", []any{}}, {"FullName", stringList(cfg.fullNames)}}},
		{"TestResult", [][2]any{{"Enabled", cfg.resultEnabled}, {"OutputFormat", cfg.resultFormat}, {"OutputPath", cfg.resultPath},
			{"OutputEncoding", "UTF8"}, {"TestSuiteName", cfg.suiteName}}},
		{"Should", [][2]any{{"ErrorAction", cfg.shouldErrorAction}}},
		{"Output", [][2]any{{"Verbosity", cfg.verbosity}, {"StackTraceVerbosity", "Filtered"}, {"CIFormat", cfg.ciFormat},
			{"CILogLevel", "Error"}, {"RenderMode", "Auto"}}},
		{"TestDrive", [][2]any{{"Enabled", true}}},
	}
}

// object is the configuration as a PesterConfiguration object whose
// sections are objects of plain option values ($c.Run.Path = './tests').
func (cfg *config) object() *value.Object {
	o := value.NewObject("PesterConfiguration", "System.Object")
	for _, s := range cfg.sections() {
		so := value.NewObject("Pester." + s[0].(string) + "Configuration")
		for _, opt := range s[1].([][2]any) {
			so.Set(opt[0].(string), opt[1])
		}
		o.Set(s[0].(string), so)
	}
	return o
}

// merge applies a PesterConfiguration object or a hashtable of sections
// (@{ Run = @{ Path = './tests' } }) over cfg.
func (cfg *config) merge(v any) error {
	sections, ok := members(v)
	if !ok {
		return pesterError("PesterConfigurationInvalid", "Cannot convert value to type PesterConfiguration.")
	}
	for _, s := range sections {
		opts, ok := members(s[1])
		if !ok {
			continue
		}
		for _, opt := range opts {
			if err := cfg.set(s[0].(string)+"."+opt[0].(string), unwrapOption(opt[1])); err != nil {
				return err
			}
		}
	}
	return nil
}

// unwrapOption reads an option given as an object with a Value (as
// Pester's option objects are) or as a plain value.
func unwrapOption(v any) any {
	if o, ok := v.(*value.Object); ok && o.Has("Value") && o.Has("Default") {
		x, _ := o.Get("Value")
		return x
	}
	return v
}

// members lists an object's properties or a dictionary's entries.
func members(v any) ([][2]any, bool) {
	if h, ok := asHashtable(v); ok {
		var out [][2]any
		for _, k := range h.Keys() {
			x, _ := h.Get(k)
			out = append(out, [2]any{value.ToString(k), x})
		}
		return out, true
	}
	if o, ok := v.(*value.Object); ok {
		var out [][2]any
		for _, p := range o.Properties() {
			out = append(out, [2]any{p.Name, o.PropertyValue(p)})
		}
		return out, true
	}
	return nil, false
}

// strs reads a string or string-array option.
func strs(v any) []string {
	if v == nil {
		return nil
	}
	items, ok := value.Enumerate(v)
	if !ok {
		return []string{value.ToString(v)}
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, value.ToString(it))
	}
	return out
}

// set sets one option by its Section.Option name.
func (cfg *config) set(name string, v any) error {
	switch strings.ToLower(name) {
	case "run.path":
		cfg.paths = strs(v)
		cfg.pathsGiven = true
	case "run.container":
		cfg.containers = enumerate(v)
	case "run.excludepath":
		cfg.excludePaths = strs(v)
	case "run.testextension":
		cfg.testExtension = value.ToString(v)
	case "run.exit":
		cfg.exit = value.ToBool(v)
	case "run.throw":
		cfg.throw = value.ToBool(v)
	case "run.passthru":
		cfg.passThru = value.ToBool(v)
	case "run.skiprun":
		cfg.skipRun = value.ToBool(v)
	case "output.ciformat":
		cfg.ciFormat = value.ToString(v)
	case "run.skipremainingonfailure":
		cfg.skipRemaining = value.ToString(v)
	case "filter.tag":
		cfg.tags = strs(v)
	case "filter.excludetag":
		cfg.excludeTags = strs(v)
	case "filter.fullname":
		cfg.fullNames = strs(v)
	case "output.verbosity":
		cfg.verbosity = value.ToString(v)
	case "testresult.enabled":
		cfg.resultEnabled = value.ToBool(v)
	case "testresult.outputformat":
		cfg.resultFormat = value.ToString(v)
	case "testresult.outputpath":
		cfg.resultPath = value.ToString(v)
	case "testresult.testsuitename":
		cfg.suiteName = value.ToString(v)
	case "should.erroraction":
		cfg.shouldErrorAction = value.ToString(v)
	}
	return nil
}

// check validates the options Pester validates before a run.
func (cfg *config) check() error {
	switch strings.ToLower(cfg.verbosity) {
	case "none", "normal", "detailed", "diagnostic":
		cfg.verbosity = strings.ToUpper(cfg.verbosity[:1]) + strings.ToLower(cfg.verbosity[1:])
	default:
		return pesterError("PesterConfigurationInvalid", "Output.Verbosity must be 'None', 'Normal', 'Detailed' or 'Diagnostic', but it was '%s'. Please review your configuration.", cfg.verbosity)
	}
	switch strings.ToLower(cfg.ciFormat) {
	case "none", "auto", "azuredevops", "githubactions":
	default:
		return pesterError("PesterConfigurationInvalid", "Output.CIFormat must be 'None', 'Auto', 'AzureDevops' or 'GithubActions', but it was '%s'. Please review your configuration.", cfg.ciFormat)
	}
	switch strings.ToLower(cfg.skipRemaining) {
	case "none", "run", "container", "block":
		cfg.skipRemaining = strings.ToUpper(cfg.skipRemaining[:1]) + strings.ToLower(cfg.skipRemaining[1:])
	default:
		return pesterError("PesterConfigurationInvalid", "Run.SkipRemainingOnFailure must be 'None', 'Run', 'Container' or 'Block', but it was '%s'. Please review your configuration.", cfg.skipRemaining)
	}
	if cfg.resultEnabled {
		switch strings.ToLower(cfg.resultFormat) {
		case "nunitxml", "nunit2.5", "junitxml":
		case "nunit3":
			return pesterError("PesterConfigurationInvalid", "TestResult.OutputFormat 'NUnit3' is not supported by csshell's Pester; use 'NUnitXml' or 'JUnitXml'.")
		default:
			return pesterError("PesterConfigurationInvalid", "TestResult.OutputFormat must be 'NUnitXml', 'NUnit2.5', 'NUnit3' or 'JUnitXml', but it was '%s'. Please review your configuration.", cfg.resultFormat)
		}
	}
	return nil
}

// registerConfiguration adds New-PesterConfiguration.
func registerConfiguration(rt *engine.Runtime) {
	hashtable := positional[any]("Hashtable", "Object", 0, "Options to set over the defaults: @{ Run = @{ Path = './tests' }; Output = @{ Verbosity = 'Detailed' } }.")
	rt.Register(&engine.Cmdlet{
		Name: "New-PesterConfiguration", Module: "Pester",
		Synopsis:    "Creates a Pester configuration object for Invoke-Pester -Configuration.",
		Description: "Returns the default configuration, with the options of -Hashtable merged in. Set options as properties: $c.Run.Path = './tests'; $c.Output.Verbosity = 'Detailed'.",
		Params:      []*engine.ParamInfo{hashtable.Info()},
		Outputs:     []string{"PesterConfiguration"},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			cfg := defaultConfig()
			if h, ok := hashtable.Lookup(c); ok && h != nil {
				if err := cfg.merge(h); err != nil {
					return err
				}
			}
			return c.WriteObject(cfg.object())
		}),
	})
}
