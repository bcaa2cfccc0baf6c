package powershell

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// Type names of Select-String's output.
const (
	typeMatchInfo        = "Microsoft.PowerShell.Commands.MatchInfo"
	typeMatchInfoContext = "Microsoft.PowerShell.Commands.MatchInfoContext"
)

// selectStringParams are Select-String's parameters.
type selectStringParams struct {
	inputObject   engine.Param[any]
	pattern       engine.Param[[]string]
	paths         fsPaths
	simpleMatch   engine.Param[bool]
	caseSensitive engine.Param[bool]
	quiet         engine.Param[bool]
	list          engine.Param[bool]
	noEmphasis    engine.Param[bool]
	include       engine.Param[[]string]
	exclude       engine.Param[[]string]
	notMatch      engine.Param[bool]
	allMatches    engine.Param[bool]
	encoding      engine.Param[any]
	context       engine.Param[[]string]
	raw           engine.Param[bool]
}

// Select-String's parameter sets (pwsh 7's): input objects or files, each
// with MatchInfo output or -Raw strings.
const (
	ssFile, ssFileRaw           = "File", "FileRaw"
	ssObject, ssObjectRaw       = "Object", "ObjectRaw"
	ssLiteral, ssLiteralRaw     = "LiteralFile", "LiteralFileRaw"
	ssAllButRawHelp             = "Indicates that the cmdlet returns a simple response instead of a MatchInfo object: $true when the pattern is found, nothing when it is not."
	ssRawHelp                   = "Causes the cmdlet to output only the matching strings, rather than MatchInfo objects."
	ssPatternHelp               = "Specifies the text to find on each line: a regular expression, or the text itself with -SimpleMatch."
	ssInputHelp                 = "Specifies the text to be searched. Objects that are not strings are converted to strings; a file (from Get-ChildItem) is searched line by line."
	ssPathHelp                  = "Specifies the path to the files to search. Wildcards are permitted."
	ssLiteralPathHelp           = "Specifies the path to the files to be searched, used exactly as typed: no character is a wildcard."
	ssContextHelp               = "Captures the specified number of lines before and after the line that matches the pattern: one number for both, or two (before, after)."
	ssSimpleMatchHelp           = "Indicates that the cmdlet uses a simple match rather than a regular expression match."
	ssListHelp                  = "Only the first instance of matching text is returned from each input file."
	ssNoEmphasisHelp            = "Turns off the highlighting of matching strings in the output (csshell never highlights them)."
	ssAllMatchesHelp            = "Indicates that the cmdlet searches for more than one match in each line of text."
	ssNotMatchHelp              = "The NotMatch parameter finds text that does not match the specified pattern."
	ssCaseSensitiveHelp         = "Indicates that the cmdlet matches are case-sensitive. By default, matches aren't case-sensitive."
	ssIncludeHelp, ssExcludeHlp = "Includes the specified items (file-name patterns).", "Excludes the specified items (file-name patterns)."
)

