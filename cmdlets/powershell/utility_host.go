package powershell

import (
	"errors"
	"io"
	"math"
	"math/rand"
	"sync"
	"time"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerHostCmdlets adds Read-Host and Clear-Host.
func registerHostCmdlets(rt *engine.Runtime) {
	prompt := engine.Declare[any](&engine.ParamInfo{Name: "Prompt", Type: "Object", AllowNull: true, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromRemainingArgs: true}},
		Help: "Specifies the text of the prompt. PowerShell appends a colon (:) to the text that you enter."})
	asSecureString := engine.Declare[bool](engine.NamedParamInSets("AsSecureString", "SwitchParameter", "Displays asterisks (*) in place of the characters that the user types as input.", "AsSecureString"))
	maskInput := engine.Declare[bool](engine.NamedParamInSets("MaskInput", "SwitchParameter", "Indicates that the input is hidden as it is typed; the result is a plain string.", "AsString"))
	rt.Register(&engine.Cmdlet{
		Name: "Read-Host", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Reads a line of input from the console.",
		Description: "The Read-Host cmdlet reads a line of input from the console after showing the prompt followed by \": \". " +
			"With -AsSecureString or -MaskInput the input is not echoed; csshell has no SecureString, so -AsSecureString returns " +
			"the string itself.",
		DefaultSet: "AsString",
		Params:     []*engine.ParamInfo{prompt.Info(), asSecureString.Info(), maskInput.Info()},
		Examples:   []engine.Example{{Title: "Read a value", Code: "$age = Read-Host 'Please enter your age'"}},
		Outputs:    []string{"System.String"},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			text := ""
			if p, ok := prompt.Lookup(c); ok {
				text = hostText(p, " ") + ": "
			}
			h := c.Host()
			if h.NonInteractive {
				return engine.NonInteractiveError()
			}
			var line string
			var err error
			if (asSecureString.Get(c) || maskInput.Get(c)) && h.ReadSecret != nil {
				line, err = h.ReadSecret(text)
			} else {
				line, err = h.Prompt(text)
			}
			if err != nil {
				if errors.Is(err, io.EOF) {
					return nil
				}
				if c.Context().Err() != nil {
					return engine.ErrPipelineStopped
				}
				return engine.NewError("ReadError", "ReadHostFailed", nil, "%s", err.Error())
			}
			return c.WriteObject(line)
		}),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Clear-Host", Module: "Microsoft.PowerShell.Core",
		Synopsis:    "Clears the display in the host program.",
		Description: "The Clear-Host function removes all text from the current display, including commands and output that might have accumulated. Without a terminal it does nothing.",
		Params:      nil,
		Examples:    []engine.Example{{Title: "Clear the screen", Code: "Clear-Host"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			if f := c.Host().Clear; f != nil {
				f()
			}
			return nil
		}),
	})
	rt.SetAliases("Clear-Host", "cls", "clear")
}

// rng is the session-wide random generator of Get-Random.
var rng = struct {
	sync.Mutex
	r *rand.Rand
}{r: rand.New(rand.NewSource(time.Now().UnixNano()))}

