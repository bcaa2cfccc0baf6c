package powershell

import (
	"strconv"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// htmlParams are ConvertTo-Html's parameters.
type htmlParams struct {
	inputObject  engine.Param[any]
	property     engine.Param[any]
	body         engine.Param[[]string]
	head         engine.Param[[]string]
	title        engine.Param[string]
	as           engine.Param[string]
	cssURI       engine.Param[string]
	fragment     engine.Param[bool]
	postContent  engine.Param[[]string]
	preContent   engine.Param[[]string]
	meta         engine.Param[any]
	charset      engine.Param[string]
	transitional engine.Param[bool]
}

func newHTMLParams() *htmlParams {
	page := func(name, typ string, pos int, help string) *engine.ParamInfo {
		return &engine.ParamInfo{Name: name, Type: typ, Help: help, Sets: []engine.ParamSet{{Name: "Page", Position: pos}}}
	}
	title := page("Title", "String", 2, "Specifies a title for the HTML file, the text between the <TITLE> tags (HTML TABLE by default).")
	title.ValidateNotNullOrEmpty = true
	as := engine.NamedParam("As", "String", "Determines whether the object is formatted as a table (Table, the default) or a list (List).")
	as.ValidateSet, as.ValidateNotNullOrEmpty = []string{"Table", "List"}, true
	css := engine.NamedParamInSets("CssUri", "Uri", "Specifies the URI of the cascading style sheet (CSS) that is applied to the HTML file.", "Page")
	css.Aliases, css.ValidateNotNullOrEmpty = []string{"cu", "uri"}, true
	charset := engine.NamedParamInSets("Charset", "String", "Specifies text for the HTML meta charset tag.", "Page")
	charset.ValidateNotNullOrEmpty, charset.ValidatePattern = true, `^[A-Za-z0-9]\w+\S+[A-Za-z0-9]$`
	pre := engine.NamedParam("PreContent", "String[]", "Specifies text to add before the opening <TABLE> tag.")
	post := engine.NamedParam("PostContent", "String[]", "Specifies text to add after the closing </TABLE> tag.")
	pre.ValidateNotNullOrEmpty, post.ValidateNotNullOrEmpty = true, true
	return &htmlParams{
		inputObject: engine.Declare[any](&engine.ParamInfo{Name: "InputObject", Type: "PSObject", AllowNull: true,
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, FromPipeline: true}},
			Help: "Specifies the objects to be represented in HTML."}),
		property: engine.Declare[any](&engine.ParamInfo{Name: "Property", Type: "Object[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}},
			Help: "Includes the specified properties of the objects in the HTML: names (wildcards permitted) or calculated properties (@{Label=…; Expression=…; Width=…; Alignment=…})."}),
		body:         engine.Declare[[]string](page("Body", "String[]", 3, "Specifies the text to add after the opening <BODY> tag.")),
		head:         engine.Declare[[]string](page("Head", "String[]", 1, "Specifies the content of the <HEAD> tag; -Title is then not used.")),
		title:        engine.Declare[string](title),
		as:           engine.Declare[string](as),
		cssURI:       engine.Declare[string](css),
		fragment:     engine.Declare[bool](engine.NamedParamInSets("Fragment", "SwitchParameter", "Generates only an HTML table: no <HTML>, <HEAD>, <TITLE> or <BODY> tags.", "Fragment")),
		postContent:  engine.Declare[[]string](post),
		preContent:   engine.Declare[[]string](pre),
		meta:         engine.Declare[any](engine.NamedParamInSets("Meta", "Hashtable", "Specifies text for the HTML meta tags, as a hashtable of names and contents.", "Page")),
		charset:      engine.Declare[string](charset),
		transitional: engine.Declare[bool](engine.NamedParamInSets("Transitional", "SwitchParameter", "Changes the DOCTYPE to XHTML Transitional DTD.", "Page")),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *htmlParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.inputObject.Info(), p.property.Info(), p.body.Info(), p.head.Info(), p.title.Info(),
		p.as.Info(), p.cssURI.Info(), p.fragment.Info(), p.postContent.Info(), p.preContent.Info(), p.meta.Info(),
		p.charset.Info(), p.transitional.Info()}
}

