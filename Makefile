# restage: common tasks. `make test` is what CI runs (see .ci/run).
GO ?= go

.PHONY: all build test vet fmt lint fuzz bench e2e clean

all: build test

build:
	$(GO) build -o bin/restage ./cmd/restage

test:
	$(GO) test ./...

vet:
	$(GO) vet ./...

fmt:
	gofmt -l -w $$(git ls-files '*.go')

# A longer fuzzing run than the seeds `go test` replays.
fuzz:
	$(GO) test ./transform -run '^$$' -fuzz FuzzConvert -fuzztime 60s

bench:
	$(GO) test ./transform ./cmd/restage -run '^$$' -bench . -benchmem

clean:
	rm -rf bin