// registerRandomCmdlets adds Get-Random and New-Guid.
func registerRandomCmdlets(rt *engine.Runtime) {
	p := newGetRandomParams()
	rt.Register(&engine.Cmdlet{
		Name: "Get-Random", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Gets a random number, or selects objects randomly from a collection.",
		Description: "The Get-Random cmdlet gets a randomly selected number (from 0 up to but not including -Maximum, " +
			"Int32.MaxValue by default), or selects -Count objects randomly from the input, or shuffles the input (-Shuffle). " +
			"-SetSeed makes the sequence repeatable within csshell (the numbers differ from .NET's).",
		DefaultSet: "RandomNumberParameterSet",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Get a random number between 1 and 10", Code: "Get-Random -Minimum 1 -Maximum 11"},
			{Title: "Pick an item", Code: "'a','b','c' | Get-Random"},
		},
		Outputs: []string{"System.Int32", "System.Int64", "System.Double", "System.Object"},
		New:     func() engine.Processor { return &getRandom{p: p} },
	})
	empty := engine.Declare[bool](engine.NamedParamInSets("Empty", "SwitchParameter", "Indicates that the cmdlet creates an empty GUID (all zeros).", "Empty"))
	guidText := engine.Declare[string](&engine.ParamInfo{Name: "InputObject", Type: "String", Sets: []engine.ParamSet{{Name: "InputObject", Position: -1, Mandatory: true, FromPipeline: true}},
		Help: "A string that is converted to a GUID."})
	rt.Register(&engine.Cmdlet{
		Name: "New-Guid", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Creates a GUID.",
		Description: "The New-Guid cmdlet creates a random globally unique identifier (GUID), or the empty GUID with -Empty.",
		DefaultSet:  "Default",
		Params:      []*engine.ParamInfo{empty.Info(), guidText.Info()},
		Examples:    []engine.Example{{Title: "Create a GUID", Code: "New-Guid"}},
		Outputs:     []string{"System.Guid"},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			switch c.Set {
			case "Empty":
				return c.WriteObject(value.Guid{})
			case "InputObject":
				s := guidText.Get(c)
				g, ok := value.ParseGuid(s)
				if !ok {
					return c.WriteError(engine.NewError("InvalidArgument", "StringNotRecognizedAsGuid", s,
						"Cannot convert value \"%s\" to type \"System.Guid\". Error: \"Unrecognized Guid format.\"", s).
						WithException("System.Management.Automation.PSInvalidCastException"))
				}
				return c.WriteObject(g)
			}
			return c.WriteObject(value.NewGuid())
		}),
	})
}

// getRandomParams are Get-Random's parameters.
type getRandomParams struct {
	setSeed          engine.Param[int]
	maximum, minimum engine.Param[any]
	inputObject      engine.Param[any]
	count            engine.Param[int]
	shuffle          engine.Param[bool]
}

func newGetRandomParams() *getRandomParams {
	num, list, shuffle := "RandomNumberParameterSet", "RandomListItemParameterSet", "ShuffleParameterSet"
	return &getRandomParams{
		setSeed: engine.Declare[int](engine.NamedParam("SetSeed", "Int32", "Specifies a seed value for the random number generator.")),
		maximum: engine.Declare[any](&engine.ParamInfo{Name: "Maximum", Type: "Object", Sets: []engine.ParamSet{{Name: num, Position: 0}}, Help: "Specifies a maximum value for the random number (exclusive)."}),
		minimum: engine.Declare[any](engine.NamedParamInSets("Minimum", "Object", "Specifies a minimum value for the random number (inclusive).", num)),
		inputObject: engine.Declare[any](&engine.ParamInfo{Name: "InputObject", Type: "Object[]", Sets: []engine.ParamSet{{Name: list, Position: 0, Mandatory: true, FromPipeline: true}, {Name: shuffle, Position: -1, Mandatory: true, FromPipeline: true}},
			Help: "Specifies a collection of objects from which to choose."}),
		count:   engine.Declare[int](engine.NamedParamInSets("Count", "Int32", "Specifies the number of random objects or numbers to return.", num, list)),
		shuffle: engine.Declare[bool](&engine.ParamInfo{Name: "Shuffle", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: shuffle, Position: -1, Mandatory: true}}, Help: "Returns the entire collection in a randomized order."}),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *getRandomParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.setSeed.Info(), p.maximum.Info(), p.minimum.Info(), p.inputObject.Info(), p.count.Info(), p.shuffle.Info()}
}

// getRandom is one Get-Random invocation.
type getRandom struct {
	p     *getRandomParams
	items []any
}

func (g *getRandom) Begin(c *engine.Call) error {
	if seed, ok := g.p.setSeed.Lookup(c); ok {
		rng.Lock()
		rng.r = rand.New(rand.NewSource(int64(seed)))
		rng.Unlock()
	}
	return nil
}

func (g *getRandom) Process(c *engine.Call) error {
	if c.Set == "RandomNumberParameterSet" {
		return nil
	}
	if c.HasInput {
		g.items = append(g.items, c.Input)
	} else {
		g.items = append(g.items, listOf(g.p.inputObject.Get(c))...)
	}
	return nil
}

