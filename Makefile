# restage: common tasks. CI (.ci/run) runs the unit tests (`make test`) and then the same steps as
# `make e2e`.
GO ?= go
# The docker client for the end-to-end suite: Debian's 20.10 client has BuildKit built in
# (/usr/local/bin/docker refuses DOCKER_BUILDKIT=1).
DOCKER ?= /usr/bin/docker

.PHONY: all build test race vet fmt lint fuzz bench bench-startup browser editors e2e e2e-real clean

all: build test

# urfave_cli_no_docs leaves out urfave/cli's man-page and Markdown generators, which restage
# never calls and whose Markdown library costs about 2.5 ms of start-up on every run.
TAGS ?= urfave_cli_no_docs

# restage-review is the pull-request bot that `restage review` runs from the same folder; it is
# a separate binary so that its GitHub client (net/http, TLS) costs plain runs nothing.
build:
	CGO_ENABLED=0 $(GO) build -tags $(TAGS) -o bin/restage ./cmd/restage
	$(GO) build -o bin/restage-review ./cmd/restage-review

test:
	$(GO) test ./...

# The parallel conversion under the race detector, as CI runs it.
race:
	$(GO) test -race -count=1 -run 'TestSameFileTwice|TestParallel|TestDiscover' ./cmd/restage ./workspace

vet:
	$(GO) vet ./...

fmt:
	gofmt -l -w $$(git ls-files '*.go')

# Fuzzing beyond the seeds `go test` replays: every fuzz target, one after
# the other (go test fuzzes one target at a time), each for FUZZTIME
# (a duration such as 10m, or a count such as 1000x). A failure stops the
# run and leaves the input in the package's testdata/fuzz, where `go test`
# replays it from then on. Every parser-facing entry point has a target:
# the engine (on the Dockerfile, and on the build context's files), its
# Dockerfile parser against BuildKit's (FuzzSameAsBuildKit), the
# preset and config decoders, the language server's message reader, the
# review bot's readers.
FUZZTIME ?= 15s
# -timeout 0: go test's own 10-minute limit would end a FUZZTIME=10m run at
# its last moment with "context deadline exceeded" and no input (seen here).
# A new input worth keeping is minimized first; with the default of 60s, a
# short run on large seeds (the built-in presets) can spend all its time there.
FUZZMINIMIZETIME ?= 10s
FUZZ_TARGETS = ./transform:FuzzConvert ./transform:FuzzConvertContext ./transform/internal/dfparse:FuzzSameAsBuildKit ./presets:FuzzParse ./config:FuzzParse ./lsp:FuzzReadMessages \
	./review:FuzzParseEvent ./review:FuzzHunks ./review:FuzzParseMarker
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "== $${t#*:} in $${t%%:*} for $(FUZZTIME)"; \
		$(GO) test $${t%%:*} -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME) -timeout 0; \
	done

bench:
	$(GO) test ./transform ./cmd/restage -run '^$$' -bench . -benchmem

# Whole process runs of restage beside the parse-only floor (bench/floor), built with the same
# tags; prints the medians and the ratio restage/floor (target: 1.3 or less).
bench-startup:
	GO=$(GO) TAGS=$(TAGS) bash bench/startup.sh

# The migration report in headless chromium: the HTML page, and the Markdown's chart drawn by
# Mermaid (installs Debian's chromium when missing; fetches Mermaid's bundle with npm pack).
browser:
	bash report/chromium.sh && bash report/mermaid.sh && \
	$(GO) test -tags browser -count=1 -run '^TestBrowser' ./report/

# Real editors, headless (root or sudo: installs Debian's neovim, emacs-nox and elpa-eglot when
# missing): restage lsp with Neovim 0.7 and eglot, and the format-on-save recipes of
# docs/editors.md. About 15 s after the install.
editors:
	bash e2e/editors/install.sh && \
	$(GO) test -tags editors -count=1 -timeout 10m ./e2e/editors/

# End to end, with a real Docker engine (root; installs docker.io and starts dockerd when needed,
# builds the offline replica base images, then `restage verify` on every app in e2e/apps).
# The results table goes to e2e/.cache/results.md. See e2e/README.md.
e2e:
	DOCKER=$(DOCKER) bash e2e/docker-up.sh && \
	DOCKER=$(DOCKER) bash e2e/images/build.sh && \
	DOCKER=$(DOCKER) $(GO) test -tags e2e -count=1 -timeout 40m -v ./e2e/ && \
	$(GO) test -tags e2e -count=1 -timeout 10m -v -run '^TestReviewdog' ./review/

# The real-application corpus (issue #8): public apps built and run before and after
# conversion, offline (dependencies served by e2e/real/depserver). About an hour; by hand, not
# in CI. Writes e2e/real/RESULTS.md. See e2e/real/README.md.
e2e-real:
	GO=$(GO) DOCKER=$(DOCKER) bash e2e/real/run.sh

clean:
	rm -rf bin