// registerConvertToHTML adds ConvertTo-Html.
func registerConvertToHTML(rt *engine.Runtime) {
	p := newHTMLParams()
	rt.Register(&engine.Cmdlet{
		Name: "ConvertTo-Html", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Converts .NET objects into HTML that can be displayed in a Web browser.",
		Description: "The ConvertTo-Html cmdlet converts objects into HTML, one string per line: a table with a column per " +
			"property (or, with -As List, a two-column table per object), inside a page with -Title, -Head, -Body, -CssUri, " +
			"-Meta and -Charset, or alone with -Fragment; -PreContent and -PostContent surround the table. Property values " +
			"are HTML-encoded; the text given for the page is not.",
		DefaultSet: "Page",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Write users to a web page", Code: "Import-Csv users.csv | ConvertTo-Html -Title 'Users' | Out-File users.html"},
			{Title: "An HTML table for a mail body", Code: "$body = Get-ChildItem | ConvertTo-Html -Property Name, Length -Fragment | Out-String"},
		},
		Outputs: []string{"System.String"},
		New:     func() engine.Processor { return &convertToHTML{p: p} },
	})
}

// htmlColumn is one resolved column: its label, how to read it, and the
// <col> attributes given in a calculated property.
type htmlColumn struct {
	spec      propSpec
	width     string
	alignment string
}

// convertToHTML is one ConvertTo-Html invocation.
type convertToHTML struct {
	p       *htmlParams
	specs   []htmlColumn // -Property as given (nil: every property)
	cols    []htmlColumn // the table's columns, resolved on the first object
	objects int
	header  bool
}

func (h *convertToHTML) Begin(c *engine.Call) error {
	if v, ok := h.p.property.Lookup(c); ok {
		specs, err := htmlSpecs(v)
		if err != nil {
			return err
		}
		h.specs = specs
	}
	if !h.p.fragment.Get(c) {
		if h.p.transitional.Get(c) {
			if err := c.WriteObject(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">`); err != nil {
				return err
			}
		} else if err := c.WriteObject(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">`); err != nil {
			return err
		}
		lines := []string{`<html xmlns="http://www.w3.org/1999/xhtml">`, "<head>"}
		if cs, ok := h.p.charset.Lookup(c); ok {
			lines = append(lines, `<meta charset="`+cs+`">`)
		}
		if m, ok := h.p.meta.Get(c).(*value.Hashtable); ok {
			for i, k := range m.Keys() {
				name, content := value.ToString(k), value.ToString(m.Values()[i])
				switch strings.ToLower(name) {
				case "content-type", "default-style", "x-ua-compatible":
					lines = append(lines, `<meta http-equiv="`+name+`" content="`+content+`">`)
					continue
				case "application-name", "author", "description", "generator", "keywords", "viewport":
				default:
					c.WriteWarning("Not all properties of Meta are supported. Property " + name + " with value " + content + " is not supported.")
				}
				lines = append(lines, `<meta name="`+name+`" content="`+content+`">`)
			}
		}
		if head, ok := h.p.head.Lookup(c); ok {
			lines = append(lines, head...)
		} else {
			lines = append(lines, "<title>"+h.p.title.Or(c, "HTML TABLE")+"</title>")
		}
		if css, ok := h.p.cssURI.Lookup(c); ok {
			lines = append(lines, `<link rel="stylesheet" type="text/css" href="`+css+`" />`)
		}
		lines = append(lines, "</head><body>")
		lines = append(lines, h.p.body.Get(c)...)
		if err := writeStrings(c, lines); err != nil {
			return err
		}
	}
	if err := writeStrings(c, h.p.preContent.Get(c)); err != nil {
		return err
	}
	return c.WriteObject("<table>")
}

