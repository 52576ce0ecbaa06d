//go:build js && wasm

// Command empty is an empty Go WebAssembly program: what it links is the
// Go runtime, the first row of `labsim budget`.
package main

func main() {}
