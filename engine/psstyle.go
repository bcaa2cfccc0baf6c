package engine

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// $PSStyle (pwsh 7.2+, about_ANSI_Terminals): the ANSI sequences of text
// styles, colours and the formatter's accents, and OutputRendering — when
// formatted output carries them. The object is the one source: the
// formatter reads its Formatting members each time a writer starts
// (OutputStyle), so a script's change applies to the next output.

// The type names of $PSStyle and its members, as pwsh shows them.
const (
	psStyleType      = "System.Management.Automation.PSStyle"
	psFormattingType = "System.Management.Automation.PSStyle+FormattingData"
	psProgressType   = "System.Management.Automation.PSStyle+ProgressConfiguration"
	psFileInfoType   = "System.Management.Automation.PSStyle+FileInfoFormatting"
	psForegroundType = "System.Management.Automation.PSStyle+ForegroundColor"
	psBackgroundType = "System.Management.Automation.PSStyle+BackgroundColor"
)

// OutputRendering values.
const (
	renderHost      = "Host"
	renderPlainText = "PlainText"
	renderAnsi      = "Ansi"
)

// esc builds an SGR sequence.
func esc(code string) string { return "\x1b[" + code + "m" }

// psStyleTexts are the text styles, in pwsh's order.
var psStyleTexts = []struct{ name, code string }{
	{"Reset", "0"}, {"BlinkOff", "25"}, {"Blink", "5"}, {"BoldOff", "22"}, {"Bold", "1"},
	{"DimOff", "22"}, {"Dim", "2"}, {"Hidden", "8"}, {"HiddenOff", "28"}, {"Reverse", "7"},
	{"ReverseOff", "27"}, {"ItalicOff", "23"}, {"Italic", "3"}, {"UnderlineOff", "24"}, {"Underline", "4"},
	{"StrikethroughOff", "29"}, {"Strikethrough", "9"},
}

// psStyleFormatting are $PSStyle.Formatting's defaults.
var psStyleFormatting = []struct{ name, code string }{
	{"FormatAccent", "32;1"}, {"ErrorAccent", "36;1"}, {"Error", "31;1"}, {"Warning", "33;1"},
	{"Verbose", "33;1"}, {"Debug", "33;1"}, {"TableHeader", "32;1"}, {"CustomTableHeaderLabel", "32;1;3"},
	{"FeedbackName", "33"}, {"FeedbackText", "96"}, {"FeedbackAction", "97"},
}

// psColors are the colour names with their foreground codes (background
// is +10).
var psColors = []struct {
	name string
	code int
}{
	{"Black", 30}, {"BrightBlack", 90}, {"White", 37}, {"BrightWhite", 97}, {"Red", 31}, {"BrightRed", 91},
	{"Magenta", 35}, {"BrightMagenta", 95}, {"Blue", 34}, {"BrightBlue", 94}, {"Cyan", 36}, {"BrightCyan", 96},
	{"Green", 32}, {"BrightGreen", 92}, {"Yellow", 33}, {"BrightYellow", 93},
}

// newPSStyle builds a $PSStyle with pwsh's defaults; changes to what the
// progress bar reads (Progress.*, Reverse, ReverseOff, Reset) are handed
// to the host's renderer through sync.
func newPSStyle(sync func(member string, v any)) *value.Object {
	o := value.NewObject(psStyleType, "System.Object")
	for _, s := range psStyleTexts {
		set := styleSetter(s.name)
		switch s.name {
		case "Reverse", "ReverseOff", "Reset":
			set = syncing(set, s.name, sync)
		}
		o.SetChecked(s.name, esc(s.code), set)
	}
	o.SetChecked("OutputRendering", renderHost, setOutputRendering)
	f := value.NewObject(psFormattingType, "System.Object")
	for _, s := range psStyleFormatting {
		f.SetChecked(s.name, esc(s.code), styleSetter(s.name))
	}
	o.Set("Formatting", f)
	p := value.NewObject(psProgressType, "System.Object")
	p.SetChecked("Style", esc("33;1"), syncing(styleSetter("Style"), "Progress.Style", sync))
	p.SetChecked("MaxWidth", int32(120), syncing(setMaxWidth, "Progress.MaxWidth", sync))
	p.SetChecked("View", "Minimal", syncing(setProgressView, "Progress.View", sync))
	p.SetChecked("UseOSCIndicator", false, syncing(setBool("UseOSCIndicator"), "Progress.UseOSCIndicator", sync))
	o.Set("Progress", p)
	fi := value.NewObject(psFileInfoType, "System.Object")
	fi.SetChecked("Directory", esc("44;1"), styleSetter("Directory"))
	fi.SetChecked("SymbolicLink", esc("36;1"), styleSetter("SymbolicLink"))
	fi.SetChecked("Executable", esc("32;1"), styleSetter("Executable"))
	fi.SetChecked("Hidden", esc("2"), styleSetter("Hidden"))
	ext := value.NewHashtable()
	for _, e := range []string{".zip", ".tgz", ".gz", ".tar", ".nupkg", ".cab", ".7z"} {
		ext.Set(e, esc("31;1"))
	}
	for _, e := range []string{".ps1", ".psd1", ".psm1", ".ps1xml"} {
		ext.Set(e, esc("33;1"))
	}
	fi.Set("Extension", ext)
	o.Set("FileInfo", fi)
	fg := value.NewObject(psForegroundType, "System.Object")
	bg := value.NewObject(psBackgroundType, "System.Object")
	for _, c := range psColors {
		fg.SetChecked(c.name, esc(fmt.Sprint(c.code)), styleSetter(c.name))
		bg.SetChecked(c.name, esc(fmt.Sprint(c.code+10)), styleSetter(c.name))
	}
	o.Set("Foreground", fg)
	o.Set("Background", bg)
	return o
}

