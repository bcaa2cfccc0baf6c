package powershell

import (
	"math"
	"strings"
	"unicode"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/shopspring/decimal"
)

// Type names of Measure-Object's results.
const (
	genericMeasureType       = "Microsoft.PowerShell.Commands.GenericMeasureInfo"
	genericObjectMeasureType = "Microsoft.PowerShell.Commands.GenericObjectMeasureInfo"
	textMeasureType          = "Microsoft.PowerShell.Commands.TextMeasureInfo"
)

// registerMeasureObject adds Measure-Object (alias measure) and the views
// of its results.
func registerMeasureObject(rt *engine.Runtime) {
	p := newMeasureParams()
	rt.Register(&engine.Cmdlet{
		Name: "Measure-Object", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Calculates the numeric properties of objects, and the characters, words, and lines in string objects, such as files of text.",
		Description: "The Measure-Object cmdlet calculates the property values of certain types of object: it counts objects and " +
			"computes the sum, average, minimum, maximum and standard deviation of numeric values (of the objects or of the named " +
			"properties), or counts the lines, words and characters of text. Statistics that were not requested are $null.",
		DefaultSet: "GenericMeasure",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Count and sum numbers", Code: "1..10 | Measure-Object -Sum -Average"},
			{Title: "Measure a property", Code: "$items | Measure-Object -Property Length -Maximum -Minimum"},
			{Title: "Count words", Code: "'one two three' | Measure-Object -Word"},
		},
		Outputs:    []string{genericMeasureType, textMeasureType},
		OutputType: viewOutput(rt, genericMeasureType),
		New:        func() engine.Processor { return &measureObject{p: p} },
	})
	rt.SetAliases("Measure-Object", "measure")
	cols := func(names ...string) []format.Column {
		out := make([]format.Column, len(names))
		for i, n := range names {
			out[i] = format.Column{Property: n}
		}
		return out
	}
	list := cols("Count", "Average", "Sum", "Maximum", "Minimum", "StandardDeviation", "Property")
	rt.Formats.Register(format.View{TypeName: genericMeasureType, Kind: format.ListView, Columns: list})
	rt.Formats.Register(format.View{TypeName: genericObjectMeasureType, Kind: format.ListView, Columns: list})
	rt.Formats.Register(format.View{TypeName: textMeasureType, Kind: format.TableView, Columns: []format.Column{
		{Property: "Lines", Align: format.AlignRight}, {Property: "Words", Align: format.AlignRight},
		{Property: "Characters", Align: format.AlignRight}, {Property: "Property", Align: format.AlignLeft}}})
}

// measureStat accumulates the statistics of one property.
type measureStat struct {
	name             string
	count            int
	sum, mean, m2    float64
	n                int
	min, max         any
	minNum, maxNum   float64
	haveNum          bool
	nonNumericMinMax bool
	found            bool
	lines, words     int
	chars            int
}

// measureParams are Measure-Object's parameters.
type measureParams struct {
	inputObject, property                     engine.Param[any]
	standardDeviation, sum, allStats, average engine.Param[bool]
	maximum, minimum                          engine.Param[bool]
	line, word, character, ignoreWhiteSpace   engine.Param[bool]
}

