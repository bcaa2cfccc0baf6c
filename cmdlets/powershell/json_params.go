package powershell

import "github.com/csshell/csshell/engine"

// toJSONParams are ConvertTo-Json's parameters.
type toJSONParams struct {
	inputObject    engine.Param[any]
	depth          engine.Param[int]
	compress       engine.Param[bool]
	enumsAsStrings engine.Param[bool]
	asArray        engine.Param[bool]
	escapeHandling engine.Param[string]
}

func newToJSONParams() *toJSONParams {
	return &toJSONParams{
		inputObject:    engine.Declare[any](&engine.ParamInfo{Name: "InputObject", Type: "Object", AllowNull: true, AllowEmptyCollection: true, AllowEmptyString: true, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipeline: true}}, Help: "Specifies the objects to convert to JSON format."}),
		depth:          engine.Declare[int](&engine.ParamInfo{Name: "Depth", Type: "Int32", Sets: outSetsAll(), ValidateRange: &[2]float64{0, 100}, Default: "2", Help: "Specifies how many levels of contained objects are included in the JSON representation."}),
		compress:       engine.Declare[bool](&engine.ParamInfo{Name: "Compress", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Omits white space and indented formatting in the output string."}),
		enumsAsStrings: engine.Declare[bool](&engine.ParamInfo{Name: "EnumsAsStrings", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Provides an alternative serialization option that converts all enumerations to their string representation."}),
		asArray:        engine.Declare[bool](&engine.ParamInfo{Name: "AsArray", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Outputs the object in array brackets, even if the input is a single object."}),
		escapeHandling: engine.Declare[string](&engine.ParamInfo{Name: "EscapeHandling", Type: "String", Sets: outSetsAll(), ValidateSet: []string{"Default", "EscapeNonAscii", "EscapeHtml"}, Default: "Default", Help: "Controls how certain characters are escaped in the resulting JSON output."}),
	}
}

// infos is the declaration list, in the module's order.
func (p *toJSONParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.inputObject.Info(), p.depth.Info(), p.compress.Info(), p.enumsAsStrings.Info(), p.asArray.Info(), p.escapeHandling.Info()}
}

// fromJSONParams are ConvertFrom-Json's parameters.
type fromJSONParams struct {
	inputObject engine.Param[string]
	asHashtable engine.Param[bool]
	depth       engine.Param[int]
	noEnumerate engine.Param[bool]
	dateKind    engine.Param[string]
}

func newFromJSONParams() *fromJSONParams {
	return &fromJSONParams{
		inputObject: engine.Declare[string](&engine.ParamInfo{Name: "InputObject", Type: "String", AllowEmptyString: true, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipeline: true}}, Help: "Specifies the JSON strings to convert to JSON objects."}),
		asHashtable: engine.Declare[bool](&engine.ParamInfo{Name: "AsHashtable", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Converts the JSON to a hash table object."}),
		depth:       engine.Declare[int](&engine.ParamInfo{Name: "Depth", Type: "Int32", Sets: outSetsAll(), ValidateRange: &[2]float64{1, 2147483647}, Default: "1024", Help: "Gets or sets the maximum depth the JSON input is allowed to have."}),
		noEnumerate: engine.Declare[bool](&engine.ParamInfo{Name: "NoEnumerate", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Specifies that output isn't enumerated."}),
		dateKind:    engine.Declare[string](&engine.ParamInfo{Name: "DateKind", Type: "String", Sets: outSetsAll(), ValidateSet: []string{"Default", "Local", "Utc", "Offset", "String"}, Help: "Specifies the method used when parsing date time values in the JSON string."}),
	}
}

// infos is the declaration list, in the module's order.
func (p *fromJSONParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.inputObject.Info(), p.asHashtable.Info(), p.depth.Info(), p.noEnumerate.Info(), p.dateKind.Info()}
}
