package teams

import "github.com/csshell/csshell/engine"

// HelpPage is what the tests read of a cmdlet's help page.
type HelpPage struct {
	Name, Source, Synopsis, Description string
	// Params are the parameters the page describes, as it names them;
	// ParamHelp their text by lower-case name.
	Params    []string
	ParamHelp map[string]string
	Examples  []engine.Example
	Current   bool
}

// HelpPages returns every page of help/, by lower-case cmdlet name.
func HelpPages() (map[string]HelpPage, error) {
	pages, err := helpPages()
	if err != nil {
		return nil, err
	}
	out := map[string]HelpPage{}
	for k, p := range pages {
		out[k] = HelpPage{Name: p.name, Source: p.source, Synopsis: p.synopsis, Description: p.description,
			Params: p.paramNames, ParamHelp: p.params, Examples: p.examples, Current: p.current()}
	}
	return out, nil
}
