package powershell

import "github.com/csshell/csshell/engine"

// itemPaths are the path and filter parameters of Get-ChildItem,
// Get-Item, Remove-Item, Copy-Item and Move-Item.
type itemPaths struct {
	fsPaths
	fsFilters
	force engine.Param[bool]
}

// newItemPaths declares one item cmdlet's path and filter parameters.
func newItemPaths(mandatory bool) itemPaths {
	return itemPaths{
		fsPaths: declareFsPaths(
			&engine.ParamInfo{Name: "Path", Type: "String[]", Sets: []engine.ParamSet{{Name: "Path", Position: 0, Mandatory: mandatory, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies a path to one or more locations. Wildcards are accepted."},
			&engine.ParamInfo{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath", "LP"}, Sets: []engine.ParamSet{{Name: "LiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies a path to one or more locations, used exactly as typed."}),
		fsFilters: declareFsFilters(
			&engine.ParamInfo{Name: "Filter", Type: "String", Sets: outSetsAll(), Help: "Specifies a filter to qualify the Path parameter."},
			&engine.ParamInfo{Name: "Include", Type: "String[]", Sets: outSetsAll(), Help: "Specifies, as a string array, items to include."},
			&engine.ParamInfo{Name: "Exclude", Type: "String[]", Sets: outSetsAll(), Help: "Specifies, as a string array, items to exclude."}),
		force: engine.Declare[bool](&engine.ParamInfo{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Allows the cmdlet to get items that otherwise can't be accessed by the user, such as hidden or system files."}),
	}
}

// infos is the declaration list, in the module's order.
func (p itemPaths) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.path.Info(), p.literalPath.Info(), p.filter.Info(), p.include.Info(), p.exclude.Info(), p.force.Info()}
}

// gciParams are Get-ChildItem's parameters.
type gciParams struct {
	itemPaths
	recurse                       engine.Param[bool]
	depth                         engine.Param[int]
	name, directory, file, hidden engine.Param[bool]
	followSymlink                 *engine.ParamInfo
}

// newGciParams declares Get-ChildItem's parameters: the item paths in its
// Items and LiteralItems sets, with -Filter at position 1.
func newGciParams() *gciParams {
	p := &gciParams{
		itemPaths:     newItemPaths(false),
		recurse:       engine.Declare[bool](&engine.ParamInfo{Name: "Recurse", Type: "SwitchParameter", Aliases: []string{"s", "r"}, Sets: outSetsAll(), Help: "Gets the items in the specified locations and in all child items of the locations."}),
		depth:         engine.Declare[int](&engine.ParamInfo{Name: "Depth", Type: "UInt32", Sets: outSetsAll(), Help: "Determines the number of subdirectory levels that are included in the recursion."}),
		name:          engine.Declare[bool](&engine.ParamInfo{Name: "Name", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Gets only the names of the items in the location."}),
		directory:     engine.Declare[bool](&engine.ParamInfo{Name: "Directory", Type: "SwitchParameter", Aliases: []string{"ad", "d"}, Sets: outSetsAll(), Help: "To get a list of directories, use the Directory parameter."}),
		file:          engine.Declare[bool](&engine.ParamInfo{Name: "File", Type: "SwitchParameter", Aliases: []string{"af"}, Sets: outSetsAll(), Help: "To get a list of files, use the File parameter."}),
		hidden:        engine.Declare[bool](&engine.ParamInfo{Name: "Hidden", Type: "SwitchParameter", Aliases: []string{"ah", "h"}, Sets: outSetsAll(), Help: "To get only hidden items, use the Hidden parameter."}),
		followSymlink: &engine.ParamInfo{Name: "FollowSymlink", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Search the directories targeted by symbolic links."},
	}
	p.filter.Info().Sets = []engine.ParamSet{{Name: engine.AllSets, Position: 1}}
	p.path.Info().Sets = []engine.ParamSet{{Name: "Items", Position: 0, FromPipeline: true, FromPipelineByName: true}}
	p.literalPath.Info().Sets = []engine.ParamSet{{Name: "LiteralItems", Position: -1, Mandatory: true, FromPipelineByName: true}}
	return p
}

// infos is the declaration list, in the module's order.
func (p *gciParams) infos() []*engine.ParamInfo {
	return append(p.itemPaths.infos(), p.recurse.Info(), p.depth.Info(), p.name.Info(), p.directory.Info(),
		p.file.Info(), p.hidden.Info(), p.followSymlink)
}

// newItemParams are New-Item's parameters.
type newItemParams struct {
	path     engine.Param[[]string]
	name     engine.Param[string]
	itemType engine.Param[string]
	value    engine.Param[any]
	force    engine.Param[bool]
}

func newNewItemParams() *newItemParams {
	return &newItemParams{
		path:     engine.Declare[[]string](&engine.ParamInfo{Name: "Path", Type: "String[]", Sets: []engine.ParamSet{{Name: "pathSet", Position: 0, Mandatory: true, FromPipelineByName: true}, {Name: "nameSet", Position: 0, FromPipelineByName: true}}, Help: "Specifies the path of the location of the new item."}),
		name:     engine.Declare[string](&engine.ParamInfo{Name: "Name", Type: "String", Sets: []engine.ParamSet{{Name: "nameSet", Position: -1, Mandatory: true, FromPipelineByName: true}}, AllowNull: true, AllowEmptyString: true, Help: "Specifies the name of the new item."}),
		itemType: engine.Declare[string](&engine.ParamInfo{Name: "ItemType", Type: "String", Aliases: []string{"Type"}, Sets: outSetsAll(), Help: "Specifies the provider-specified type of the new item: File, Directory, SymbolicLink, Junction or HardLink."}),
		value:    engine.Declare[any](&engine.ParamInfo{Name: "Value", Type: "Object", Aliases: []string{"Target"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the value of the new item."}),
		force:    engine.Declare[bool](&engine.ParamInfo{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Forces this cmdlet to create an item that writes over an existing read-only item."}),
	}
}

// infos is the declaration list, in the module's order.
func (p *newItemParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.path.Info(), p.name.Info(), p.itemType.Info(), p.value.Info(), p.force.Info()}
}

// removeItemParams are Remove-Item's parameters.
type removeItemParams struct {
	itemPaths
	recurse engine.Param[bool]
}

func newRemoveItemParams() *removeItemParams {
	return &removeItemParams{
		itemPaths: newItemPaths(true),
		recurse:   engine.Declare[bool](&engine.ParamInfo{Name: "Recurse", Type: "SwitchParameter", Aliases: []string{"r"}, Sets: outSetsAll(), Help: "Indicates that this cmdlet deletes the items in the specified locations and in all child items of the locations."}),
	}
}

// infos is the declaration list, in the module's order.
func (p *removeItemParams) infos() []*engine.ParamInfo {
	return append(p.itemPaths.infos(), p.recurse.Info())
}

// copyItemParams are the parameters of Copy-Item and Move-Item; -Recurse
// and -Container are Copy-Item's only (for Move-Item recurse is the zero
// handle, which copyOrMove never reads).
type copyItemParams struct {
	itemPaths
	destination engine.Param[string]
	passThru    engine.Param[bool]
	recurse     engine.Param[bool]
	container   *engine.ParamInfo
}

func newCopyItemParams(copying bool) *copyItemParams {
	p := &copyItemParams{
		itemPaths:   newItemPaths(true),
		destination: engine.Declare[string](&engine.ParamInfo{Name: "Destination", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, FromPipelineByName: true}}, Help: "Specifies the path to the new location."}),
		passThru:    engine.Declare[bool](&engine.ParamInfo{Name: "PassThru", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Returns an object representing the item."}),
	}
	if copying {
		p.recurse = engine.Declare[bool](&engine.ParamInfo{Name: "Recurse", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet does a recursive copy."})
		p.container = &engine.ParamInfo{Name: "Container", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet preserves container objects during the copy operation."}
	}
	return p
}

// infos is the declaration list, in the module's order.
func (p *copyItemParams) infos() []*engine.ParamInfo {
	ps := append(p.itemPaths.infos(), p.destination.Info(), p.passThru.Info())
	if p.container != nil {
		ps = append(ps, p.recurse.Info(), p.container)
	}
	return ps
}

// renameItemParams are Rename-Item's parameters.
type renameItemParams struct {
	path, literalPath engine.Param[string]
	newName           engine.Param[string]
	force             *engine.ParamInfo
	passThru          engine.Param[bool]
}

func newRenameItemParams() *renameItemParams {
	return &renameItemParams{
		path:        engine.Declare[string](&engine.ParamInfo{Name: "Path", Type: "String", Sets: []engine.ParamSet{{Name: "ByPath", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the path of the item to rename."}),
		literalPath: engine.Declare[string](&engine.ParamInfo{Name: "LiteralPath", Type: "String", Aliases: []string{"PSPath", "LP"}, Sets: []engine.ParamSet{{Name: "ByLiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the path of the item to rename, used exactly as typed."}),
		newName:     engine.Declare[string](&engine.ParamInfo{Name: "NewName", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the new name of the item."}),
		force:       &engine.ParamInfo{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Forces the cmdlet to rename items that can't otherwise be changed."},
		passThru:    engine.Declare[bool](&engine.ParamInfo{Name: "PassThru", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Returns an object that represents the item to the pipeline."}),
	}
}

// infos is the declaration list, in the module's order.
func (p *renameItemParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.path.Info(), p.literalPath.Info(), p.newName.Info(), p.force, p.passThru.Info()}
}