func newSelectStringParams() *selectStringParams {
	all := []string{ssFile, ssFileRaw, ssObject, ssObjectRaw, ssLiteral, ssLiteralRaw}
	inSets := func(name, typ, help string, sets []string, aliases ...string) *engine.ParamInfo {
		p := engine.NamedParamInSets(name, typ, help, sets...)
		p.Aliases = aliases
		return p
	}
	pattern := &engine.ParamInfo{Name: "Pattern", Type: "String[]", Help: ssPatternHelp}
	for _, s := range all {
		pattern.Sets = append(pattern.Sets, engine.ParamSet{Name: s, Position: 0, Mandatory: true})
	}
	input := &engine.ParamInfo{Name: "InputObject", Type: "PSObject", AllowNull: true, AllowEmptyString: true, Help: ssInputHelp, Sets: []engine.ParamSet{
		{Name: ssObject, Position: -1, Mandatory: true, FromPipeline: true},
		{Name: ssObjectRaw, Position: -1, Mandatory: true, FromPipeline: true}}}
	path := &engine.ParamInfo{Name: "Path", Type: "String[]", Help: ssPathHelp, Sets: []engine.ParamSet{
		{Name: ssFile, Position: 1, Mandatory: true, FromPipelineByName: true},
		{Name: ssFileRaw, Position: 1, Mandatory: true, FromPipelineByName: true}}}
	literal := &engine.ParamInfo{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath", "LP"}, Help: ssLiteralPathHelp, Sets: []engine.ParamSet{
		{Name: ssLiteral, Position: -1, Mandatory: true, FromPipelineByName: true},
		{Name: ssLiteralRaw, Position: -1, Mandatory: true, FromPipelineByName: true}}}
	raw := &engine.ParamInfo{Name: "Raw", Type: "SwitchParameter", Help: ssRawHelp}
	for _, s := range []string{ssFileRaw, ssObjectRaw, ssLiteralRaw} {
		raw.Sets = append(raw.Sets, engine.ParamSet{Name: s, Position: -1, Mandatory: true})
	}
	return &selectStringParams{
		inputObject:   engine.Declare[any](input),
		pattern:       engine.Declare[[]string](pattern),
		paths:         declareFsPaths(path, literal),
		simpleMatch:   engine.Declare[bool](engine.NamedParam("SimpleMatch", "SwitchParameter", ssSimpleMatchHelp)),
		caseSensitive: engine.Declare[bool](engine.NamedParam("CaseSensitive", "SwitchParameter", ssCaseSensitiveHelp)),
		quiet:         engine.Declare[bool](inSets("Quiet", "SwitchParameter", ssAllButRawHelp, []string{ssFile, ssObject, ssLiteral})),
		list:          engine.Declare[bool](engine.NamedParam("List", "SwitchParameter", ssListHelp)),
		noEmphasis:    engine.Declare[bool](engine.NamedParam("NoEmphasis", "SwitchParameter", ssNoEmphasisHelp)),
		include:       engine.Declare[[]string](engine.NamedParam("Include", "String[]", ssIncludeHelp)),
		exclude:       engine.Declare[[]string](engine.NamedParam("Exclude", "String[]", ssExcludeHlp)),
		notMatch:      engine.Declare[bool](engine.NamedParam("NotMatch", "SwitchParameter", ssNotMatchHelp)),
		allMatches:    engine.Declare[bool](engine.NamedParam("AllMatches", "SwitchParameter", ssAllMatchesHelp)),
		encoding:      engine.Declare[any](engine.NamedParam("Encoding", "Encoding", "Specifies the type of encoding for the target file. The default value is utf8NoBOM.")),
		context:       engine.Declare[[]string](engine.NamedParam("Context", "Int32[]", ssContextHelp)),
		raw:           engine.Declare[bool](raw),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *selectStringParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.inputObject.Info(), p.pattern.Info(), p.paths.path.Info(), p.paths.literalPath.Info(),
		p.raw.Info(), p.simpleMatch.Info(), p.caseSensitive.Info(), p.quiet.Info(), p.list.Info(), p.noEmphasis.Info(),
		p.include.Info(), p.exclude.Info(), p.notMatch.Info(), p.allMatches.Info(), p.encoding.Info(), p.context.Info()}
}

// registerSelectString adds Select-String (alias sls) and the view of its
// MatchInfo output.
func registerSelectString(rt *engine.Runtime) {
	p := newSelectStringParams()
	rt.Register(&engine.Cmdlet{
		Name: "Select-String", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Finds text in strings and files.",
		Description: "The Select-String cmdlet uses regular expression matching to search for text patterns in input strings and files, " +
			"like grep. It finds the first match in each line and returns a MatchInfo object with the file name, line number and " +
			"line; -AllMatches finds every match, -NotMatch the lines that do not match, -SimpleMatch searches for the text as " +
			"typed, -Context adds lines before and after, -Quiet returns $true when a match is found and -Raw the lines alone.",
		DefaultSet: ssFile,
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Find a pattern in files", Code: "Select-String -Path *.csv -Pattern 'Contoso'"},
			{Title: "Search strings from the pipeline", Code: "'Hello', 'HELLO' | Select-String -Pattern 'HELLO' -CaseSensitive -SimpleMatch"},
			{Title: "Show lines around each match", Code: "Select-String -Path users.csv -Pattern 'Amos' -Context 1,2"},
		},
		Outputs: []string{typeMatchInfo, "System.Boolean", "System.String"},
		New:     func() engine.Processor { return &selectString{p: p} },
	})
	rt.SetAliases("Select-String", "sls")
	rt.Formats.Register(format.View{TypeName: typeMatchInfo, Kind: format.CustomView, Custom: func(item any) string {
		o, ok := item.(*value.Object)
		if !ok {
			return value.ToString(item)
		}
		return matchInfoText(o, rt.Location())
	}})
}

