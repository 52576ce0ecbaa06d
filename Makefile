# labsim — an offline AWS Management Console simulator (see README.md).
#
#   make run     build the site into dist/ and serve it on http://127.0.0.1:8080
#   make build   the site into dist/ (LABS=DIR adds an instructor's lab files)
#   make test    every test: native, WebAssembly under Node, browser (e2e)
#   make size    raw / gzip / brotli bytes of a first visit, beside the dependency floor
#   make budget  where main.wasm's bytes go (runtime, dependencies, console, data…)
#   make bench   benchmarks, natively and under WebAssembly in Node
#   make startup time to interactive in headless Chromium, beside the dependency floor
#                (make size BASE=<git revision>, make startup BASE=<git revision>:
#                also beside that revision, built into bin/base)
#   make scorm   SCORM 1.2 and 2004 packages in packages/ (LAB=, LABS=, KEY=)
#   make single  one self-contained HTML file in packages/ (LABS=, KEY=)
#   make soak    1,000 navigations and 200 policy edits in one Chromium session;
#                memory figures in e2e/screenshots/soak.txt (not part of make
#                test; .ci/run runs it after make test)

GO      ?= go
ADDR    ?= 127.0.0.1:8080
GOROOT  := $(shell $(GO) env GOROOT)
WASMEXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
FUZZTIME ?= 5s
# DEPLOYMENT names this build's saved work in browser storage (index.html's
# data-deployment; see README "Saved state"): builds that share a storage
# origin must differ. The site is "site".
DEPLOYMENT ?= site
LDFLAGS := -s -w
# No inlining outside the simulated world: Go's WebAssembly backend adds a
# resumption point at every call site, and without inlining main.wasm is
# about 87 KB smaller under brotli (README, "Size and speed"). sim/... (the
# policy engine, the world) keeps inlining: with it off the policy
# evaluation under WebAssembly was 2.5-3x slower (make bench).
WASM_GCFLAGS := -gcflags=all=-l -gcflags=labsim/sim/...=
# The first-visit binary (build tag entry: landing page and sign-up, README
# "Size and speed") has no policy engine, so nothing in it needs inlining.
ENTRY_GCFLAGS := -gcflags=all=-l

.PHONY: build run test test-native test-wasm test-e2e soak fuzz size bench startup clean labsim floor base budget

# labsim is the native CLI (serve, compress, size, policy, lab).
labsim:
	$(GO) build -o bin/labsim ./cmd/labsim

build: labsim
	@mkdir -p dist
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="$(LDFLAGS)" $(WASM_GCFLAGS) -o dist/main.wasm ./wasm
	GOOS=js GOARCH=wasm $(GO) build -tags entry -trimpath -ldflags="$(LDFLAGS)" $(ENTRY_GCFLAGS) -o dist/entry.wasm ./wasm
	cp "$(GOROOT)/lib/wasm/wasm_exec.js" dist/wasm_exec.js
	cp assets/app.js assets/styles.css dist/
	cp sim/catalog/actiondata/actions.dat dist/iam-actions.dat
	sed -e 's/data-wasm-size="0"/data-wasm-size="'$$(stat -c %s dist/main.wasm)'"/' \
		-e 's/data-entry-size="0"/data-entry-size="'$$(stat -c %s dist/entry.wasm)'"/' index.html > dist/index.html
	sed -i 's/data-deployment="site"/data-deployment="$(DEPLOYMENT)"/' dist/index.html
	rm -rf dist/labs
	$(if $(LABS),./bin/labsim pack --labs '$(LABS)' --dir dist)
	./bin/labsim compress dist

run: build
	./bin/labsim serve -addr $(ADDR) -dir dist

# Each suite prints its time when it ends (README, "Tests").
test:
	@for s in native wasm e2e; do t0=$$(date +%s); $(MAKE) --no-print-directory test-$$s || exit 1; \
		echo "make test: test-$$s took $$(( $$(date +%s) - t0 )) s"; done

