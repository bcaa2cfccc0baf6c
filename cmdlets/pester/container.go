package pester

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// runFile runs a test file as a script with its data bound to its
// parameters: & $path @data.
var runFile = mustBlock(`param($__PesterPath, $__PesterData) & $__PesterPath @__PesterData`)

// setContainerData defines a container's -Data as variables of its scope,
// for the setups and tests of the run.
func setContainerData(sc *engine.Scope, ct *container) {
	for _, h := range []*value.Hashtable{ct.params, ct.data} {
		if h == nil {
			continue
		}
		for _, k := range h.Keys() {
			v, _ := h.Get(k)
			sc.SetLocal(value.ToString(k), v)
		}
	}
}

// captureParams records, at the first Pester command a test file's top
// level runs, the values of the file's parameters (defaults included), so
// that the run sees them as Pester's does.
func (m *module) captureParams(c *engine.Call) {
	r := m.run
	if r == nil || r.phase != phaseDiscovery || r.cur == nil || !r.cur.isRoot {
		return
	}
	ct := r.container
	if ct.params != nil || len(ct.paramNames) == 0 {
		return
	}
	ct.params = value.NewHashtable()
	for _, name := range ct.paramNames {
		if v := c.Scope().Lookup(name); v != nil {
			ct.params.Set(name, v.Value)
		}
	}
}

// registerContainer adds New-PesterContainer.
func registerContainer(rt *engine.Runtime) {
	path := engine.Declare[[]string](&engine.ParamInfo{Name: "Path", Type: "String[]", Help: "Test files to run.",
		Sets: []engine.ParamSet{{Name: "Path", Position: -1, Mandatory: true}}})
	sb := engine.Declare[any](&engine.ParamInfo{Name: "ScriptBlock", Type: "ScriptBlock[]", Help: "Test code to run, as script blocks.",
		Sets: []engine.ParamSet{{Name: "ScriptBlock", Position: -1, Mandatory: true}}})
	data := named[any]("Data", "Object[]", "Values for the parameters of the test file (or the variables of the script block); one container per hashtable.")
	rt.Register(&engine.Cmdlet{
		Name: "New-PesterContainer", Module: "Pester", DefaultSet: "Path",
		Synopsis:    "Creates a test container: a test file or script block, with data for its parameters (Pester 5).",
		Description: "Pass the containers to Invoke-Pester -Container (or Run.Container). -Data binds to the param() block of the test file; every key is also a variable during the run.",
		Params:      []*engine.ParamInfo{path.Info(), sb.Info(), data.Info()},
		Outputs:     []string{"Pester.ContainerInfo"},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			datas := []any{nil}
			if v, ok := data.Lookup(c); ok && v != nil {
				datas = enumerate(v)
			}
			var items []any
			typ := "File"
			if c.Set == "ScriptBlock" {
				typ = "ScriptBlock"
				items = enumerate(sb.Get(c))
			} else {
				for _, p := range path.Get(c) {
					items = append(items, c.ResolvePath(p))
				}
			}
			for _, it := range items {
				for _, d := range datas {
					o := value.NewObject("Pester.ContainerInfo", "System.Object")
					o.Set("Type", typ)
					o.Set("Item", it)
					o.Set("Data", d)
					if err := c.WriteObject(o); err != nil {
						return err
					}
				}
			}
			return nil
		}),
	})
}

// containerOf reads a New-PesterContainer object.
func containerOf(c *engine.Call, v any) ([]*container, error) {
	o, ok := v.(*value.Object)
	if !ok || o.TypeName() != "Pester.ContainerInfo" {
		return nil, pesterError("PesterContainerInvalid", "Cannot convert value to type Pester.ContainerInfo.")
	}
	item, _ := o.Get("Item")
	d, _ := o.Get("Data")
	ct := &container{}
	if h, ok := asHashtable(d); ok {
		ct.data = h
	}
	typ, _ := o.Get("Type")
	if strings.EqualFold(value.ToString(typ), "ScriptBlock") {
		sb, _ := item.(*engine.ScriptBlock)
		if sb == nil {
			return nil, pesterError("PesterContainerInvalid", "The container holds no script block.")
		}
		ct.sb = sb
		ct.path = "<ScriptBlock>"
		if sb.Ast != nil && sb.Ast.Source != nil && sb.Ast.Source.Name != "" && !strings.HasPrefix(sb.Ast.Source.Name, "<") {
			ct.path = fmt.Sprintf("<ScriptBlock>:%s:%d", sb.Ast.Source.Name, lineOfBlock(sb))
		}
		return []*container{ct}, nil
	}
	ct.path = value.ToString(item)
	return []*container{ct}, nil
}
