# labsim — see README.md. Targets: build, run, test, size, bench, fuzz.
GO ?= go
.PHONY: test test-native
test: test-native
test-native:
	$(GO) test ./...