func (h *convertToHTML) Process(c *engine.Call) error {
	in, ok := processInput(c, h.p.inputObject)
	if !ok || in == nil {
		return nil
	}
	h.objects++
	list := strings.EqualFold(h.p.as.Or(c, "Table"), "List")
	if !h.header {
		h.cols = h.resolve(in)
		if len(h.cols) == 0 {
			return nil
		}
		if list {
			if h.objects > 1 {
				if err := c.WriteObject("<tr><td><hr></td></tr>"); err != nil {
					return err
				}
			}
			for _, col := range h.cols {
				v, err := htmlValue(c, col, in)
				if err != nil {
					return err
				}
				if err := c.WriteObject("<tr><td>" + col.spec.name + ":</td><td>" + v + "</td></tr>"); err != nil {
					return err
				}
			}
			return nil
		}
		var group, head strings.Builder
		group.WriteString("<colgroup>")
		head.WriteString("<tr>")
		for _, col := range h.cols {
			group.WriteString("<col")
			if col.width != "" {
				group.WriteString(` width = "` + col.width + `"`)
			}
			if col.alignment != "" {
				group.WriteString(` align = "` + col.alignment + `"`)
			}
			group.WriteString("/>")
			head.WriteString("<th>" + col.spec.name + "</th>")
		}
		group.WriteString("</colgroup>")
		head.WriteString("</tr>")
		if err := writeStrings(c, []string{group.String(), head.String()}); err != nil {
			return err
		}
		h.header = true
	}
	if list {
		return nil
	}
	var row strings.Builder
	row.WriteString("<tr>")
	for _, col := range h.cols {
		v, err := htmlValue(c, col, in)
		if err != nil {
			return err
		}
		row.WriteString("<td>" + v + "</td>")
	}
	row.WriteString("</tr>")
	return c.WriteObject(row.String())
}

func (h *convertToHTML) End(c *engine.Call) error {
	if err := c.WriteObject("</table>"); err != nil {
		return err
	}
	if err := writeStrings(c, h.p.postContent.Get(c)); err != nil {
		return err
	}
	if !h.p.fragment.Get(c) {
		return c.WriteObject("</body></html>")
	}
	return nil
}

// resolve expands the -Property names (wildcards, "*" by default) against
// an object.
func (h *convertToHTML) resolve(in any) []htmlColumn {
	specs := h.specs
	if specs == nil {
		specs = []htmlColumn{{spec: propSpec{name: "*", wildcard: true}}}
	}
	var out []htmlColumn
	for _, s := range specs {
		if !s.spec.wildcard {
			out = append(out, s)
			continue
		}
		for _, n := range propertyNamesOf(in) {
			if value.Like(n, s.spec.name, false) {
				col := s
				col.spec = propSpec{name: n}
				out = append(out, col)
			}
		}
	}
	return out
}

// htmlSpecs reads -Property: names, script blocks, and calculated
// properties that may also give Width and Alignment.
func htmlSpecs(v any) ([]htmlColumn, error) {
	items, ok := value.Enumerate(v)
	if !ok {
		items = []any{v}
	}
	var out []htmlColumn
	for _, it := range items {
		var col htmlColumn
		if t, ok := it.(*value.Hashtable); ok {
			rest := value.NewHashtable()
			for i, k := range t.Keys() {
				key := strings.ToLower(value.ToString(k))
				switch {
				case key != "" && strings.HasPrefix("width", key):
					col.width = value.ToString(t.Values()[i])
				case key != "" && strings.HasPrefix("alignment", key):
					col.alignment = value.ToString(t.Values()[i])
				default:
					rest.Set(k, t.Values()[i])
				}
			}
			it = rest
		}
		specs, err := parsePropSpecs(it, false)
		if err != nil {
			return nil, err
		}
		for _, s := range specs {
			col.spec = s
			out = append(out, col)
		}
	}
	return out, nil
}

// htmlValue is a column's HTML-encoded text for one object (several
// values are joined with ", ").
func htmlValue(c *engine.Call, col htmlColumn, in any) (string, error) {
	v, _, err := col.spec.eval(c, in)
	if err != nil {
		return "", err
	}
	if v == nil {
		return "", nil
	}
	return htmlEncode(dotNetString(v)), nil
}

// dotNetString is a value's .NET ToString(): an array is its type name.
func dotNetString(v any) string {
	switch v.(type) {
	case []any:
		return "System.Object[]"
	}
	return value.ToString(v)
}

// htmlEncode is .NET's WebUtility.HtmlEncode: <, >, &, " and ' become
// entities, as do the characters from U+00A0 to U+00FF and those beyond
// the Basic Multilingual Plane.
func htmlEncode(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case (r >= 0xA0 && r <= 0xFF) || r > 0xFFFF:
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeStrings writes each line as one object.
func writeStrings(c *engine.Call, lines []string) error {
	for _, l := range lines {
		if err := c.WriteObject(l); err != nil {
			return err
		}
	}
	return nil
}
