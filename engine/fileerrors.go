package engine

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// PathNotFoundError is pwsh's PathNotFound error for a path that does not
// exist (ItemNotFoundException).
func PathNotFoundError(path string) *ErrorRecord {
	return NewError("ObjectNotFound", "PathNotFound", path, "Cannot find path '%s' because it does not exist.", path).
		WithException("System.Management.Automation.ItemNotFoundException")
}

// FileOpenError is pwsh's FileOpenFailure for a file that cannot be
// opened: the .NET exception and text that match err.
func FileOpenError(path string, err error) error {
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if st, serr := os.Stat(filepath.Dir(path)); serr == nil && st.IsDir() {
			return NewError("OpenError", "FileOpenFailure", nil, "Could not find file '%s'.", path).
				WithException("System.IO.FileNotFoundException")
		}
		return NewError("OpenError", "FileOpenFailure", nil, "Could not find a part of the path '%s'.", path).
			WithException("System.IO.DirectoryNotFoundException")
	case errors.Is(err, fs.ErrPermission), errors.As(err, &pe) && isDir(path):
		return NewError("OpenError", "FileOpenFailure", nil, "Access to the path '%s' is denied.", path).
			WithException("System.UnauthorizedAccessException")
	}
	return NewError("OpenError", "FileOpenFailure", nil, "%s", err.Error()).WithException("System.IO.IOException")
}

// isDir reports whether path is a directory (reading it as a file fails).
func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
