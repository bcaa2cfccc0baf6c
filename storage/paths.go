package storage

import "path/filepath"

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
// alone cannot be used to brute-force the short leader PINs.
func KeyFile(dir string) string { return filepath.Clean(dir) + ".key" }
