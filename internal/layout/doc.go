// Package layout holds tests of the repository's structure: the simulated
// world and the console stay pure Go (no syscall/js), and every file of the
// browser binding is built only for js/wasm.
package layout
