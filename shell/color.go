package shell

import (
	"strings"

	"github.com/fatih/color"
)

// colorEnabled decides whether to colour output: never when NO_COLOR is set
// (to anything) or TERM is "dumb", or when the stream is not a terminal.
func colorEnabled(getenv func(string) string, isTerminal bool) bool {
	if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		return false
	}
	return isTerminal
}

// consoleColors maps PowerShell's ConsoleColor names to fatih/color
// foreground attributes.
var consoleColors = map[string]color.Attribute{
	"black": color.FgBlack, "darkblue": color.FgBlue, "darkgreen": color.FgGreen, "darkcyan": color.FgCyan,
	"darkred": color.FgRed, "darkmagenta": color.FgMagenta, "darkyellow": color.FgYellow, "gray": color.FgWhite,
	"darkgray": color.FgHiBlack, "blue": color.FgHiBlue, "green": color.FgHiGreen, "cyan": color.FgHiCyan,
	"red": color.FgHiRed, "magenta": color.FgHiMagenta, "yellow": color.FgHiYellow, "white": color.FgHiWhite,
}

// colorize wraps text in the ANSI codes of a PowerShell foreground and
// background colour.
func colorize(text, fg, bg string) string {
	var attrs []color.Attribute
	if a, ok := consoleColors[strings.ToLower(fg)]; ok {
		attrs = append(attrs, a)
	}
	if a, ok := consoleColors[strings.ToLower(bg)]; ok {
		attrs = append(attrs, a+10) // background codes are foreground + 10
	}
	if len(attrs) == 0 {
		return text
	}
	c := color.New(attrs...)
	c.EnableColor()
	return c.Sprint(text)
}
