package powershell

import "github.com/csshell/csshell/engine"

// outInput declares the -InputObject of the Out-* cmdlets.
func outInput() engine.Param[any] {
	return engine.Declare[any](&engine.ParamInfo{Name: "InputObject", Type: "PSObject", Sets: outSetsPipe(), Help: "Specifies the objects to be sent."})
}

// outStringParams are Out-String's parameters.
type outStringParams struct {
	width             engine.Param[int]
	noNewline, stream engine.Param[bool]
	inputObject       engine.Param[any]
}

func newOutStringParams() *outStringParams {
	return &outStringParams{
		width:       engine.Declare[int](&engine.ParamInfo{Name: "Width", Type: "Int32", Sets: outSetsAll(), ValidateRange: &[2]float64{2, 2147483647}, Help: "Specifies the number of characters in each line of output."}),
		noNewline:   engine.Declare[bool](&engine.ParamInfo{Name: "NoNewline", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "NoNewLineFormatting", Position: -1}}, Help: "Removes all newlines from formatted output."}),
		stream:      engine.Declare[bool](&engine.ParamInfo{Name: "Stream", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "StreamFormatting", Position: -1}}, Help: "Sends the strings for each object separately."}),
		inputObject: outInput(),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *outStringParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.width.Info(), p.noNewline.Info(), p.stream.Info(), p.inputObject.Info()}
}

// outHostParams are the parameters of Out-Host (-Paging) or Out-Default
// (-Transcript, accepted and ignored).
type outHostParams struct {
	inputObject engine.Param[any]
	paging      *engine.Param[bool] // Out-Host only
	infos       []*engine.ParamInfo // the declarations, in pwsh's order
}

func newOutHostParams(host bool) *outHostParams {
	p := &outHostParams{inputObject: outInput()}
	p.infos = []*engine.ParamInfo{p.inputObject.Info()}
	if host {
		paging := engine.Declare[bool](&engine.ParamInfo{Name: "Paging", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Displays one page of output at a time."})
		p.paging = &paging
		p.infos = append(p.infos, paging.Info())
	} else {
		p.infos = append(p.infos, &engine.ParamInfo{Name: "Transcript", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Determines whether the output should be sent to the transcript only."})
	}
	return p
}

// outFileParams are Out-File's parameters.
type outFileParams struct {
	filePath, literalPath    engine.Param[string]
	encoding                 engine.Param[any]
	append, force, noClobber engine.Param[bool]
	width                    engine.Param[int]
	noNewline                engine.Param[bool]
	inputObject              engine.Param[any]
}

func newOutFileParams() *outFileParams {
	return &outFileParams{
		filePath:    engine.Declare[string](&engine.ParamInfo{Name: "FilePath", Type: "String", Aliases: []string{"Path"}, Sets: []engine.ParamSet{{Name: "ByPath", Position: 0, Mandatory: true}}, Help: "Specifies the path to the output file."}),
		literalPath: engine.Declare[string](&engine.ParamInfo{Name: "LiteralPath", Type: "String", Aliases: []string{"PSPath", "LP"}, Sets: []engine.ParamSet{{Name: "ByLiteralPath", Position: -1, Mandatory: true}}, Help: "Specifies the path to the output file, used exactly as typed."}),
		encoding:    engine.Declare[any](&engine.ParamInfo{Name: "Encoding", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1}}, Default: "utf8NoBOM", Help: "Specifies the type of encoding for the target file."}),
		append:      engine.Declare[bool](&engine.ParamInfo{Name: "Append", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Adds the output to the end of an existing file."}),
		force:       engine.Declare[bool](&engine.ParamInfo{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Overrides the read-only attribute and overwrites an existing read-only file."}),
		noClobber:   engine.Declare[bool](&engine.ParamInfo{Name: "NoClobber", Type: "SwitchParameter", Aliases: []string{"NoOverwrite"}, Sets: outSetsAll(), Help: "Prevents an existing file from being overwritten."}),
		width:       engine.Declare[int](&engine.ParamInfo{Name: "Width", Type: "Int32", Sets: outSetsAll(), ValidateRange: &[2]float64{2, 2147483647}, Help: "Specifies the maximum number of characters in each line of output."}),
		noNewline:   engine.Declare[bool](&engine.ParamInfo{Name: "NoNewline", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Specifies that the content written to the file does not end with a newline character."}),
		inputObject: outInput(),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *outFileParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.filePath.Info(), p.literalPath.Info(), p.encoding.Info(), p.append.Info(), p.force.Info(),
		p.noClobber.Info(), p.width.Info(), p.noNewline.Info(), p.inputObject.Info()}
}
