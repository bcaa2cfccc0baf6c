package powershell

import "github.com/csshell/csshell/engine"

// testPathParams are Test-Path's parameters; -Filter, -Include and
// -Exclude are accepted and not read.
type testPathParams struct {
	fsPaths
	filter, include, exclude *engine.ParamInfo
	pathType                 engine.Param[string]
	isValid                  engine.Param[bool]
	olderThan, newerThan     engine.Param[any]
}

func newTestPathParams() *testPathParams {
	return &testPathParams{
		fsPaths: declareFsPaths(
			&engine.ParamInfo{Name: "Path", Type: "String[]", AllowNull: true, AllowEmptyString: true, AllowEmptyCollection: true, Sets: []engine.ParamSet{{Name: "Path", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies a path to be tested. Wildcard characters are permitted."},
			&engine.ParamInfo{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath", "LP"}, AllowNull: true, AllowEmptyString: true, AllowEmptyCollection: true, Sets: []engine.ParamSet{{Name: "LiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies a path to be tested, used exactly as typed."}),
		filter:    &engine.ParamInfo{Name: "Filter", Type: "String", Sets: outSetsAll(), Help: "Specifies a filter in the provider's format or language."},
		include:   &engine.ParamInfo{Name: "Include", Type: "String[]", Sets: outSetsAll(), Help: "Specifies paths that this cmdlet tests."},
		exclude:   &engine.ParamInfo{Name: "Exclude", Type: "String[]", Sets: outSetsAll(), Help: "Specifies items that this cmdlet omits."},
		pathType:  engine.Declare[string](&engine.ParamInfo{Name: "PathType", Type: "String", Aliases: []string{"Type"}, ValidateSet: []string{"Any", "Container", "Leaf"}, Sets: outSetsAll(), Default: "Any", Help: "Specifies the type of the final element in the path."}),
		isValid:   engine.Declare[bool](&engine.ParamInfo{Name: "IsValid", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet tests the syntax of the path, regardless of whether the elements of the path exist."}),
		olderThan: engine.Declare[any](&engine.ParamInfo{Name: "OlderThan", Type: "DateTime", Sets: outSetsAll(), Help: "Specify a time as a DateTime object."}),
		newerThan: engine.Declare[any](&engine.ParamInfo{Name: "NewerThan", Type: "DateTime", Sets: outSetsAll(), Help: "Specify a time as a DateTime object."}),
	}
}

// infos is the declaration list, in the module's order.
func (p *testPathParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.path.Info(), p.literalPath.Info(), p.filter, p.include, p.exclude,
		p.pathType.Info(), p.isValid.Info(), p.olderThan.Info(), p.newerThan.Info()}
}

// joinPathParams are Join-Path's parameters.
type joinPathParams struct {
	path                engine.Param[[]string]
	childPath           engine.Param[string]
	additionalChildPath engine.Param[[]string]
	resolve             engine.Param[bool]
}

func newJoinPathParams() *joinPathParams {
	return &joinPathParams{
		path:                engine.Declare[[]string](&engine.ParamInfo{Name: "Path", Type: "String[]", Aliases: []string{"PSPath"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the main path (or paths) to which the child-path is appended."}),
		childPath:           engine.Declare[string](&engine.ParamInfo{Name: "ChildPath", Type: "String", AllowNull: true, AllowEmptyString: true, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, FromPipelineByName: true}}, Help: "Specifies the elements to append to the value of the Path parameter."}),
		additionalChildPath: engine.Declare[[]string](&engine.ParamInfo{Name: "AdditionalChildPath", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, FromRemainingArgs: true}}, Help: "Specifies additional elements to append to the value of the Path parameter."}),
		resolve:             engine.Declare[bool](&engine.ParamInfo{Name: "Resolve", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet should attempt to resolve the joined path from the current provider."}),
	}
}

// infos is the declaration list, in the module's order.
func (p *joinPathParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.path.Info(), p.childPath.Info(), p.additionalChildPath.Info(), p.resolve.Info()}
}

// splitPathParams are Split-Path's parameters; -Parent is the default and
// not read.
type splitPathParams struct {
	path, literalPath                                                      engine.Param[[]string]
	parent                                                                 *engine.ParamInfo
	leaf, leafBase, extension, qualifier, noQualifier, isAbsolute, resolve engine.Param[bool]
}

func newSplitPathParams() *splitPathParams {
	sw := func(name, help string) engine.Param[bool] {
		return engine.Declare[bool](&engine.ParamInfo{Name: name, Type: "SwitchParameter", Sets: outSetsAll(), Help: help})
	}
	return &splitPathParams{
		path:        engine.Declare[[]string](&engine.ParamInfo{Name: "Path", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the paths to be split."}),
		literalPath: engine.Declare[[]string](&engine.ParamInfo{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath", "LP"}, Sets: outSetsAll(), Help: "Specifies the paths to be split, used exactly as typed."}),
		parent:      &engine.ParamInfo{Name: "Parent", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet returns only the parent containers of the item. This is the default."},
		leaf:        sw("Leaf", "Indicates that this cmdlet returns only the last item or container in the path."),
		leafBase:    sw("LeafBase", "Indicates that this cmdlet returns only base name of the last item or container in the path."),
		extension:   sw("Extension", "Indicates that this cmdlet returns only the extension of the leaf."),
		qualifier:   sw("Qualifier", "Indicates that this cmdlet returns only the qualifier of the specified path."),
		noQualifier: sw("NoQualifier", "Indicates that this cmdlet returns the path without the qualifier."),
		isAbsolute:  sw("IsAbsolute", "Indicates that this cmdlet returns $true if the path is absolute and $false if it is relative."),
		resolve:     sw("Resolve", "Indicates that this cmdlet displays the items that are referenced by the resulting split path."),
	}
}

// infos is the declaration list, in the module's order.
func (p *splitPathParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.path.Info(), p.literalPath.Info(), p.parent, p.leaf.Info(), p.leafBase.Info(), p.extension.Info(),
		p.qualifier.Info(), p.noQualifier.Info(), p.isAbsolute.Info(), p.resolve.Info()}
}

// resolvePathParams are Resolve-Path's parameters.
type resolvePathParams struct {
	fsPaths
	relative         engine.Param[bool]
	relativeBasePath engine.Param[string]
}

func newResolvePathParams() *resolvePathParams {
	return &resolvePathParams{
		fsPaths: declareFsPaths(
			&engine.ParamInfo{Name: "Path", Type: "String[]", Sets: []engine.ParamSet{{Name: "Path", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the PowerShell path to resolve."},
			&engine.ParamInfo{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath", "LP"}, Sets: []engine.ParamSet{{Name: "LiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the path to be resolved, used exactly as typed."}),
		relative:         engine.Declare[bool](&engine.ParamInfo{Name: "Relative", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet returns a relative path."}),
		relativeBasePath: engine.Declare[string](&engine.ParamInfo{Name: "RelativeBasePath", Type: "String", Sets: outSetsAll(), Help: "Specifies a path to resolve the relative path from."}),
	}
}

// infos is the declaration list, in the module's order.
func (p *resolvePathParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.path.Info(), p.literalPath.Info(), p.relative.Info(), p.relativeBasePath.Info()}
}