// selectString is one Select-String invocation.
type selectString struct {
	p        *selectStringParams
	regexes  []*value.Regex
	patterns []string
	before   int
	after    int
	done     bool // -Quiet or -List found what it wanted in the input stream
	warned   bool // the -Context warning for piped MatchInfo was shown
	stream   *matchStream
}

func (s *selectString) Begin(c *engine.Call) error {
	s.patterns = s.p.pattern.Get(c)
	if !s.p.simpleMatch.Get(c) {
		for _, pat := range s.patterns {
			re, err := value.NewRegex(pat, !s.p.caseSensitive.Get(c))
			if err != nil {
				return engine.NewError("InvalidArgument", "InvalidRegex", pat, "The string %s is not a valid regular expression: %s", pat, err.Error()).
					WithException("System.ArgumentException")
			}
			s.regexes = append(s.regexes, re)
		}
	}
	if ctx, ok := s.p.context.Lookup(c); ok && !s.p.raw.Get(c) {
		nums := make([]int, 0, 2)
		for _, t := range ctx {
			n, ok := value.ParseNumber(t)
			v, err := value.ConvertTo(n, value.TInt)
			if !ok || err != nil || v.(int32) < 0 {
				return engine.NewError("InvalidArgument", "ParameterArgumentValidationError", t,
					"Cannot validate argument on parameter 'Context'. The argument \"%s\" is not valid.", t)
			}
			nums = append(nums, int(v.(int32)))
		}
		switch len(nums) {
		case 1:
			s.before, s.after = nums[0], nums[0]
		case 2:
			s.before, s.after = nums[0], nums[1]
		}
	}
	return nil
}

