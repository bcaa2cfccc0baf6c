package storage

import (
	"fmt"
	"os"
	"path/filepath"
)

// DefaultDir is the default tenant directory:
// $XDG_DATA_HOME/csshell/tenants/contoso, or
// $HOME/.local/share/csshell/tenants/contoso when XDG_DATA_HOME is unset or
// not absolute (as the XDG base-directory specification asks).
func DefaultDir(getenv func(string) string) string {
	base := getenv("XDG_DATA_HOME")
	if base == "" || !filepath.IsAbs(base) {
		base = filepath.Join(getenv("HOME"), ".local", "share")
	}
	return filepath.Join(base, "csshell", "tenants", "contoso")
}

// KeyFile is the path of the secret key file of the store in dir: beside
// the directory, never inside it, so that a copy of the store's directory
// alone cannot be used to brute-force the short leader PINs. dir is made
// absolute first, so "." names the key file beside the current directory
// ("../name.key"), never "..key" inside it.
func KeyFile(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Clean(dir) + ".key"
}

// CanonicalDir is the one name of the tenant directory dir, which must
// exist: absolute, cleaned, symbolic links resolved. The same store reached
// by a relative path, an absolute path or through a link is the same store,
// with the same key file.
func CanonicalDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("storage: the tenant directory '%s': %w", dir, err)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", fmt.Errorf("storage: the tenant directory '%s': %w", dir, err)
	}
	if st, err := os.Stat(real); err != nil || !st.IsDir() {
		return "", fmt.Errorf("storage: the tenant path '%s' is not a directory", dir)
	}
	return real, nil
}
