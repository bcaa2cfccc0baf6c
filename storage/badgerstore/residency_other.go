//go:build !linux

package badgerstore

// watchTableResidency does nothing where /proc cannot tell which mapped
// table pages are resident (see residency_linux.go).
func watchTableResidency() {}