func newMeasureParams() *measureParams {
	gen, text := "GenericMeasure", "TextMeasure"
	return &measureParams{
		inputObject: pipelineInput("Specifies the objects to be measured."),
		property: engine.Declare[any](&engine.ParamInfo{Name: "Property", Type: "Object[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}},
			Help: "Specifies one or more properties to measure."}),
		standardDeviation: engine.Declare[bool](engine.NamedParamInSets("StandardDeviation", "SwitchParameter", "Indicates that the cmdlet displays the standard deviation of the values of the specified properties.", gen)),
		sum:               engine.Declare[bool](engine.NamedParamInSets("Sum", "SwitchParameter", "Indicates that the cmdlet displays the sum of the values of the specified properties.", gen)),
		allStats:          engine.Declare[bool](engine.NamedParamInSets("AllStats", "SwitchParameter", "Indicates that the cmdlet displays all the statistics of the specified properties.", gen)),
		average:           engine.Declare[bool](engine.NamedParamInSets("Average", "SwitchParameter", "Indicates that the cmdlet displays the average value of the specified properties.", gen)),
		maximum:           engine.Declare[bool](engine.NamedParamInSets("Maximum", "SwitchParameter", "Indicates that the cmdlet displays the maximum value of the specified properties.", gen)),
		minimum:           engine.Declare[bool](engine.NamedParamInSets("Minimum", "SwitchParameter", "Indicates that the cmdlet displays the minimum value of the specified properties.", gen)),
		line:              engine.Declare[bool](engine.NamedParamInSets("Line", "SwitchParameter", "Indicates that the cmdlet counts the number of lines in the input object.", text)),
		word:              engine.Declare[bool](engine.NamedParamInSets("Word", "SwitchParameter", "Indicates that the cmdlet counts the number of words in the input object.", text)),
		character:         engine.Declare[bool](engine.NamedParamInSets("Character", "SwitchParameter", "Indicates that the cmdlet counts the number of characters in the input object.", text)),
		ignoreWhiteSpace:  engine.Declare[bool](engine.NamedParamInSets("IgnoreWhiteSpace", "SwitchParameter", "Ignores white space in character counts.", text)),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *measureParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.inputObject.Info(), p.property.Info(), p.standardDeviation.Info(), p.sum.Info(), p.allStats.Info(),
		p.average.Info(), p.maximum.Info(), p.minimum.Info(), p.line.Info(), p.word.Info(), p.character.Info(), p.ignoreWhiteSpace.Info()}
}

// measureObject is one Measure-Object invocation.
type measureObject struct {
	p                      *measureParams
	specs                  []propSpec
	stats                  []*measureStat
	sum, avg, mn, mx, sd   bool
	line, word, char, ignW bool
	text                   bool
}

func (m *measureObject) Begin(c *engine.Call) error {
	p := m.p
	all := p.allStats.Get(c)
	m.sum, m.avg = p.sum.Get(c) || all, p.average.Get(c) || all
	m.mn, m.mx, m.sd = p.minimum.Get(c) || all, p.maximum.Get(c) || all, p.standardDeviation.Get(c) || all
	m.text = c.Set == "TextMeasure"
	m.line, m.word, m.char, m.ignW = p.line.Get(c), p.word.Get(c), p.character.Get(c), p.ignoreWhiteSpace.Get(c)
	if prop, ok := p.property.Lookup(c); ok {
		specs, err := parsePropSpecs(prop, false)
		if err != nil {
			return err
		}
		m.specs = specs
		for _, ps := range specs {
			m.stats = append(m.stats, &measureStat{name: ps.name})
		}
	} else {
		m.stats = []*measureStat{{}}
	}
	return nil
}

func (m *measureObject) Process(c *engine.Call) error {
	in, ok := processInput(c, m.p.inputObject)
	if !ok {
		return nil
	}
	if m.specs == nil {
		if in == nil && c.HasInput {
			return nil
		}
		return m.add(c, m.stats[0], in)
	}
	for i, ps := range m.specs {
		if in == nil {
			continue
		}
		v, found, err := ps.eval(c, in)
		if err != nil {
			return err
		}
		if !found {
			continue
		}
		if err := m.add(c, m.stats[i], v); err != nil {
			return err
		}
	}
	return nil
}

// toFloat converts a value to a double for the statistics.
func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int32:
		return float64(x), true
	case int64:
		return float64(x), true
	case float64:
		return x, true
	case int:
		return float64(x), true
	case uint8:
		return float64(x), true
	case decimal.Decimal:
		f, _ := x.Float64()
		return f, true
	case bool, nil:
		return 0, false
	case string:
		if n, ok := value.ParseNumber(strings.TrimSpace(x)); ok {
			return toFloat(n)
		}
		return 0, false
	case *value.Object:
		if x.Base != nil {
			return toFloat(x.Base)
		}
	}
	return 0, false
}

