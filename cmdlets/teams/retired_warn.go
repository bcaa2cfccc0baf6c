package teams

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// retiredPreference is the preference variable that asks csshell to say
// when a script uses a retired item: SilentlyContinue (the default: say
// nothing, as the real module), Continue (a warning naming the
// replacement; -WarningAction applies) or Stop (a terminating error).
const retiredPreference = "CsRetiredItemPreference"

// retiredPreferenceKey is retiredPreference as scopes key it (lower case):
// looked up for every object a tenant cmdlet handles, it then costs no
// lower-cased copy.
var retiredPreferenceKey = strings.ToLower(retiredPreference)

// retiredWarner runs a cmdlet, first warning of the retired items the call
// uses: the cmdlet itself and the parameters given.
type retiredWarner struct {
	engine.Processor
	cmdlet surfaceItem   // zero when the cmdlet is not retired
	params []surfaceItem // the cmdlet's retired parameters
	warned bool
}

// Begin warns, then begins the cmdlet.
func (w *retiredWarner) Begin(c *engine.Call) error {
	if err := w.warn(c); err != nil {
		return err
	}
	return w.Processor.Begin(c)
}

// Process warns of parameters bound from the pipeline, then processes.
func (w *retiredWarner) Process(c *engine.Call) error {
	if err := w.warn(c); err != nil {
		return err
	}
	return w.Processor.Process(c)
}

// warn says once per invocation what the call uses that is retired.
func (w *retiredWarner) warn(c *engine.Call) error {
	if w.warned {
		return nil
	}
	pref := retiredPref(c.Scope())
	if pref == "" {
		return nil
	}
	var used []surfaceItem
	if w.cmdlet.retired != "" {
		used = append(used, w.cmdlet)
	}
	for _, it := range w.params {
		for _, p := range c.Cmdlet.Params {
			if strings.EqualFold(p.Name, it.name) && engine.Declare[any](p).Given(c) {
				used = append(used, it)
			}
		}
	}
	if len(used) == 0 {
		return nil
	}
	w.warned = true
	for _, it := range used {
		msg := retiredMessage(it)
		if strings.EqualFold(pref, "Stop") {
			return engine.NewError("InvalidOperation", "RetiredItem", it.name, "%s", msg).
				WithException("System.Management.Automation.ActionPreferenceStopException")
		}
		c.WriteWarning(msg)
	}
	return nil
}

// retiredPref reads $CsRetiredItemPreference in scope sc: "" when it asks
// for nothing (unset, SilentlyContinue or Ignore).
func retiredPref(sc *engine.Scope) string {
	v := sc.Lookup(retiredPreferenceKey)
	if v == nil || v.Value == nil {
		return ""
	}
	pref := value.ToString(v.Value)
	if strings.EqualFold(pref, "SilentlyContinue") || strings.EqualFold(pref, "Ignore") {
		return ""
	}
	return pref
}

// missingHint explains, when $CsRetiredItemPreference asks, a cmdlet or
// parameter the loaded generation lacks: retired (and what replaces it)
// or not yet added.
func (t *Tenant) missingHint(sc *engine.Scope, command, parameter string) string {
	if retiredPref(sc) == "" {
		return ""
	}
	kind, cmdlet, name := cmdletItem, "", command
	if parameter != "" {
		kind, cmdlet, name = parameterItem, command, parameter
	}
	it, ok := surfaceItemFor(kind, cmdlet, name)
	g := t.generation()
	if !ok || g.has(it.added, it.removed) {
		return ""
	}
	if it.retired != "" && it.removed != "" && !g.before(it.removed) {
		return retiredMessage(it)
	}
	what := it.name
	if kind == parameterItem {
		what = it.cmdlet + " -" + it.name
	}
	if it.added != "" && g.before(it.added) {
		return fmt.Sprintf("%s came in MicrosoftTeams %s; this session has %s loaded.", what, it.added, g)
	}
	return ""
}

// retiredMessage is the line csshell says about a retired item.
func retiredMessage(it surfaceItem) string {
	what := it.name
	switch it.kind {
	case parameterItem:
		what = it.cmdlet + " -" + it.name
	case propertyItem:
		what = it.cmdlet + " property " + it.name
	case moduleItem:
		what = "module " + it.name
	}
	gone := "today's module still accepts it"
	if it.removed != "" {
		gone = "gone from MicrosoftTeams " + it.removed
		if it.choice {
			gone += " (csshell's reading of the date)"
		}
	}
	return fmt.Sprintf("%s is retired: %s; %s. Instead: %s.", what, it.retired, gone, it.replacement)
}
