package badgerstore

import "testing"

// The demo store itself must have consistent indexes.
func TestDemoIndexes(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkIndexes(t, s)
}