// syncing wraps a setter so that an accepted value is also handed to
// sync (the setter runs before the value is stored).
func syncing(set func(*value.Object, any) (any, error), member string, sync func(string, any)) func(*value.Object, any) (any, error) {
	return func(o *value.Object, v any) (any, error) {
		nv, err := set(o, v)
		if err == nil && sync != nil {
			sync(member, nv)
		}
		return nv, err
	}
}

// toInt converts v as [int] does.
func toInt(v any) (int, error) {
	n, err := value.ConvertToName(v, "int")
	if err != nil {
		return 0, err
	}
	return int(n.(int32)), nil
}

// setError is the error of a rejected assignment, as pwsh reports a
// setter's exception.
func setError(name, msg string) error {
	return &value.Error{ExceptionType: "System.Management.Automation.SetValueInvocationException", ErrorID: "ExceptionWhenSetting",
		Category: "NotSpecified", Msg: fmt.Sprintf("Exception setting \"%s\": \"%s\"", name, msg)}
}

// styleSetter accepts only escape sequences: a style with printable text
// would print it with every decorated output.
func styleSetter(name string) func(*value.Object, any) (any, error) {
	return func(_ *value.Object, v any) (any, error) {
		s := value.ToString(v)
		if v == nil {
			s = ""
		}
		if rest := StripVT(s); rest != "" {
			return nil, setError(name, "The specified string contains printable content when it should only contain ANSI escape sequences: "+rest)
		}
		return s, nil
	}
}

// setOutputRendering converts to the OutputRendering enum.
func setOutputRendering(_ *value.Object, v any) (any, error) {
	s := strings.TrimSpace(value.ToString(v))
	for _, r := range []string{renderHost, renderPlainText, renderAnsi} {
		if strings.EqualFold(s, r) {
			return r, nil
		}
	}
	return nil, setError("OutputRendering", fmt.Sprintf("Cannot convert value \"%s\" to type \"System.Management.Automation.OutputRendering\". "+
		"Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\n%s, %s, %s\"",
		s, s, renderHost, renderPlainText, renderAnsi))
}

// setMaxWidth allows progress bars of 18 columns or more.
func setMaxWidth(_ *value.Object, v any) (any, error) {
	n, err := toInt(v)
	if err != nil {
		return nil, setError("MaxWidth", err.Error())
	}
	if n < 18 {
		return nil, setError("MaxWidth", "MaxWidth must be at least 18.")
	}
	return int32(n), nil
}

// setProgressView takes Minimal or Classic.
func setProgressView(_ *value.Object, v any) (any, error) {
	s := strings.TrimSpace(value.ToString(v))
	for _, r := range []string{"Minimal", "Classic"} {
		if strings.EqualFold(s, r) {
			return r, nil
		}
	}
	return nil, setError("View", fmt.Sprintf("Cannot convert value \"%s\" to type \"System.Management.Automation.ProgressView\".", s))
}

// setBool converts to a Boolean.
func setBool(name string) func(*value.Object, any) (any, error) {
	return func(_ *value.Object, v any) (any, error) { return value.ToBool(v), nil }
}

// PSStyle returns the session's $PSStyle.
func (rt *Runtime) PSStyle() *value.Object {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.psStyle == nil {
		rt.psStyle = newPSStyle(rt.syncProgressMember)
	}
	return rt.psStyle
}

