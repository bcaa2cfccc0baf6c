package powershell

import (
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerItemPropertyCmdlets adds Get-ItemProperty (gp),
// Get-ItemPropertyValue (gpv) and Set-ItemProperty (sp) for files and
// directories.
func registerItemPropertyCmdlets(rt *engine.Runtime) {
	nameParam := func(mandatory bool, pos int) engine.Param[[]string] {
		return engine.Declare[[]string](&engine.ParamInfo{Name: "Name", Type: "String[]", Aliases: []string{"PSProperty"},
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: pos, Mandatory: mandatory}}, Help: "Specifies the names of the properties."})
	}
	getPaths, getName := newItemPaths(true), nameParam(false, 1)
	rt.Register(&engine.Cmdlet{
		Name: "Get-ItemProperty", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Gets the properties of a specified item.",
		Description: "The Get-ItemProperty cmdlet gets the properties of the specified items. With -Name it returns an object with those properties and the PSPath, PSParentPath, PSChildName, PSDrive and PSProvider of the item.",
		DefaultSet:  "Path",
		Params:      append(getPaths.infos(), getName.Info()),
		Examples:    []engine.Example{{Title: "Get the last write time of a file", Code: "Get-ItemProperty ./a.txt -Name LastWriteTime"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return eachItem(c, getPaths, nil, func(p string, info fs.FileInfo) error {
				item := fsItem(p, info)
				names := getName.Get(c)
				if len(names) == 0 {
					return c.WriteObject(item)
				}
				out := value.NewObject()
				found := false
				for _, n := range names {
					v, ok, err := itemProp(c, item, n, p)
					if err != nil {
						return err
					}
					if !ok {
						continue
					}
					found = true
					out.Set(n, v)
				}
				if !found {
					return nil
				}
				for _, k := range []string{"PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider"} {
					v, _ := value.GetMember(item, k)
					out.Set(k, v)
				}
				return c.WriteObject(out)
			})
		}),
	})
	rt.SetAliases("Get-ItemProperty", "gp")
	gpvPaths, gpvName := newItemPaths(true), nameParam(true, 1)
	rt.Register(&engine.Cmdlet{
		Name: "Get-ItemPropertyValue", Module: "Microsoft.PowerShell.Management",
		Synopsis:    "Gets the value for one or more properties of a specified item.",
		Description: "The Get-ItemPropertyValue cmdlet gets the current value of a property of an item.",
		DefaultSet:  "Path",
		Params:      append(gpvPaths.infos(), gpvName.Info()),
		Examples:    []engine.Example{{Title: "Get a file's length", Code: "Get-ItemPropertyValue ./a.txt -Name Length"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return eachItem(c, gpvPaths, nil, func(p string, info fs.FileInfo) error {
				item := fsItem(p, info)
				for _, n := range gpvName.Get(c) {
					v, ok, err := itemProp(c, item, n, p)
					if err != nil {
						return err
					}
					if ok {
						if err := c.WriteObject(v); err != nil {
							return err
						}
					}
				}
				return nil
			})
		}),
	})
	rt.SetAliases("Get-ItemPropertyValue", "gpv")
	setPaths := newItemPaths(true)
	setName := engine.Declare[string](&engine.ParamInfo{Name: "Name", Type: "String", Aliases: []string{"PSProperty"},
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the name of the property."})
	setValue := engine.Declare[any](&engine.ParamInfo{Name: "Value", Type: "Object", AllowNull: true,
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 2, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the value of the property."})
	setPassThru := engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "Returns an object that represents the item property."))
	rt.Register(&engine.Cmdlet{
		Name: "Set-ItemProperty", Module: "Microsoft.PowerShell.Management",
		Synopsis: "Creates or changes the value of a property of an item.",
		Description: "The Set-ItemProperty cmdlet changes the value of a property of a file or directory: LastWriteTime, LastAccessTime, " +
			"IsReadOnly (the write permission bits on Linux) and Attributes (ReadOnly or Normal).",
		DefaultSet:            "Path",
		SupportsShouldProcess: true,
		Params:                append(setPaths.infos(), setName.Info(), setValue.Info(), setPassThru.Info()),
		Examples:              []engine.Example{{Title: "Make a file read-only", Code: "Set-ItemProperty ./a.txt -Name IsReadOnly -Value $true"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return eachItem(c, setPaths, nil, func(p string, info fs.FileInfo) error {
				name := setName.Get(c)
				if ok, err := c.ShouldProcess("Item: "+p+" Property: "+name, "Set Property"); err != nil || !ok {
					return err
				}
				if err := setItemProp(p, info, name, setValue.Get(c)); err != nil {
					return c.WriteError(engine.AsRecord(err))
				}
				if setPassThru.Get(c) {
					if st, err := os.Lstat(p); err == nil {
						item := fsItem(p, st)
						out := value.NewObject()
						v, _ := value.GetMember(item, name)
						out.Set(name, v)
						for _, k := range []string{"PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider"} {
							kv, _ := value.GetMember(item, k)
							out.Set(k, kv)
						}
						return c.WriteObject(out)
					}
				}
				return nil
			})
		}),
	})
	rt.SetAliases("Set-ItemProperty", "sp")
}

// itemProp reads one property of a file-system item, writing pwsh's
// error for a property it does not have.
func itemProp(c *engine.Call, item *value.Object, name, path string) (any, bool, error) {
	for _, p := range item.Properties() {
		if strings.EqualFold(p.Name, name) {
			return p.Value, true, nil
		}
	}
	return nil, false, c.WriteError(propertyNotFound(name, path))
}

// propertyNotFound is the file-system provider's error for a property an
// item does not have.
func propertyNotFound(name, path string) *engine.ErrorRecord {
	return engine.NewError("InvalidArgument", "System.Management.Automation.PSArgumentException", name,
		"Property %s does not exist at path %s.", name, path).
		WithException("System.Management.Automation.PSArgumentException")
}

// setItemProp changes one property of a file or directory.
func setItemProp(path string, info fs.FileInfo, name string, v any) error {
	switch strings.ToLower(name) {
	case "lastwritetime", "lastwritetimeutc":
		t, err := propTime(v)
		if err != nil {
			return err
		}
		return os.Chtimes(path, fsAccessGoTime(info), t)
	case "lastaccesstime", "lastaccesstimeutc":
		t, err := propTime(v)
		if err != nil {
			return err
		}
		return os.Chtimes(path, t, info.ModTime())
	case "creationtime", "creationtimeutc":
		// Linux keeps no settable creation time; pwsh sets what it can.
		_, err := propTime(v)
		return err
	case "isreadonly":
		if info.IsDir() {
			return propertyNotFound(name, path)
		}
		return setReadOnly(path, info, value.ToBool(v))
	case "attributes":
		attrs := strings.ToLower(value.ToString(v))
		return setReadOnly(path, info, strings.Contains(attrs, "readonly"))
	}
	return propertyNotFound(name, path)
}

// propTime converts a property value to a time.
func propTime(v any) (time.Time, error) {
	cv, err := value.ConvertToName(v, "datetime")
	if err != nil {
		return time.Time{}, err
	}
	t, ok := cv.(time.Time)
	if !ok {
		return time.Time{}, engine.NewError("InvalidArgument", "InvalidCastFromStringToDateTime", v, "Cannot convert value to type System.DateTime.")
	}
	return t, nil
}

// fsAccessGoTime is an item's last access time as a time.Time.
func fsAccessGoTime(info fs.FileInfo) time.Time {
	if t, ok := fsAccessTime(info).(time.Time); ok {
		return t
	}
	return info.ModTime()
}

// setReadOnly sets or clears read-only as .NET does on Unix: read-only
// removes every write bit, clearing it gives the owner write again.
func setReadOnly(path string, info fs.FileInfo, readOnly bool) error {
	mode := info.Mode().Perm()
	if readOnly {
		mode &^= 0o222
	} else {
		mode |= 0o200
	}
	return os.Chmod(path, mode)
}