test-native:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/...
	$(GO) test -count=1 ./...
	$(GO) build -tags entry ./console/... ./sim/...
	GOOS=js GOARCH=wasm $(GO) vet -tags entry ./wasm/...
	$(GO) vet -tags entry ./console/entrytest/
	$(GO) test -count=1 -tags entry ./console/entrytest/
	$(GO) run ./cmd/labsim lab validate sim/lab/builtin/*.json
	$(MAKE) fuzz

# The wasm binding's tests run under Node against fakes of the JS objects.
test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(WASMEXEC)" ./wasm/...

# The browser suite builds dist/ itself and drives headless Chromium. The
# accessibility audit needs axe-core from e2e/package.json (installed here
# when npm is available; skipped with a loud message otherwise, except in CI).
test-e2e: build
	@if [ ! e2e/node_modules/.package-lock.json -nt e2e/package-lock.json ] && command -v npm >/dev/null 2>&1; then \
		npm ci --prefix e2e --no-audit --no-fund; fi
	$(GO) test -count=1 -tags e2e -timeout 20m ./e2e/...

# The soak test (e2e/soak_test.go, build tags e2e and soak): one Chromium
# session, 1,000 navigations over console.Routes() and 200 JSON policy
# edits; fails on any console error or when the WebAssembly memory grows 5%
# or more between navigations 500 and 1,000. .ci/run runs it after make test.
soak: build
	$(GO) test -count=1 -tags 'e2e soak' -run '^TestSoak$$' -timeout 30m ./e2e/
	@cat e2e/screenshots/soak.txt

# A short run of each parser's fuzz target (package:Target); crashers found
# are kept in testdata/fuzz and run with the ordinary tests from then on.
FUZZ_TARGETS := sim/policy:FuzzParse sim/policy:FuzzValidate sim/policy:FuzzEvaluate \
	sim/lab:FuzzParseLab sim/lab:FuzzParseRich console:FuzzImport \
	sim/completion:FuzzVerify cmd/labsim:FuzzParseCodeCSV sim/iam:FuzzNameRules \
	sim/mfa:FuzzParseSecret console/i18n:FuzzParseFlat sim/textin:FuzzCheck \
	internal/scorm:FuzzDecodeSuspend internal/scorm:FuzzSuspendWorld sim:FuzzParseSourceIP console/iam/policies/visual:FuzzFromJSON console/devices:FuzzTOTPParseURI
# A run that ends with "context deadline exceeded" and no failing input is
# go test -fuzz stopping at -fuzztime while a worker was busy on a loaded
# machine, not a finding: it is run again (twice at most).
fuzz:
	@for pt in $(FUZZ_TARGETS); do \
		pkg=$${pt%%:*}; t=$${pt#*:}; \
		out=$$($(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) ./$$pkg/ 2>&1); st=$$?; echo "$$out"; \
		if [ $$st -ne 0 ]; then \
			if echo "$$out" | grep -q "context deadline exceeded" && ! echo "$$out" | grep -q "Failing input written"; then \
				echo "fuzz: $$t stopped at its deadline with a busy worker; running it again"; \
				$(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) ./$$pkg/ || \
				$(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) ./$$pkg/ || exit 1; \
			else exit 1; fi; \
		fi; \
	done

# The dependency floor (tools/floor): a page that links only the mission's
# dependencies, built with the same flags, to measure labsim against.
FLOOR := bin/floor
floor: labsim
	@mkdir -p $(FLOOR)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="$(LDFLAGS)" -o $(FLOOR)/main.wasm ./tools/floor
	cp "$(GOROOT)/lib/wasm/wasm_exec.js" tools/floor/index.html tools/floor/app.js $(FLOOR)/
	./bin/labsim compress $(FLOOR)

# BASE=<git revision> builds that revision's site into bin/base, to compare
# before and after in one run.
BASE ?=
BASEDIR := bin/base
base:
	@test -n "$(BASE)" || { echo "usage: make base BASE=<git revision>"; exit 2; }
	rm -rf bin/base-src $(BASEDIR) && mkdir -p bin/base-src
	git archive "$(BASE)" | tar -x -C bin/base-src
	$(MAKE) -C bin/base-src build
	mv bin/base-src/dist $(BASEDIR) && rm -rf bin/base-src

# Where main.wasm's and entry.wasm's bytes go: builds of both, of the
# floor and of an empty Go program that keep their function names (no -s),
# split into the runtime, the floor's dependencies, console code, other
# labsim code, other library code and data, raw and brotli.
budget: labsim
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags=-w $(WASM_GCFLAGS) -o bin/main-names.wasm ./wasm
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags=-w -o bin/floor-names.wasm ./tools/floor
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags=-w -o bin/empty-names.wasm ./tools/floor/empty
	./bin/labsim budget -empty bin/empty-names.wasm -floor bin/floor-names.wasm bin/main-names.wasm
	GOOS=js GOARCH=wasm $(GO) build -tags entry -trimpath -ldflags=-w $(ENTRY_GCFLAGS) -o bin/entry-names.wasm ./wasm
	@echo; echo "the first-visit binary (entry.wasm):"
	./bin/labsim budget -empty bin/empty-names.wasm -floor bin/floor-names.wasm bin/entry-names.wasm

size: build floor $(if $(BASE),base)
	./bin/labsim size -floor $(FLOOR) $(if $(BASE),-base $(BASEDIR)) dist

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./sim/...
	GOOS=js GOARCH=wasm $(GO) test -run='^$$' -bench=. -benchmem -exec="$(WASMEXEC)" ./sim/policy/
	GOOS=js GOARCH=wasm $(GO) test -run='^$$' -bench=Evaluate -benchmem -exec="$(WASMEXEC)" ./sim/lab/

# Time to interactive in headless Chromium over alternating cold loads of
# labsim and the dependency floor (a report, not a test of speed); the
# figures also go to e2e/screenshots/startup.txt.
startup: build floor $(if $(BASE),base)
	LABSIM_FLOOR=$(CURDIR)/$(FLOOR) LABSIM_BASE=$(if $(BASE),$(CURDIR)/$(BASEDIR)) \
		$(GO) test -count=1 -tags e2e -timeout 30m -run '^TestReportStartUp$$' ./e2e/ && cat e2e/screenshots/startup.txt

clean:
	rm -rf dist bin

.PHONY: scorm single

# Packages for instructors, in packages/: LAB="root-mfa iam-delegation"
# picks labs (default every lab), LABS=DIR adds an instructor's lab files,
# KEY=... signs completion codes.
PACKFLAGS = $(foreach l,$(LAB),--lab $(l)) $(if $(LABS),--labs $(LABS)) $(if $(KEY),--key '$(KEY)')

scorm: build
	@mkdir -p packages
	./bin/labsim pack --scorm12 $(PACKFLAGS) -o packages/labsim-scorm12.zip
	./bin/labsim pack --scorm2004 $(PACKFLAGS) -o packages/labsim-scorm2004.zip

single: build
	@mkdir -p packages
	./bin/labsim pack --single $(if $(LABS),--labs $(LABS)) $(if $(KEY),--key '$(KEY)') -o packages/labsim.html
