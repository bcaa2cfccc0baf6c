package syntax

import (
	"math"
	"math/rand"
	"testing"
)

// TestTokMemoMatchesMap puts and gets tokens in the orders the parser
// uses (mostly forward, other modes at the same place, back-tracking, far
// back) and checks every answer against a Go map. Some rounds start just
// below the positions too large for a 32-bit key.
func TestTokMemoMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 20; round++ {
		tm := tokMemo{hint: 1000}
		want := map[[2]int]*tok{}
		pos := 0
		if round%4 == 3 {
			pos = math.MaxUint32/modeCount - 300
		}
		for step := 0; step < 6000; step++ {
			switch r := rng.Intn(200); {
			case r < 140:
				pos += rng.Intn(8)
			case r < 180 && pos > 0:
				pos -= rng.Intn(min(pos, 10)) // back-tracking
			case r == 180 && pos > 0:
				pos -= rng.Intn(min(pos, 300)) // far back
			}
			m := mode(rng.Intn(modeCount))
			got := tm.get(pos, m)
			if got != want[[2]int{pos, int(m)}] {
				t.Fatalf("round %d step %d: get(%d, %d) = %p, want %p", round, step, pos, m, got, want[[2]int{pos, int(m)}])
			}
			if got == nil && rng.Intn(3) > 0 {
				nt := tm.newTok()
				tm.put(pos, m, nt)
				want[[2]int{pos, int(m)}] = nt
			}
		}
		for k, w := range want {
			if got := tm.get(k[0], mode(k[1])); got != w {
				t.Fatalf("round %d: get(%d, %d) = %p at the end, want %p", round, k[0], k[1], got, w)
			}
		}
	}
}
