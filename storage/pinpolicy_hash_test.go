package storage

import (
	"testing"
)

// TestPINHashKeyed: a PIN hash verifies under its tenant secret only.
func TestPINHashKeyed(t *testing.T) {
	h, err := HashPIN([]byte("secret-one"), "48213", DemoCreated)
	if err != nil {
		t.Fatal(err)
	}
	if !VerifyPIN([]byte("secret-one"), h, "48213") {
		t.Error("same secret does not verify")
	}
	if VerifyPIN([]byte("secret-two"), h, "48213") {
		t.Error("another tenant's secret verifies")
	}
}
