package storage

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestEncodeAudit: EncodeAudit writes exactly json.Marshal's bytes for
// random audit records (every field filled through reflection, so a field
// added to AuditRecord or Change and not to EncodeAudit fails here).
func TestEncodeAudit(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for i := range 2000 {
		a := new(AuditRecord)
		v := reflect.ValueOf(a).Elem()
		for f := range v.NumField() {
			switch fv := v.Field(f); fv.Kind() {
			case reflect.Uint64:
				fv.SetUint(r.Uint64())
			case reflect.Slice:
				if n := r.IntN(4); n > 0 || r.IntN(2) == 0 {
					changes := make([]Change, n)
					for j := range changes {
						cv := reflect.ValueOf(&changes[j]).Elem()
						for k := range cv.NumField() {
							fill(r, cv.Field(k), i%2 == 0)
						}
					}
					fv.Set(reflect.ValueOf(changes))
				}
			default:
				fill(r, fv, i%2 == 0)
			}
		}
		want, werr := json.Marshal(a)
		got, gerr := EncodeAudit(a)
		if werr != nil || gerr != nil || string(got) != string(want) {
			t.Fatalf("EncodeAudit:\n%s (%v)\njson.Marshal:\n%s (%v)", got, gerr, want, werr)
		}
	}
}
