package value

// The growth cap: how large a string or an array may grow. Every path that
// builds a string or an array from others — +, +=, *, -join, -replace,
// string expansion, [string]::new/Join/Concat, .PadLeft/.PadRight/.Replace,
// Out-String — checks its result's size against MaxGrowth before it
// allocates, and fails with a PowerShell error (pwsh's own
// OutOfMemoryException and "Array dimensions exceeded supported range."),
// so a script that doubles a string in a loop stops with an error instead
// of the Go runtime dying out of memory.

// MaxGrowth is the budget, in bytes, of one string or one array: a string
// may hold MaxGrowth bytes (256 MiB), an array MaxGrowth/arrayElemBytes
// elements (16 Mi; each element is a 16-byte interface value, before
// whatever it points to).
const MaxGrowth = 1 << 28

// arrayElemBytes is what one array element costs at least.
const arrayElemBytes = 16

// maxRepeat is the most characters string multiplication and
// [string]::new(char, n) may make: the growth cap.
const maxRepeat = MaxGrowth

// MaxArrayLength is the most elements an array may hold.
const MaxArrayLength = MaxGrowth / arrayElemBytes

// CheckStringSize fails when a string of n bytes would be over the growth
// cap.
func CheckStringSize(n int) error {
	if n < 0 || n > MaxGrowth {
		return errStringTooLarge()
	}
	return nil
}

// CheckArraySize fails when an array of n elements would be over the
// growth cap.
func CheckArraySize(n int) error {
	if n < 0 || n > MaxArrayLength {
		return errArrayTooLarge()
	}
	return nil
}

// errStringTooLarge is pwsh's error for a string .NET cannot allocate.
func errStringTooLarge() *Error {
	return newErr(ExOutOfMemory, "OutOfMemoryException", "NotSpecified",
		"Exception of type 'System.OutOfMemoryException' was thrown.")
}

// errArrayTooLarge is pwsh's error for an array over .NET's bounds.
func errArrayTooLarge() *Error {
	return newErr(ExOutOfMemory, "OutOfMemoryException", "NotSpecified",
		"Array dimensions exceeded supported range.")
}

// concatSize is the size of a + b, guarding against overflow.
func concatSize(a, b int) int {
	if a > MaxGrowth || b > MaxGrowth {
		return MaxGrowth + 1
	}
	return a + b
}
