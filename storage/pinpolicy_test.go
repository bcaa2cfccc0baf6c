package storage

import "testing"

func TestGeneratePIN(t *testing.T) {
	for length := MinPinLength; length <= MaxPinLength; length++ {
		for range 2000 {
			pin, err := GeneratePIN(length)
			if err != nil {
				t.Fatal(err)
			}
			if len(pin) != length || !ValidPIN(pin) || weakPIN(pin) {
				t.Fatalf("GeneratePIN(%d) = %q", length, pin)
			}
		}
	}
	for _, bad := range []int{-1, 0, 3, 13} {
		if pin, err := GeneratePIN(bad); err == nil {
			t.Errorf("GeneratePIN(%d) = %q, want an error", bad, pin)
		}
	}
}

func TestGeneratePINSpread(t *testing.T) {
	// Every digit shows up in every position: no stuck or biased digit.
	var seen [5][10]int
	for range 5000 {
		pin, _ := GeneratePIN(5)
		for i := range 5 {
			seen[i][pin[i]-'0']++
		}
	}
	for i, pos := range seen {
		for d, n := range pos {
			if n < 300 || n > 700 { // expected 500
				t.Errorf("digit %d at position %d drawn %d times in 5000", d, i, n)
			}
		}
	}
}

func TestWeakPIN(t *testing.T) {
	for _, weak := range []string{"1111", "00000", "12345", "0123", "98765", "3210", "456789012"[0:6], "999999999999"} {
		if !weakPIN(weak) {
			t.Errorf("weakPIN(%s) = false", weak)
		}
	}
	for _, ok := range []string{"1112", "12346", "13579", "90123", "7890", "2109", "48213"} {
		if weakPIN(ok) {
			t.Errorf("weakPIN(%s) = true", ok)
		}
	}
}
