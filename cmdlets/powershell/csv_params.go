package powershell

import "github.com/csshell/csshell/engine"

// csvDelim are -Delimiter and -UseCulture, which every CSV cmdlet has.
// -Delimiter is a [char], read as a Char or as text (csvDelimiter).
type csvDelim struct {
	delimiter  engine.Param[any]
	useCulture engine.Param[bool]
}

// csvImportParams are Import-Csv's parameters.
type csvImportParams struct {
	csvDelim
	fsPaths
	header   engine.Param[[]string]
	encoding engine.Param[any]
}

func newCsvImportParams() *csvImportParams {
	return &csvImportParams{
		csvDelim: csvDelim{
			delimiter: engine.Declare[any](&engine.ParamInfo{Name: "Delimiter", Type: "Char", ValidateNotNull: true, Sets: []engine.ParamSet{{Name: "DelimiterPath", Position: 1}, {Name: "DelimiterLiteralPath", Position: 1}}, Help: "Specifies the delimiter that separates the property values in the CSV file. The default is a comma (,)."}),
			useCulture: engine.Declare[bool](&engine.ParamInfo{Name: "UseCulture", Type: "SwitchParameter", ValidateNotNull: true, Sets: []engine.ParamSet{
				{Name: "CulturePath", Position: -1, Mandatory: true}, {Name: "CultureLiteralPath", Position: -1, Mandatory: true}}, Help: "Uses the list separator for the current culture as the item delimiter."}),
		},
		fsPaths: declareFsPaths(
			&engine.ParamInfo{Name: "Path", Type: "String[]", ValidateNotNullOrEmpty: true, Sets: []engine.ParamSet{
				{Name: "DelimiterPath", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true},
				{Name: "CulturePath", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the path to the CSV file to import."},
			&engine.ParamInfo{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath", "LP"}, ValidateNotNullOrEmpty: true, Sets: []engine.ParamSet{
				{Name: "DelimiterLiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true},
				{Name: "CultureLiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the path to the CSV file to import, used exactly as typed."}),
		header:   engine.Declare[[]string](&engine.ParamInfo{Name: "Header", Type: "String[]", ValidateNotNullOrEmpty: true, Sets: outSetsAll(), Help: "Specifies an alternate column header row for the imported file. The column header determines the property names of the objects created by Import-Csv."}),
		encoding: engine.Declare[any](&engine.ParamInfo{Name: "Encoding", Type: "String", ValidateNotNullOrEmpty: true, Sets: outSetsAll(), Default: "utf8NoBOM", Help: "Specifies the encoding for the imported CSV file."}),
	}
}

// infos is the declaration list, in the module's order.
func (p *csvImportParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.delimiter.Info(), p.path.Info(), p.literalPath.Info(), p.useCulture.Info(), p.header.Info(), p.encoding.Info()}
}

// csvWriting are the parameters Export-Csv and ConvertTo-Csv share (pwsh's
// BaseCsvWritingCommand).
type csvWriting struct {
	csvDelim
	includeTypeInformation, noTypeInformation engine.Param[bool]
	quoteFields                               engine.Param[[]string]
	useQuotes                                 engine.Param[string]
	noHeader                                  engine.Param[bool]
}

func newCsvWriting() csvWriting {
	return csvWriting{
		csvDelim: csvDelim{
			delimiter:  engine.Declare[any](&engine.ParamInfo{Name: "Delimiter", Type: "Char", ValidateNotNull: true, Sets: []engine.ParamSet{{Name: "Delimiter", Position: 1}}, Help: "Specifies a delimiter to separate the property values. The default is a comma (,)."}),
			useCulture: engine.Declare[bool](&engine.ParamInfo{Name: "UseCulture", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "UseCulture", Position: -1}}, Help: "Uses the list separator for the current culture as the item delimiter."}),
		},
		includeTypeInformation: engine.Declare[bool](&engine.ParamInfo{Name: "IncludeTypeInformation", Type: "SwitchParameter", Aliases: []string{"ITI"}, Sets: outSetsAll(), Help: "Writes a #TYPE line with the fully qualified name of the type of the first object before the header row."}),
		noTypeInformation:      engine.Declare[bool](&engine.ParamInfo{Name: "NoTypeInformation", Type: "SwitchParameter", Aliases: []string{"NTI"}, Sets: outSetsAll(), Help: "Removes the #TYPE information header from the output. This is the default in PowerShell 6 and later."}),
		quoteFields:            engine.Declare[[]string](&engine.ParamInfo{Name: "QuoteFields", Type: "String[]", Aliases: []string{"QF"}, Sets: outSetsAll(), Help: "Specifies the names of the columns that should be quoted."}),
		useQuotes:              engine.Declare[string](&engine.ParamInfo{Name: "UseQuotes", Type: "String", Aliases: []string{"UQ"}, Sets: outSetsAll(), Default: "Always", Help: "Specifies when quotes are used: Never, Always (the default) or AsNeeded."}),
		noHeader:               engine.Declare[bool](&engine.ParamInfo{Name: "NoHeader", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Writes no column header row."}),
	}
}

// infos is the declaration list, in the module's order.
func (w csvWriting) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{w.delimiter.Info(), w.useCulture.Info(), w.includeTypeInformation.Info(), w.noTypeInformation.Info(),
		w.quoteFields.Info(), w.useQuotes.Info(), w.noHeader.Info()}
}

// csvExportParams are Export-Csv's parameters.
type csvExportParams struct {
	inputObject       engine.Param[any]
	path, literalPath engine.Param[string]
	force, noClobber  engine.Param[bool]
	encoding          engine.Param[any]
	append            engine.Param[bool]
	csvWriting
}

func newCsvExportParams() *csvExportParams {
	return &csvExportParams{
		inputObject: engine.Declare[any](&engine.ParamInfo{Name: "InputObject", Type: "PSObject", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the objects to export as CSV strings."}),
		path:        engine.Declare[string](&engine.ParamInfo{Name: "Path", Type: "String", ValidateNotNullOrEmpty: true, Sets: outSetsPos(0), Help: "A required parameter that specifies the location to save the CSV output file."}),
		literalPath: engine.Declare[string](&engine.ParamInfo{Name: "LiteralPath", Type: "String", Aliases: []string{"PSPath", "LP"}, ValidateNotNullOrEmpty: true, Sets: outSetsAll(), Help: "Specifies the path to the CSV output file, used exactly as typed."}),
		force:       engine.Declare[bool](&engine.ParamInfo{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Overwrites read-only files, and with Append writes objects that lack some of the file's columns."}),
		noClobber:   engine.Declare[bool](&engine.ParamInfo{Name: "NoClobber", Type: "SwitchParameter", Aliases: []string{"NoOverwrite"}, Sets: outSetsAll(), Help: "Prevents an existing file from being overwritten."}),
		encoding:    engine.Declare[any](&engine.ParamInfo{Name: "Encoding", Type: "String", ValidateNotNullOrEmpty: true, Sets: outSetsAll(), Default: "utf8NoBOM", Help: "Specifies the encoding for the exported CSV file."}),
		append:      engine.Declare[bool](&engine.ParamInfo{Name: "Append", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Adds the CSV output to the end of the specified file, using the file's columns."}),
		csvWriting:  newCsvWriting(),
	}
}

// infos is the declaration list, in the module's order.
func (p *csvExportParams) infos() []*engine.ParamInfo {
	return append([]*engine.ParamInfo{p.inputObject.Info(), p.path.Info(), p.literalPath.Info(), p.force.Info(), p.noClobber.Info(),
		p.encoding.Info(), p.append.Info()}, p.csvWriting.infos()...)
}

// csvConvertToParams are ConvertTo-Csv's parameters.
type csvConvertToParams struct {
	inputObject engine.Param[any]
	csvWriting
}

func newCsvConvertToParams() *csvConvertToParams {
	return &csvConvertToParams{
		inputObject: engine.Declare[any](&engine.ParamInfo{Name: "InputObject", Type: "PSObject", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the objects that are converted to CSV strings."}),
		csvWriting:  newCsvWriting(),
	}
}

// infos is the declaration list, in the module's order.
func (p *csvConvertToParams) infos() []*engine.ParamInfo {
	return append([]*engine.ParamInfo{p.inputObject.Info()}, p.csvWriting.infos()...)
}

// csvConvertFromParams are ConvertFrom-Csv's parameters.
type csvConvertFromParams struct {
	csvDelim
	inputObject engine.Param[any]
	header      engine.Param[[]string]
}

func newCsvConvertFromParams() *csvConvertFromParams {
	return &csvConvertFromParams{
		csvDelim: csvDelim{
			delimiter:  engine.Declare[any](&engine.ParamInfo{Name: "Delimiter", Type: "Char", ValidateNotNullOrEmpty: true, Sets: []engine.ParamSet{{Name: "Delimiter", Position: 1}}, Help: "Specifies the delimiter that separates the property values in the CSV strings. The default is a comma (,)."}),
			useCulture: engine.Declare[bool](&engine.ParamInfo{Name: "UseCulture", Type: "SwitchParameter", ValidateNotNullOrEmpty: true, Sets: []engine.ParamSet{{Name: "UseCulture", Position: -1, Mandatory: true}}, Help: "Uses the list separator for the current culture as the item delimiter."}),
		},
		inputObject: engine.Declare[any](&engine.ParamInfo{Name: "InputObject", Type: "PSObject[]", ValidateNotNullOrEmpty: true, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the CSV strings to be converted to objects."}),
		header:      engine.Declare[[]string](&engine.ParamInfo{Name: "Header", Type: "String[]", ValidateNotNullOrEmpty: true, Sets: outSetsAll(), Help: "Specifies an alternate column header row for the imported string."}),
	}
}

// infos is the declaration list, in the module's order.
func (p *csvConvertFromParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.delimiter.Info(), p.useCulture.Info(), p.inputObject.Info(), p.header.Info()}
}