func (g *getRandom) End(c *engine.Call) error {
	rng.Lock()
	r := rng.r
	rng.Unlock()
	if c.Set != "RandomNumberParameterSet" {
		items := append([]any(nil), g.items...)
		r.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
		n := len(items)
		if c.Set != "ShuffleParameterSet" {
			n = min(n, g.p.count.Or(c, 1))
		}
		for _, it := range items[:n] {
			if err := c.WriteObject(it); err != nil {
				return err
			}
		}
		return nil
	}
	count := g.p.count.Or(c, 1)
	for i := 0; i < count; i++ {
		v, err := randomNumber(c, g.p, r)
		if err != nil {
			return err
		}
		if err := c.WriteObject(v); err != nil {
			return err
		}
	}
	return nil
}

// numArg reads a -Minimum/-Maximum argument as pwsh does: a string is
// scanned as a number literal (int32, int64 or double); other values are
// kept as they are, $null (not given) included.
func numArg(p engine.Param[any], c *engine.Call) any {
	v, ok := p.Lookup(c)
	if !ok {
		return nil
	}
	if s, ok := v.(string); ok {
		if n, ok := value.ParseNumber(s); ok {
			return n
		}
	}
	return v
}

// minMaxErr is the error for -Minimum at or above -Maximum.
func minMaxErr(lo, hi any) error {
	return engine.NewError("InvalidArgument", "MinGreaterThanOrEqualMax", nil,
		"The Minimum value (%s) cannot be greater than or equal to the Maximum value (%s).", value.ToString(lo), value.ToString(hi)).
		WithException("System.ArgumentException")
}

// randomNumber draws one number as pwsh does: Int32 when both bounds are
// Int32 (or not given; the default range is 0 to Int32.MaxValue), Int64
// when they are Int32 or Int64 (the default maximum then Int64.MaxValue),
// else Double (the default maximum Double.MaxValue).
func randomNumber(c *engine.Call, p *getRandomParams, r *rand.Rand) (any, error) {
	hi, lo := numArg(p.maximum, c), numArg(p.minimum, c)
	isInt := func(v any) bool { _, ok := v.(int32); return v == nil || ok }
	isInt64 := func(v any) bool { _, ok := v.(int64); return isInt(v) || ok }
	switch {
	case isInt(hi) && isInt(lo):
		l, h := int32(0), int32(math.MaxInt32)
		if lo != nil {
			l = lo.(int32)
		}
		if hi != nil {
			h = hi.(int32)
		}
		if l >= h {
			return nil, minMaxErr(l, h)
		}
		return l + int32(r.Int63n(int64(h)-int64(l))), nil
	case isInt64(hi) && isInt64(lo):
		l, h := int64(0), int64(math.MaxInt64)
		if lo != nil {
			l = asInt64(lo)
		}
		if hi != nil {
			h = asInt64(hi)
		}
		if l >= h {
			return nil, minMaxErr(l, h)
		}
		// The range can pass Int64.MaxValue; draw it as a UInt64.
		span := uint64(h) - uint64(l)
		var n uint64
		if span <= math.MaxInt64 {
			n = uint64(r.Int63n(int64(span)))
		} else {
			for n = r.Uint64(); n >= span; n = r.Uint64() {
			}
		}
		return int64(uint64(l) + n), nil
	}
	l, h := 0.0, math.MaxFloat64
	if lo != nil {
		f, err := toDouble(lo)
		if err != nil {
			return nil, err
		}
		l = f
	}
	if hi != nil {
		f, err := toDouble(hi)
		if err != nil {
			return nil, err
		}
		h = f
	}
	if l >= h {
		return nil, minMaxErr(l, h)
	}
	u := r.Float64()
	// l*(1-u) + h*u stays finite when h-l would not.
	n := l*(1-u) + h*u
	if n >= h {
		n = l
	}
	return n, nil
}

// asInt64 widens an Int32 or Int64 bound.
func asInt64(v any) int64 {
	if n, ok := v.(int32); ok {
		return int64(n)
	}
	return v.(int64)
}

// toDouble converts a -Minimum/-Maximum value to Double.
func toDouble(v any) (float64, error) {
	f, err := value.ConvertTo(v, value.TDouble)
	if err != nil {
		return 0, engine.NewError("InvalidArgument", "CannotConvertArgument", v,
			"Cannot convert value \"%s\" to type \"System.Double\".", value.ToString(v))
	}
	return f.(float64), nil
}
