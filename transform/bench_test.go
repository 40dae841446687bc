package transform

import "testing"

// BenchmarkConvert converts the typical ~15-line Go service Dockerfile and
// every golden input. The target is under 0.3 ms per typical file (about
// two thirds of it is BuildKit's parser, run on the input and again on the
// output as a check); nothing is asserted.
//
//	go test ./transform -run '^$' -bench Convert -benchmem
func BenchmarkConvert(b *testing.B) {
	bench := func(b *testing.B, src []byte, opt Options) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := Convert(src, opt); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("typical", func(b *testing.B) { bench(b, []byte(typicalGoService), Options{}) })
	for _, c := range loadCases(b) {
		b.Run(c.Name, func(b *testing.B) { bench(b, c.Input, c.Options) })
	}
}
