package powershell

import (
	"io/fs"
	"time"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// The output types ([OutputType]) of core cmdlets, for tab completion of
// the properties downstream in a pipeline (Get-ChildItem | Where-Object
// <Tab>). Each sample is built by the function that builds the cmdlet's
// real objects.
var (
	historyInfoOutput = &engine.OutputType{Name: typeHistoryInfo, Sample: func() any {
		return historyInfo(engine.HistoryEntry{})
	}}
	pathInfoOutput = &engine.OutputType{Name: "System.Management.Automation.PathInfo", Sample: func() any {
		return fsPathInfo("")
	}}
	variableOutput = &engine.OutputType{Name: psVariableType, Sample: func() any {
		return varObject(&engine.Variable{})
	}}
	dateOutput = &engine.OutputType{Name: "System.DateTime", Sample: func() any { return time.Time{} }}
	// fsItemOutput is FileInfo and DirectoryInfo, whose members pwsh
	// offers together: the properties of both samples.
	fsItemOutput = &engine.OutputType{Name: "System.IO.FileInfo", Sample: func() any {
		o := fsItem("/sample", sampleFileInfo{})
		dir := fsItem("/sample", sampleFileInfo{dir: true})
		for _, p := range dir.Properties() {
			if _, ok := o.Get(p.Name); !ok {
				o.Set(p.Name, p.Value)
			}
		}
		return o
	}}
)

// sampleFileInfo is a file or directory that exists nowhere, for the
// item samples.
type sampleFileInfo struct{ dir bool }

func (s sampleFileInfo) Name() string { return "sample" }
func (s sampleFileInfo) Size() int64  { return 0 }
func (s sampleFileInfo) Mode() fs.FileMode {
	if s.dir {
		return fs.ModeDir | 0o755
	}
	return 0o644
}
func (s sampleFileInfo) ModTime() time.Time { return time.Time{} }
func (s sampleFileInfo) IsDir() bool        { return s.dir }
func (s sampleFileInfo) Sys() any           { return nil }

// viewOutput is an output type whose objects show every property in the
// view registered for the type (GenericMeasureInfo's list): the sample
// has the view's properties, read from that type table when asked.
func viewOutput(rt *engine.Runtime, typeName string) *engine.OutputType {
	return &engine.OutputType{Name: typeName, Sample: func() any {
		v, ok := rt.Formats.Lookup([]string{typeName})
		if !ok {
			return nil
		}
		o := value.NewObject(typeName, "System.Object")
		for _, c := range v.Columns {
			if c.Property != "" {
				o.Set(c.Property, nil)
			}
		}
		return o
	}}
}