func (s *selectString) Process(c *engine.Call) error {
	switch c.Set {
	case ssObject, ssObjectRaw:
		in := s.p.inputObject.Get(c)
		if o, ok := in.(*value.Object); ok && len(o.TypeNames) > 0 && o.TypeNames[0] == "System.IO.FileInfo" {
			full, _ := o.Get("FullName")
			return s.searchFile(c, value.ToString(full))
		}
		if o, ok := in.(*value.Object); ok && o.TypeName() == typeMatchInfo {
			return s.filterMatch(c, o)
		}
		if s.done {
			return nil
		}
		if s.stream == nil {
			s.stream = &matchStream{s: s, path: "InputStream"}
		}
		var line string
		if in != nil {
			line = value.ToString(in)
		}
		return s.stream.line(c, line)
	}
	raws, literal := s.p.paths.args(c)
	for _, raw := range raws {
		paths, wild := fsExpand(c, raw, literal)
		for _, path := range paths {
			st, err := os.Stat(path)
			if err != nil {
				if wild {
					continue
				}
				if err := c.WriteError(engine.PathNotFoundError(path)); err != nil {
					return err
				}
				continue
			}
			if st.IsDir() || !s.wanted(c, filepath.Base(path)) {
				continue
			}
			if err := s.searchFile(c, path); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *selectString) End(c *engine.Call) error {
	if s.stream != nil {
		return s.stream.finish(c)
	}
	return nil
}

// filterMatch searches the line of a MatchInfo piped from another
// Select-String and passes the MatchInfo itself on when it matches, as
// pwsh filters its own output (-Context does not apply to it).
func (s *selectString) filterMatch(c *engine.Call, o *value.Object) error {
	if s.done {
		return nil
	}
	if s.p.context.Given(c) && !s.warned {
		s.warned = true
		c.WriteWarning("The option \"Context\" is not valid when searching results that are piped from Select-String output.")
	}
	lineV, _ := o.Get("Line")
	line := value.ToString(lineV)
	ok, _, _, err := s.match(c, line)
	if err != nil {
		return err
	}
	if ok == s.p.notMatch.Get(c) {
		return nil
	}
	switch {
	case s.p.quiet.Get(c):
		s.done = true
		return c.WriteObject(true)
	case s.p.raw.Get(c):
		return c.WriteObject(line)
	}
	if s.p.list.Get(c) {
		s.done = true
	}
	return c.WriteObject(o)
}

// wanted applies -Include and -Exclude to a file name.
func (s *selectString) wanted(c *engine.Call, name string) bool {
	if inc := s.p.include.Get(c); len(inc) > 0 {
		ok := false
		for _, pat := range inc {
			ok = ok || value.Like(name, pat, false)
		}
		if !ok {
			return false
		}
	}
	for _, pat := range s.p.exclude.Get(c) {
		if value.Like(name, pat, false) {
			return false
		}
	}
	return true
}

// searchFile searches one file, line by line.
func (s *selectString) searchFile(c *engine.Call, path string) error {
	if s.done && s.p.quiet.Get(c) {
		return nil
	}
	enc, err := textEncodingFrom(c, s.p.encoding, "utf8NoBOM")
	if err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return c.WriteError(engine.AsRecord(engine.FileOpenError(path, err)))
	}
	ms := &matchStream{s: s, path: path}
	for _, line := range splitContentLines(decodeText(data, enc)) {
		if err := ms.line(c, line); err != nil {
			return err
		}
		if ms.stop {
			break
		}
	}
	return ms.finish(c)
}

// match tests one line against the patterns: whether it matches (before
// -NotMatch), the pattern that did, and its Match objects.
func (s *selectString) match(c *engine.Call, line string) (bool, string, []any, error) {
	if s.p.simpleMatch.Get(c) {
		for _, pat := range s.patterns {
			if s.p.caseSensitive.Get(c) {
				if strings.Contains(line, pat) {
					return true, pat, []any{}, nil
				}
			} else if strings.Contains(strings.ToLower(line), strings.ToLower(pat)) {
				return true, pat, []any{}, nil
			}
		}
		return false, "", nil, nil
	}
	for i, re := range s.regexes {
		if s.p.allMatches.Get(c) {
			ms, err := re.MatchAll(line)
			if err != nil {
				return false, "", nil, err
			}
			if len(ms) > 0 {
				return true, s.patterns[i], ms, nil
			}
			continue
		}
		m, err := re.MatchObject(line)
		if err != nil {
			return false, "", nil, err
		}
		if ok, _ := m.Get("Success"); ok == true {
			return true, s.patterns[i], []any{m}, nil
		}
	}
	return false, "", nil, nil
}

// matchStream searches the lines of one input: a file, or the pipeline's
// objects (the "InputStream"), keeping the lines -Context needs.
type matchStream struct {
	s       *selectString
	path    string
	number  int
	recent  []string   // the lines before the current one (at most -Context's before)
	pending []*pending // matches still collecting their post-context
	found   bool
	stop    bool
}

// pending is a match waiting for the lines after it.
type pending struct {
	o    *value.Object
	post []string
}

// line feeds the next line of the input.
func (m *matchStream) line(c *engine.Call, line string) error {
	s := m.s
	m.number++
	ok, pat, matches, err := s.match(c, line)
	if err != nil {
		return err
	}
	if s.p.notMatch.Get(c) {
		ok, pat, matches = !ok, "", []any{}
		if ok {
			pat = strings.Join(s.patterns, " ")
			if len(s.patterns) > 0 {
				pat = s.patterns[0]
			}
		}
	}
	// The current line is post-context of earlier matches, unless it
	// matches itself.
	for _, p := range m.pending {
		if !ok && len(p.post) < s.after {
			p.post = append(p.post, line)
		}
	}
	if ok {
		// A match ends the post-context of those before it.
		for _, p := range m.pending {
			if err := m.emit(c, p); err != nil {
				return err
			}
		}
		m.pending = m.pending[:0]
	} else if err := m.flushFull(c); err != nil {
		return err
	}
	if ok {
		m.found = true
		if err := m.matched(c, line, pat, matches); err != nil {
			return err
		}
		if s.p.quiet.Get(c) || s.p.list.Get(c) {
			m.stop = true
			if m.path == "InputStream" {
				s.done = true
			}
		}
		m.recent = m.recent[:0]
		return nil
	}
	if s.before > 0 {
		m.recent = append(m.recent, line)
		if len(m.recent) > s.before {
			m.recent = m.recent[1:]
		}
	}
	return nil
}

// flushFull emits the matches whose post-context is complete.
func (m *matchStream) flushFull(c *engine.Call) error {
	keep := m.pending[:0]
	for _, p := range m.pending {
		if len(p.post) >= m.s.after {
			if err := m.emit(c, p); err != nil {
				return err
			}
			continue
		}
		keep = append(keep, p)
	}
	m.pending = keep
	return nil
}

// matched records a matching line.
func (m *matchStream) matched(c *engine.Call, line, pat string, matches []any) error {
	s := m.s
	if s.p.quiet.Get(c) {
		if m.path != "InputStream" && s.done {
			return nil
		}
		s.done = true
		return c.WriteObject(true)
	}
	if s.p.raw.Get(c) {
		return c.WriteObject(line)
	}
	o := newMatchInfo(m.path, m.number, line, pat, !s.p.caseSensitive.Get(c), matches)
	p := &pending{o: o}
	if s.before > 0 || s.after > 0 {
		o.Set("Context", nil)
		p.post = []string{}
		pre := append([]string(nil), m.recent...)
		o.Set("Context", matchContext(pre, nil))
	}
	if s.after == 0 {
		return m.emit(c, p)
	}
	m.pending = append(m.pending, p)
	return nil
}

// emit writes a match with the post-context it collected.
func (m *matchStream) emit(c *engine.Call, p *pending) error {
	if ctx, ok := p.o.Get("Context"); ok && ctx != nil {
		pre, _ := ctx.(*value.Object).Get("PreContext")
		p.o.Set("Context", matchContext(stringsOfAny(pre), p.post))
	}
	return c.WriteObject(p.o)
}

// finish writes the matches still waiting at the end of the input.
func (m *matchStream) finish(c *engine.Call) error {
	for _, p := range m.pending {
		if err := m.emit(c, p); err != nil {
			return err
		}
	}
	m.pending = nil
	return nil
}

// stringsOfAny reads back a []any of strings.
func stringsOfAny(v any) []string {
	items, _ := v.([]any)
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, value.ToString(it))
	}
	return out
}

