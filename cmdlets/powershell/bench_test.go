package powershell

import (
	"bytes"
	"context"
	"testing"
)

// BenchmarkForEachMeasure runs the pipeline the brief sets as the
// performance target through the engine.
func BenchmarkForEachMeasure(b *testing.B) {
	var buf bytes.Buffer
	rt := newTestRuntime(&buf)
	for i := 0; i < b.N; i++ {
		buf.Reset()
		rt.Execute(context.Background(), "<bench>", "$null = 1..1000000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum")
	}
}

// BenchmarkForEachMeasureBaseline is the same computation in plain Go over
// boxed values, for the ratio.
func BenchmarkForEachMeasureBaseline(b *testing.B) {
	for i := 0; i < b.N; i++ {
		items := make([]any, 1000000)
		for j := range items {
			items[j] = int32(j + 1)
		}
		sum := 0.0
		for _, it := range items {
			v := any(it.(int32) * 2)
			sum += float64(v.(int32))
		}
		if sum != 1000001000000 {
			b.Fatal("bad sum")
		}
	}
}
