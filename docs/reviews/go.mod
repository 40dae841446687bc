// The reviews' repros are cut-down copies of other people's programs,
// some of them Go files with no module of their own (round 26, finding E:
// a `go run main.go` with no go.mod). This file keeps them out of
// restage's module, so that `go vet ./...`, `go test ./...` and
// TestArchitecture do not take them for restage's packages. restage reads
// each repro with the case's folder as the build context, which does not
// reach this file.
module restage.invalid/reviews

go 1.22