// matchContext is a MatchInfoContext.
func matchContext(pre, post []string) *value.Object {
	o := value.NewObject(typeMatchInfoContext, "System.Object")
	toAny := func(ss []string) []any {
		out := make([]any, len(ss))
		for i, s := range ss {
			out[i] = s
		}
		return out
	}
	o.Set("PreContext", toAny(pre))
	o.Set("PostContext", toAny(post))
	o.Set("DisplayPreContext", toAny(pre))
	o.Set("DisplayPostContext", toAny(post))
	return o
}

// newMatchInfo makes a MatchInfo: the matching line and where it was found.
func newMatchInfo(path string, number int, line, pattern string, ignoreCase bool, matches []any) *value.Object {
	o := value.NewObject(typeMatchInfo, "System.Object")
	o.Set("IgnoreCase", ignoreCase)
	o.Set("LineNumber", int32(number))
	o.Set("Line", line)
	name := "InputStream"
	if path != "InputStream" {
		name = filepath.Base(path)
	}
	o.Set("Filename", name)
	o.Set("Path", path)
	o.Set("Pattern", pattern)
	o.Set("Context", nil)
	if matches == nil {
		matches = []any{}
	}
	o.Set("Matches", matches)
	o.Stringer = func(o *value.Object) string { return matchInfoText(o, "") }
	return o
}

// matchInfoText is MatchInfo.ToString(directory): "path:line:text" (the
// path relative to directory when it lies below it), or the line alone for
// the input stream; with -Context the lines around it, the match marked
// with "> ".
func matchInfoText(o *value.Object, directory string) string {
	get := func(name string) any { v, _ := o.Get(name); return v }
	path := value.ToString(get("Path"))
	fromFile := path != "InputStream"
	display := path
	if fromFile && directory != "" {
		display = relativeTo(path, directory)
	}
	number, _ := value.ConvertTo(get("LineNumber"), value.TInt)
	n, _ := number.(int32)
	format := func(prefix, line string, at int) string {
		if fromFile {
			return prefix + display + ":" + value.ToString(int32(at)) + ":" + line
		}
		return prefix + line
	}
	ctx, _ := get("Context").(*value.Object)
	if ctx == nil {
		return format("", value.ToString(get("Line")), int(n))
	}
	pre, _ := ctx.Get("DisplayPreContext")
	post, _ := ctx.Get("DisplayPostContext")
	preLines, postLines := stringsOfAny(pre), stringsOfAny(post)
	var lines []string
	for i, l := range preLines {
		lines = append(lines, format("  ", l, int(n)-len(preLines)+i))
	}
	lines = append(lines, format("> ", value.ToString(get("Line")), int(n)))
	for i, l := range postLines {
		lines = append(lines, format("  ", l, int(n)+1+i))
	}
	return strings.Join(lines, "\n")
}

// relativeTo is path relative to directory when it lies below it (as
// MatchInfo shows it), else path itself.
func relativeTo(path, directory string) string {
	dir := strings.TrimSuffix(directory, "/")
	if len(path) > len(dir)+1 && strings.EqualFold(path[:len(dir)], dir) && path[len(dir)] == '/' {
		return path[len(dir)+1:]
	}
	return path
}
