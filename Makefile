# labsim — an offline AWS Management Console simulator (see README.md).
#
#   make run     build the site into dist/ and serve it on http://127.0.0.1:8080
#   make test    every test: native, WebAssembly under Node, browser (e2e)
#   make size    raw / gzip / brotli bytes of main.wasm and of a first visit
#   make bench   benchmarks, natively and under WebAssembly in Node
#   make startup start-up time in headless Chromium

GO      ?= go
ADDR    ?= 127.0.0.1:8080
GOROOT  := $(shell $(GO) env GOROOT)
WASMEXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
FUZZTIME ?= 5s
LDFLAGS := -s -w
# No inlining outside the simulated world: Go's WebAssembly backend adds a
# resumption point at every call site, and without inlining main.wasm is
# about 87 KB smaller under brotli (README, "Size and speed"). sim/... (the
# policy engine, the world) keeps inlining: with it off the policy
# evaluation under WebAssembly was 2.5-3x slower (make bench).
WASM_GCFLAGS := -gcflags=all=-l -gcflags=labsim/sim/...=

.PHONY: build run test test-native test-wasm test-e2e fuzz size bench startup clean labsim

# labsim is the native CLI (serve, compress, size, policy).
labsim:
	$(GO) build -o bin/labsim ./cmd/labsim

build: labsim
	@mkdir -p dist
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="$(LDFLAGS)" $(WASM_GCFLAGS) -o dist/main.wasm ./wasm
	cp "$(GOROOT)/lib/wasm/wasm_exec.js" dist/wasm_exec.js
	cp assets/app.js assets/styles.css dist/
	cp sim/catalog/actiondata/actions.dat dist/iam-actions.dat
	sed 's/data-wasm-size="0"/data-wasm-size="'$$(stat -c %s dist/main.wasm)'"/' index.html > dist/index.html
	./bin/labsim compress dist

run: build
	./bin/labsim serve -addr $(ADDR) -dir dist

test: test-native test-wasm test-e2e

test-native:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/...
	$(GO) test -count=1 ./...
	$(MAKE) fuzz

# The wasm binding's tests run under Node against fakes of the JS objects.
test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(WASMEXEC)" ./wasm/...

# The browser suite builds dist/ itself and drives headless Chromium. The
# accessibility audit needs axe-core from e2e/package.json (installed here
# when npm is available; skipped with a loud message otherwise, except in CI).
test-e2e: build
	@if [ ! -d e2e/node_modules/axe-core ] && command -v npm >/dev/null 2>&1; then \
		npm ci --prefix e2e --no-audit --no-fund; fi
	$(GO) test -count=1 -tags e2e -timeout 20m ./e2e/...

# A short run of each fuzz target; crashers found are kept in testdata/fuzz.
fuzz:
	@for t in FuzzParse FuzzValidate FuzzEvaluate; do \
		$(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) ./sim/policy/ || exit 1; \
	done

size: build
	./bin/labsim size dist

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./sim/...
	GOOS=js GOARCH=wasm $(GO) test -run='^$$' -bench=. -benchmem -exec="$(WASMEXEC)" ./sim/policy/

# Start-up time in headless Chromium (a report, not a test of speed).
startup: build
	$(GO) test -count=1 -tags e2e -run '^TestReportStartUp$$' -v ./e2e/ | grep start-up

clean:
	rm -rf dist bin