// rendersAnsi reports whether output to a destination carries ANSI
// sequences: the terminal (toHost) under OutputRendering Host when the
// host shows colour, any destination under Ansi, none under PlainText
// (pwsh's rule: strings pass untouched; only what the formatter and the
// host make is decorated).
func (rt *Runtime) rendersAnsi(toHost bool) bool {
	mode, _ := rt.PSStyle().Get("OutputRendering")
	switch value.ToString(mode) {
	case renderAnsi:
		return true
	case renderHost:
		return toHost && rt.host.Color
	}
	return false
}

// styleMember reads a string member of a $PSStyle object ("" when unset).
func styleMember(obj any, name string) string {
	if x, ok := obj.(*value.Object); ok {
		if v, ok := x.Get(name); ok && v != nil {
			return value.ToString(v)
		}
	}
	return ""
}

// OutputStyle is how formatted output is decorated at a destination
// (see rendersAnsi): the zero Style when it carries no ANSI.
func (rt *Runtime) OutputStyle(toHost bool) format.Style {
	if !rt.rendersAnsi(toHost) {
		return format.Style{}
	}
	o := rt.PSStyle()
	f, _ := o.Get("Formatting")
	return format.Style{TableHeader: styleMember(f, "TableHeader"), CustomTableHeaderLabel: styleMember(f, "CustomTableHeaderLabel"),
		FormatAccent: styleMember(f, "FormatAccent"), Reset: styleMember(o, "Reset")}
}

// hostAccent returns $PSStyle.Formatting.<name> (Error, ErrorAccent,
// Warning, Verbose, Debug) and $PSStyle.Reset when what the host writes
// to the terminal is decorated, else two empty strings — pwsh's
// GetFormatStyleString and GetOutputString, which strip the sequences
// again for PlainText or a terminal without VT.
func (rt *Runtime) hostAccent(name string) (accent, reset string) {
	if !rt.rendersAnsi(true) {
		return "", ""
	}
	o := rt.PSStyle()
	f, _ := o.Get("Formatting")
	return styleMember(f, name), styleMember(o, "Reset")
}

// psStyleMethod calls $PSStyle.FormatHyperlink and the FromRgb methods of
// $PSStyle.Foreground and .Background; handled is false otherwise.
func psStyleMethod(o *value.Object, name, lname string, args []any) (any, bool, error) {
	if len(o.TypeNames) == 0 {
		return nil, false, nil
	}
	bad := func(msg string) error {
		return &value.Error{ExceptionType: value.ExMethodInvocation, ErrorID: "MethodException", Category: "NotSpecified",
			Msg: fmt.Sprintf("Exception calling \"%s\" with \"%d\" argument(s): \"%s\"", name, len(args), msg)}
	}
	switch t := o.TypeNames[0]; {
	case t == psStyleType && lname == "formathyperlink" && len(args) == 2:
		text, link := value.ToString(args[0]), value.ToString(args[1])
		return "\x1b]8;;" + link + "\x1b\\" + text + "\x1b]8;;\x1b\\", true, nil
	case (t == psForegroundType || t == psBackgroundType) && lname == "fromrgb" && (len(args) == 1 || len(args) == 3):
		base := "38"
		if t == psBackgroundType {
			base = "48"
		}
		var rgb [3]int
		if len(args) == 1 {
			n, err := toInt(args[0])
			if err != nil {
				return nil, true, bad(err.Error())
			}
			rgb = [3]int{n >> 16 & 0xff, n >> 8 & 0xff, n & 0xff}
		} else {
			for i, a := range args {
				n, err := toInt(a)
				if err != nil || n < 0 || n > 255 {
					return nil, true, bad(fmt.Sprintf("Cannot convert argument \"%s\", with value: \"%s\", for \"FromRgb\" to type \"System.Byte\".",
						[]string{"red", "green", "blue"}[i], value.ToString(a)))
				}
				rgb[i] = n
			}
		}
		return fmt.Sprintf("\x1b[%s;2;%d;%d;%dm", base, rgb[0], rgb[1], rgb[2]), true, nil
	}
	return nil, false, nil
}

// StripVT removes ANSI escape sequences (CSI ... final byte, OSC ...
// ST/BEL, and two-byte ESC x) from s: what pwsh's PlainText rendering
// and StringDecorated.ToString("PlainText") leave.
func StripVT(s string) string {
	if !strings.Contains(s, "\x1b") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != 0x1b {
			b.WriteByte(s[i])
			continue
		}
		if i+1 >= len(s) {
			break
		}
		switch s[i+1] {
		case '[':
			j := i + 2
			for j < len(s) && !(s[j] >= 0x40 && s[j] <= 0x7e) {
				j++
			}
			i = j
		case ']':
			j := i + 2
			for j < len(s) {
				if s[j] == 0x07 {
					break
				}
				if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
					j++
					break
				}
				j++
			}
			i = j
		default:
			i++
		}
	}
	return b.String()
}
