package badgerstore

import (
	"testing"

	"github.com/csshell/csshell/storage"
)

func TestPINHashKeyed(t *testing.T) {
	h, err := hashPIN([]byte("secret-one"), "48213", storage.DemoCreated)
	if err != nil {
		t.Fatal(err)
	}
	if !verifyPIN([]byte("secret-one"), h, "48213") {
		t.Error("same secret does not verify")
	}
	if verifyPIN([]byte("secret-two"), h, "48213") {
		t.Error("another tenant's secret verifies")
	}
}
