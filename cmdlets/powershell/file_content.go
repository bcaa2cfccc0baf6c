package powershell

import (
	"os"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// contentPaths are the path parameters the content cmdlets share: -Path,
// -LiteralPath, -Filter, -Include, -Exclude and -Force (accepted, not read).
type contentPaths struct {
	fsPaths
	fsFilters
	force *engine.ParamInfo
}

// newContentPaths declares one content cmdlet's path parameters.
func newContentPaths() contentPaths {
	return contentPaths{
		fsPaths: declareFsPaths(
			&engine.ParamInfo{Name: "Path", Type: "String[]", Sets: []engine.ParamSet{{Name: "Path", Position: 0, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the path to an item. Wildcard characters are permitted."},
			&engine.ParamInfo{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath", "LP"}, Sets: []engine.ParamSet{{Name: "LiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies a path to one or more locations, used exactly as typed."}),
		fsFilters: declareFsFilters(
			&engine.ParamInfo{Name: "Filter", Type: "String", Sets: outSetsAll(), Help: "Specifies a filter to qualify the Path parameter."},
			&engine.ParamInfo{Name: "Include", Type: "String[]", Sets: outSetsAll(), Help: "Specifies, as a string array, items to include."},
			&engine.ParamInfo{Name: "Exclude", Type: "String[]", Sets: outSetsAll(), Help: "Specifies, as a string array, items to exclude."}),
		force: &engine.ParamInfo{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Forces the cmdlet to work on items that otherwise cannot be accessed."},
	}
}

// infos is the declaration list, in the module's order.
func (p contentPaths) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.path.Info(), p.literalPath.Info(), p.filter.Info(), p.include.Info(), p.exclude.Info(), p.force}
}

// contentEncoding declares the -Encoding of a content cmdlet.
func contentEncoding() engine.Param[any] {
	return engine.Declare[any](&engine.ParamInfo{Name: "Encoding", Type: "String", Sets: outSetsAll(), Default: "utf8NoBOM", Help: "Specifies the type of encoding for the target file."})
}

// getContentParams are Get-Content's parameters.
type getContentParams struct {
	contentPaths
	readCount, totalCount, tail engine.Param[int]
	delimiter                   engine.Param[string]
	wait                        *engine.ParamInfo
	raw, asByteStream           engine.Param[bool]
	encoding                    engine.Param[any]
}

func newGetContentParams() *getContentParams {
	return &getContentParams{
		contentPaths: newContentPaths(),
		readCount:    engine.Declare[int](&engine.ParamInfo{Name: "ReadCount", Type: "Int64", Sets: outSetsAll(), Help: "Specifies how many lines of content are sent through the pipeline at a time."}),
		totalCount:   engine.Declare[int](&engine.ParamInfo{Name: "TotalCount", Type: "Int64", Aliases: []string{"First", "Head"}, Sets: outSetsAll(), Default: "-1", Help: "Specifies the number of lines from the beginning of a file."}),
		tail:         engine.Declare[int](&engine.ParamInfo{Name: "Tail", Type: "Int32", Aliases: []string{"Last"}, Sets: outSetsAll(), Help: "Specifies the number of lines from the end of a file."}),
		delimiter:    engine.Declare[string](&engine.ParamInfo{Name: "Delimiter", Type: "String", Sets: outSetsAll(), Help: "Specifies the delimiter that Get-Content uses to divide the file into objects while it reads."}),
		wait:         &engine.ParamInfo{Name: "Wait", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Keeps the file open after all existing lines have been output."},
		raw:          engine.Declare[bool](&engine.ParamInfo{Name: "Raw", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Ignores newline characters and returns the entire contents of a file in one string with the newlines preserved."}),
		asByteStream: engine.Declare[bool](&engine.ParamInfo{Name: "AsByteStream", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Specifies that the content should be read as a stream of bytes."}),
		encoding:     contentEncoding(),
	}
}

// infos is the declaration list, in the module's order.
func (p *getContentParams) infos() []*engine.ParamInfo {
	return append(p.contentPaths.infos(), p.readCount.Info(), p.totalCount.Info(), p.tail.Info(), p.delimiter.Info(),
		p.wait, p.raw.Info(), p.asByteStream.Info(), p.encoding.Info())
}

// setContentParams are the parameters of Set-Content and Add-Content.
type setContentParams struct {
	contentPaths
	value                             engine.Param[any]
	passThru, noNewline, asByteStream engine.Param[bool]
	encoding                          engine.Param[any]
}

func newSetContentParams() *setContentParams {
	return &setContentParams{
		contentPaths: newContentPaths(),
		value:        engine.Declare[any](&engine.ParamInfo{Name: "Value", Type: "Object[]", AllowNull: true, AllowEmptyCollection: true, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the new content for the item."}),
		passThru:     engine.Declare[bool](&engine.ParamInfo{Name: "PassThru", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Returns an object that represents the content."}),
		noNewline:    engine.Declare[bool](&engine.ParamInfo{Name: "NoNewline", Type: "SwitchParameter", Sets: outSetsAll(), Help: "The string representations of the input objects are concatenated to form the output."}),
		asByteStream: engine.Declare[bool](&engine.ParamInfo{Name: "AsByteStream", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Specifies that the content should be written as a stream of bytes."}),
		encoding:     contentEncoding(),
	}
}

// infos is the declaration list, in the module's order.
func (p *setContentParams) infos() []*engine.ParamInfo {
	return append(p.contentPaths.infos(), p.value.Info(), p.passThru.Info(), p.noNewline.Info(), p.asByteStream.Info(), p.encoding.Info())
}

// registerContentCmdlets adds Get-Content, Set-Content, Add-Content and
// Clear-Content.
func registerContentCmdlets(rt *engine.Runtime) {
	get := newGetContentParams()
	rt.Register(&engine.Cmdlet{
		Name: "Get-Content", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Gets the content of the item at the specified location.",
		Description: "The Get-Content cmdlet gets the content of the item at the location specified by the path, such as the text in a file. It reads the content one line at a time and returns a collection of objects, each of which represents a line of content.",
		DefaultSet:  "Path",
		Params:      get.infos(),
		Outputs:     []string{"System.String", "System.Byte"},
		Examples:    []engine.Example{{Title: "Get the first lines of a file", Code: "Get-Content -Path ./log.txt -TotalCount 5", Remarks: "Returns the first five lines."}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { return getContent(c, get) }),
	})
	rt.SetAliases("Get-Content", "gc", "cat", "type")
	for _, name := range []string{"Set-Content", "Add-Content"} {
		verb := "Writes new content or replaces existing content in a file."
		if name == "Add-Content" {
			verb = "Adds content to the specified items, such as adding words to a file."
		}
		p := newSetContentParams()
		rt.Register(&engine.Cmdlet{
			Name: name, Module: "Microsoft.PowerShell.Management",
			Synopsis: verb, Description: verb + " Each value is written on its own line.",
			DefaultSet: "Path", SupportsShouldProcess: true,
			Params:   p.infos(),
			Examples: []engine.Example{{Title: "Write a file", Code: name + " -Path ./a.txt -Value 'Hello'", Remarks: ""}},
			New:      func() engine.Processor { return &setContent{add: name == "Add-Content", p: p} },
		})
	}
	clearPaths := newContentPaths()
	rt.Register(&engine.Cmdlet{
		Name: "Clear-Content", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Deletes the contents of an item, but does not delete the item.",
		Description: "The Clear-Content cmdlet deletes the contents of an item, such as deleting the text from a file, but it does not delete the item.",
		DefaultSet:  "Path", SupportsShouldProcess: true,
		Params: clearPaths.infos(),
		New:    engine.ProcessOnly(func(c *engine.Call) error { return clearContent(c, clearPaths) }),
	})
	rt.SetAliases("Clear-Content", "clc")
}

// contentTargets expands the -Path/-LiteralPath of c into existing files,
// reporting missing ones and directories as pwsh does.
//
// A path of another provider (variable:x, env:HOME, function:f) goes to
// onProv when it is set, else it is an error; a wildcard that matches no
// file is pwsh's ItemNotFound error.
func contentTargets(c *engine.Call, prm contentPaths, mustExist bool, onProv func(ip engine.ItemPath, literal bool) error) ([]string, error) {
	raws, literal := prm.args(c)
	var out []string
	for _, raw := range raws {
		if onProv != nil {
			if ip, err := c.ResolveItemPath(raw); err == nil && !ip.IsFileSystem() {
				if err := onProv(ip, literal); err != nil {
					return nil, err
				}
				continue
			}
		}
		paths, wild, err := fsExpandPath(c, raw, literal)
		if err != nil {
			if err := c.WriteError(engine.AsRecord(err)); err != nil {
				return nil, err
			}
			continue
		}
		if wild && len(paths) == 0 {
			if err := c.WriteError(itemNotFound(raw)); err != nil {
				return nil, err
			}
			continue
		}
		for _, p := range paths {
			st, err := os.Stat(p)
			if err != nil {
				if !mustExist && !wild {
					out = append(out, p)
					continue
				}
				if err := c.WriteError(engine.PathNotFoundError(p)); err != nil {
					return nil, err
				}
				continue
			}
			if st.IsDir() {
				if wild {
					continue
				}
				rec := engine.NewError("ReadError", "GetContentReaderUnauthorizedAccessError", p, "Unable to get content because it is a directory: '%s'. Please use 'Get-ChildItem' instead.", p).
					WithException("System.UnauthorizedAccessException")
				if err := c.WriteError(rec); err != nil {
					return nil, err
				}
				continue
			}
			if !prm.matches(c, fsBase(p)) {
				continue
			}
			out = append(out, p)
		}
	}
	return out, nil
}

// fsBase is the last element of a path.
func fsBase(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 && i < len(p)-1 {
		return p[i+1:]
	}
	return p
}

// splitContentLines splits text at \r\n, \n or \r; a final line break
// does not start an empty line (StreamReader.ReadLine).
func splitContentLines(text string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			lines = append(lines, text[start:i])
			start = i + 1
		case '\r':
			lines = append(lines, text[start:i])
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(text) {
		lines = append(lines, text[start:])
	}
	return lines
}

// getContent is Get-Content.
func getContent(c *engine.Call, prm *getContentParams) error {
	enc, err := textEncodingFrom(c, prm.encoding, "utf8NoBOM")
	if err != nil {
		return err
	}
	paths, err := contentTargets(c, prm.contentPaths, true, func(ip engine.ItemPath, literal bool) error {
		return provGetContent(c, ip, literal)
	})
	if err != nil {
		return err
	}
	total := prm.totalCount.Or(c, -1)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			if werr := c.WriteError(fileOpenError(p, err)); werr != nil {
				return werr
			}
			continue
		}
		if prm.asByteStream.Get(c) {
			if prm.raw.Get(c) {
				arr := make([]any, len(data))
				for i, b := range data {
					arr[i] = b
				}
				if err := c.WriteObject(arr); err != nil {
					return err
				}
				continue
			}
			for i, b := range data {
				if total >= 0 && i >= total {
					break
				}
				if err := c.WriteObject(b); err != nil {
					return err
				}
			}
			continue
		}
		text := decodeText(data, enc)
		if prm.raw.Get(c) {
			if text == "" {
				continue
			}
			if err := c.WriteObject(text); err != nil {
				return err
			}
			continue
		}
		var lines []string
		if d := prm.delimiter.Get(c); d != "" && d != "\n" {
			for len(text) > 0 {
				i := strings.Index(text, d)
				if i < 0 {
					lines = append(lines, text)
					break
				}
				lines = append(lines, text[:i+len(d)])
				text = text[i+len(d):]
			}
		} else {
			lines = splitContentLines(text)
		}
		if prm.tail.Given(c) {
			n := prm.tail.Or(c, 0)
			if n >= 0 && n < len(lines) {
				lines = lines[len(lines)-n:]
			}
		}
		if total >= 0 && total < len(lines) {
			lines = lines[:total]
		}
		if rc := prm.readCount.Or(c, 1); rc > 1 || rc == 0 {
			if rc == 0 {
				rc = len(lines)
			}
			for i := 0; i < len(lines); i += rc {
				chunk := make([]any, 0, rc)
				for _, l := range lines[i:min(i+rc, len(lines))] {
					chunk = append(chunk, l)
				}
				if err := c.WriteObject(chunk); err != nil {
					return err
				}
			}
			continue
		}
		for _, l := range lines {
			if err := c.WriteObject(l); err != nil {
				return err
			}
		}
	}
	return nil
}

// setContent is Set-Content and Add-Content: values are collected and the
// files written in End.
type setContent struct {
	add    bool
	p      *setContentParams
	values []any
}

func (s *setContent) Begin(c *engine.Call) error {
	_, err := textEncodingFrom(c, s.p.encoding, "utf8NoBOM")
	return err
}

func (s *setContent) Process(c *engine.Call) error {
	v := s.p.value.Get(c)
	if items, ok := value.Enumerate(v); ok {
		s.values = append(s.values, items...)
	} else {
		s.values = append(s.values, v)
	}
	return nil
}

func (s *setContent) End(c *engine.Call) error {
	enc, _ := textEncodingFrom(c, s.p.encoding, "utf8NoBOM")
	paths, err := contentTargets(c, s.p.contentPaths, false, func(ip engine.ItemPath, literal bool) error {
		if s.add {
			return c.WriteError(notFileSystemError(ip.Path, ip.Provider))
		}
		var v any = s.values
		if len(s.values) == 1 {
			v = s.values[0]
		}
		return provSet(c, ip, v)
	})
	if err != nil {
		return err
	}
	var b strings.Builder
	var raw []byte
	for _, v := range s.values {
		if s.p.asByteStream.Get(c) {
			if n, err := value.ConvertToName(v, "byte"); err == nil {
				if x, ok := n.(uint8); ok {
					raw = append(raw, x)
				}
			}
			continue
		}
		if v == nil {
			continue
		}
		b.WriteString(value.ToString(v))
		if !s.p.noNewline.Get(c) {
			b.WriteByte('\n')
		}
	}
	action := "Set Content"
	if s.add {
		action = "Add Content"
	}
	for _, p := range paths {
		if ok, err := c.ShouldProcess("Path: "+p, action); err != nil {
			return err
		} else if !ok {
			continue
		}
		var werr error
		if s.p.asByteStream.Get(c) {
			werr = fsWriteBytes(c, p, raw, s.add)
		} else {
			werr = writeTextFile(c, p, b.String(), enc, s.add)
		}
		if engine.IsBarrierError(werr) {
			return werr // nothing can be written once durability fails
		}
		if werr != nil {
			if err := c.WriteError(engine.AsRecord(werr)); err != nil {
				return err
			}
			continue
		}
	}
	if s.p.passThru.Get(c) {
		for _, v := range s.values {
			if err := c.WriteObject(v); err != nil {
				return err
			}
		}
	}
	return nil
}

// fsWriteBytes writes or appends raw bytes.
func fsWriteBytes(c *engine.Call, path string, data []byte, appendTo bool) error {
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if appendTo {
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	return writeFile(c, path, flags, data)
}

// clearContent is Clear-Content.
func clearContent(c *engine.Call, p contentPaths) error {
	paths, err := contentTargets(c, p, true, nil)
	if err != nil {
		return err
	}
	for _, p := range paths {
		if ok, err := c.ShouldProcess(p, "Clear Content"); err != nil {
			return err
		} else if !ok {
			continue
		}
		// Truncate through the file handler (no O_CREATE: a missing
		// file stays an error, as with os.Truncate).
		err := writeFile(c, p, os.O_WRONLY|os.O_TRUNC, nil)
		if engine.IsBarrierError(err) {
			return err
		}
		if err != nil {
			if werr := c.WriteError(engine.AsRecord(err)); werr != nil {
				return werr
			}
		}
	}
	return nil
}
