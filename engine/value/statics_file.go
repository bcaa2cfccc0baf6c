package value

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// The few System.IO.File statics scripts use to guard a secret file:
// SetUnixFileMode and GetUnixFileMode (.NET 7+, pwsh 7.4), and Exists. As
// in .NET, a relative path is relative to the process's working directory,
// not to PowerShell's location: pass a full path
// ($ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath).

// unixFileModes are System.IO.UnixFileMode's flags, in value order.
var unixFileModes = []struct {
	name string
	bit  fs.FileMode
}{
	{"OtherExecute", 0o1}, {"OtherWrite", 0o2}, {"OtherRead", 0o4},
	{"GroupExecute", 0o10}, {"GroupWrite", 0o20}, {"GroupRead", 0o40},
	{"UserExecute", 0o100}, {"UserWrite", 0o200}, {"UserRead", 0o400},
	{"StickyBit", 0o1000}, {"SetGroup", 0o2000}, {"SetUser", 0o4000},
}

// UnixFileModeText is a mode as [System.IO.UnixFileMode] prints it:
// "UserWrite, UserRead" (flag names in value order), "None" for 0.
func UnixFileModeText(m fs.FileMode) string {
	var names []string
	for _, f := range unixFileModes {
		if m&f.bit != 0 {
			names = append(names, f.name)
		}
	}
	if len(names) == 0 {
		return "None"
	}
	return strings.Join(names, ", ")
}

// parseUnixFileMode converts a method argument to a UnixFileMode: a number
// (the mode bits) or flag names separated by commas, as PowerShell
// converts a string to a [Flags] enum.
func parseUnixFileMode(v any) (fs.FileMode, bool) {
	if _, ok := asNum(v); ok {
		i, err := ConvertTo(v, TInt)
		if err != nil || i.(int32) < 0 || i.(int32) > 0o7777 {
			return 0, false
		}
		return fs.FileMode(i.(int32)), true
	}
	s := strings.TrimSpace(ToString(v))
	if i, err := strconv.Atoi(s); err == nil && i >= 0 && i <= 0o7777 {
		return fs.FileMode(i), true
	}
	var m fs.FileMode
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if strings.EqualFold(part, "None") {
			continue
		}
		found := false
		for _, f := range unixFileModes {
			if strings.EqualFold(part, f.name) {
				m |= f.bit
				found = true
			}
		}
		if !found {
			return 0, false
		}
	}
	return m, true
}

// fileStatic implements [System.IO.File]'s statics.
func fileStatic(name, n string, args []any) (any, bool, error) {
	pathArg := func() (string, error) {
		if args[0] == nil {
			return "", errMethodCall(name, len(args), "ArgumentNullException", "Value cannot be null. (Parameter 'path')")
		}
		p := ToString(args[0])
		if strings.TrimSpace(p) == "" || strings.ContainsRune(p, 0) {
			return "", errMethodCall(name, len(args), "ArgumentException", "The value cannot be an empty string. (Parameter 'path')")
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", errMethodCall(name, len(args), "IOException", err.Error())
		}
		return abs, nil
	}
	fileErr := func(path string, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return errMethodCall(name, len(args), "FileNotFoundException", "Could not find file '"+path+"'.")
		}
		if errors.Is(err, fs.ErrPermission) {
			return errMethodCall(name, len(args), "UnauthorizedAccessException", "Access to the path '"+path+"' is denied.")
		}
		return errMethodCall(name, len(args), "IOException", err.Error())
	}
	unixOnly := func() error {
		if runtime.GOOS == "windows" {
			return errMethodCall(name, len(args), "PlatformNotSupportedException", "Unix file modes are not supported on this platform.")
		}
		return nil
	}
	switch n {
	case "exists":
		if len(args) != 1 {
			return nil, true, errOverload(name, len(args))
		}
		if args[0] == nil {
			return false, true, nil
		}
		st, err := os.Stat(ToString(args[0]))
		return err == nil && st.Mode().IsRegular(), true, nil
	case "getunixfilemode":
		if len(args) != 1 {
			return nil, true, errOverload(name, len(args))
		}
		if err := unixOnly(); err != nil {
			return nil, true, err
		}
		path, err := pathArg()
		if err != nil {
			return nil, true, err
		}
		st, err := os.Stat(path)
		if err != nil {
			return nil, true, fileErr(path, err)
		}
		return UnixFileModeText(st.Mode().Perm() | st.Mode()&(fs.ModeSticky|fs.ModeSetgid|fs.ModeSetuid)), true, nil
	case "setunixfilemode":
		if len(args) != 2 {
			return nil, true, errOverload(name, len(args))
		}
		if err := unixOnly(); err != nil {
			return nil, true, err
		}
		path, err := pathArg()
		if err != nil {
			return nil, true, err
		}
		mode, ok := parseUnixFileMode(args[1])
		if !ok {
			return nil, true, errMethodCall(name, len(args), "ArgumentException",
				"Cannot convert argument \"mode\", with value: \""+ToString(args[1])+"\", for \"SetUnixFileMode\" to type \"System.IO.UnixFileMode\".")
		}
		if _, err := os.Stat(path); err != nil {
			return nil, true, fileErr(path, err)
		}
		if err := os.Chmod(path, goFileMode(mode)); err != nil {
			return nil, true, fileErr(path, err)
		}
		return nil, true, nil
	}
	return nil, false, nil
}

// goFileMode turns UnixFileMode bits into an os.FileMode (the sticky,
// set-group and set-user bits are separate flags in Go).
func goFileMode(m fs.FileMode) fs.FileMode {
	out := m & 0o777
	if m&0o1000 != 0 {
		out |= fs.ModeSticky
	}
	if m&0o2000 != 0 {
		out |= fs.ModeSetgid
	}
	if m&0o4000 != 0 {
		out |= fs.ModeSetuid
	}
	return out
}
