package powershell

import "github.com/csshell/csshell/engine"

// formatParams are the parameters of Format-Table, Format-List or
// Format-Wide. Each cmdlet declares its own; a handle a cmdlet does not
// declare is left unset, and only the code of that cmdlet's view reads
// it (autoSize: Table and Wide; repeatHeader, hideTableHeaders, wrap:
// Table; column: Wide).
type formatParams struct {
	property                                       engine.Param[any]
	autoSize, repeatHeader, hideTableHeaders, wrap engine.Param[bool]
	column                                         engine.Param[int]

	groupBy                        engine.Param[any]
	view                           engine.Param[string]
	showError, displayError, force engine.Param[bool]
	expand                         engine.Param[string]
	inputObject                    engine.Param[any]

	infos []*engine.ParamInfo // the declarations, in pwsh's order
}

// formatPropertyHelp is the help of the Table and List -Property.
const formatPropertyHelp = "Specifies the object properties that appear in the display and the order in which they appear. Wildcards are permitted."

func newFormatTableParams() *formatParams {
	p := &formatParams{
		property:         engine.Declare[any](&engine.ParamInfo{Name: "Property", Type: "Object[]", Sets: outSetsPos(0), Help: formatPropertyHelp}),
		autoSize:         formatAutoSize(),
		repeatHeader:     engine.Declare[bool](&engine.ParamInfo{Name: "RepeatHeader", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Repeats displaying the header of a table after every screen full."}),
		hideTableHeaders: engine.Declare[bool](&engine.ParamInfo{Name: "HideTableHeaders", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Omits the column headings from the table."}),
		wrap:             engine.Declare[bool](&engine.ParamInfo{Name: "Wrap", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Displays text that exceeds the column width on the next line."}),
	}
	p.infos = []*engine.ParamInfo{p.property.Info(), p.autoSize.Info(), p.repeatHeader.Info(), p.hideTableHeaders.Info(), p.wrap.Info()}
	p.declareCommon()
	return p
}

func newFormatListParams() *formatParams {
	p := &formatParams{
		property: engine.Declare[any](&engine.ParamInfo{Name: "Property", Type: "Object[]", Sets: outSetsPos(0), Help: formatPropertyHelp}),
	}
	p.infos = []*engine.ParamInfo{p.property.Info()}
	p.declareCommon()
	return p
}

func newFormatWideParams() *formatParams {
	p := &formatParams{
		property: engine.Declare[any](&engine.ParamInfo{Name: "Property", Type: "Object", Sets: outSetsPos(0), Help: "Specifies the object property that appears in the display."}),
		autoSize: formatAutoSize(),
		column:   engine.Declare[int](&engine.ParamInfo{Name: "Column", Type: "Int32", Sets: outSetsAll(), ValidateRange: &[2]float64{1, 2147483647}, Help: "Specifies the number of columns in the display."}),
	}
	p.infos = []*engine.ParamInfo{p.property.Info(), p.autoSize.Info(), p.column.Info()}
	p.declareCommon()
	return p
}

func formatAutoSize() engine.Param[bool] {
	return engine.Declare[bool](&engine.ParamInfo{Name: "AutoSize", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Adjusts the column size and number of columns based on the width of the data."})
}

// declareCommon declares the parameters the three cmdlets share, after
// their own.
func (p *formatParams) declareCommon() {
	p.groupBy = engine.Declare[any](&engine.ParamInfo{Name: "GroupBy", Type: "Object", Sets: outSetsAll(), Help: "Specifies sorted output in separate tables based on a property value."})
	p.view = engine.Declare[string](&engine.ParamInfo{Name: "View", Type: "String", Sets: outSetsAll(), Help: "Specifies the name of an alternate format or view."})
	p.showError = engine.Declare[bool](&engine.ParamInfo{Name: "ShowError", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Sends errors through the pipeline."})
	p.displayError = engine.Declare[bool](&engine.ParamInfo{Name: "DisplayError", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Displays errors at the command line."})
	p.force = engine.Declare[bool](&engine.ParamInfo{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Directs the cmdlet to display all the error information."})
	p.expand = engine.Declare[string](&engine.ParamInfo{Name: "Expand", Type: "String", Sets: outSetsAll(), ValidateSet: []string{"CoreOnly", "EnumOnly", "Both"}, Help: "Specifies the format of the collection object and the objects in the collection."})
	p.inputObject = engine.Declare[any](&engine.ParamInfo{Name: "InputObject", Type: "PSObject", Sets: outSetsPipe(), Help: "Specifies the objects to format."})
	p.infos = append(p.infos, p.groupBy.Info(), p.view.Info(), p.showError.Info(), p.displayError.Info(), p.force.Info(), p.expand.Info(), p.inputObject.Info())
}