// add counts one value.
func (m *measureObject) add(c *engine.Call, st *measureStat, v any) error {
	st.found = true
	if m.text {
		s := value.ToString(v)
		st.count++
		if m.line {
			st.lines += countLines(s)
		}
		if m.word {
			st.words += len(strings.Fields(s))
		}
		if m.char {
			for _, r := range s {
				if m.ignW && unicode.IsSpace(r) {
					continue
				}
				st.chars++
			}
		}
		return nil
	}
	st.count++
	if !(m.sum || m.avg || m.mn || m.mx || m.sd) {
		return nil
	}
	f, ok := toFloat(v)
	if !ok {
		if m.sum || m.avg || m.sd || v == nil {
			if v == nil {
				return nil
			}
			return c.WriteError(engine.NewError("InvalidType", "NonNumericInputObject", v,
				"Input object \"%s\" is not numeric.", value.ToString(v)).WithException("System.Management.Automation.PSInvalidOperationException"))
		}
		st.nonNumericMinMax = true
		if st.min == nil {
			st.min, st.max = v, v
		} else {
			if r, _ := value.CompareValues(v, st.min, false); r < 0 {
				st.min = v
			}
			if r, _ := value.CompareValues(v, st.max, false); r > 0 {
				st.max = v
			}
		}
		return nil
	}
	st.sum += f
	// Welford's online algorithm for the variance.
	st.n++
	delta := f - st.mean
	st.mean += delta / float64(st.n)
	st.m2 += delta * (f - st.mean)
	if !st.haveNum {
		st.minNum, st.maxNum, st.haveNum = f, f, true
	} else {
		st.minNum = math.Min(st.minNum, f)
		st.maxNum = math.Max(st.maxNum, f)
	}
	return nil
}

// countLines counts the lines of a string as Measure-Object -Line does.
func countLines(s string) int {
	if s == "" {
		return 0
	}
	n := strings.Count(s, "\n") + 1
	if strings.HasSuffix(s, "\n") {
		n--
	}
	return n
}

func (m *measureObject) End(c *engine.Call) error {
	for _, st := range m.stats {
		var prop any
		if m.specs != nil {
			prop = st.name
			if !st.found {
				if err := c.WriteError(engine.NewError("ObjectNotFound", "GenericMeasurePropertyNotFound", st.name,
					"The property \"%s\" cannot be found in the input for any objects.", st.name).
					WithException("System.Management.Automation.PSArgumentException")); err != nil {
					return err
				}
				continue
			}
		}
		if m.text {
			o := value.NewObject(textMeasureType, "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object")
			opt := func(on bool, n int) any {
				if on {
					return int32(n)
				}
				return nil
			}
			o.Set("Lines", opt(m.line, st.lines))
			o.Set("Words", opt(m.word, st.words))
			o.Set("Characters", opt(m.char, st.chars))
			o.Set("Property", prop)
			if err := c.WriteObject(o); err != nil {
				return err
			}
			continue
		}
		tn := genericMeasureType
		if st.nonNumericMinMax {
			tn = genericObjectMeasureType
		}
		o := value.NewObject(tn, "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object")
		o.Set("Count", int32(st.count))
		var avg, sum, mx, mn, sd any
		n := float64(st.count)
		if m.avg && st.count > 0 {
			avg = st.sum / n
		}
		if m.sum {
			sum = st.sum
		}
		if m.mx {
			if st.nonNumericMinMax {
				mx = st.max
			} else if st.haveNum {
				mx = st.maxNum
			}
		}
		if m.mn {
			if st.nonNumericMinMax {
				mn = st.min
			} else if st.haveNum {
				mn = st.minNum
			}
		}
		if m.sd {
			if st.n > 1 {
				sd = math.Sqrt(st.m2 / float64(st.n-1))
			} else {
				sd = float64(0)
			}
		}
		o.Set("Average", avg)
		o.Set("Sum", sum)
		o.Set("Maximum", mx)
		o.Set("Minimum", mn)
		o.Set("StandardDeviation", sd)
		o.Set("Property", prop)
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}
