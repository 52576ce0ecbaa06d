package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// wasmSection encodes one section (contents shorter than 128 bytes).
func wasmSection(id byte, content ...byte) []byte {
	return append([]byte{id, byte(len(content))}, content...)
}

func wasmName(s string) []byte { return append([]byte{byte(len(s))}, s...) }

// testModule builds a module importing one function and defining the
// named ones, each with a body of its index+1 nops, and one data segment.
func testModule(names ...string) []byte {
	b := []byte("\x00asm\x01\x00\x00\x00")
	b = append(b, wasmSection(1, 1, 0x60, 0, 0)...) // one type: func()
	imp := append([]byte{1}, wasmName("go")...)
	imp = append(imp, wasmName("debug")...)
	imp = append(imp, 0, 0) // a function of type 0
	b = append(b, wasmSection(2, imp...)...)
	fn := []byte{byte(len(names))}
	code := []byte{byte(len(names))}
	for i := range names {
		fn = append(fn, 0)
		body := append([]byte{0}, bytes.Repeat([]byte{0x01}, i+1)...) // no locals, nops
		body = append(body, 0x0b)
		code = append(code, byte(len(body)))
		code = append(code, body...)
	}
	b = append(b, wasmSection(3, fn...)...)
	b = append(b, wasmSection(10, code...)...)
	b = append(b, wasmSection(11, 1, 0, 0x41, 8, 0x0b, 3, 'a', 'b', 'c')...)
	sub := []byte{byte(len(names))}
	for i, n := range names {
		sub = append(sub, byte(i+1))
		sub = append(sub, wasmName(n)...)
	}
	custom := append(wasmName("name"), 1, byte(len(sub)))
	custom = append(custom, sub...)
	return append(b, wasmSection(0, custom...)...)
}

func TestParseWasmNamesFunctionsAndData(t *testing.T) {
	m, err := parseWasm(testModule("runtime.alloc", "labsim_console.view"))
	require.NoError(t, err)
	require.Len(t, m.funcs, 2)
	require.Equal(t, "runtime.alloc", m.funcs[0].name)
	require.Len(t, m.funcs[0].body, 3)
	require.Equal(t, "labsim_console.view", m.funcs[1].name)
	require.Equal(t, []byte("abc"), m.data)

	_, err = parseWasm([]byte("not wasm"))
	require.Error(t, err)
	stripped := testModule("a")
	_, err = parseWasm(stripped[:len(stripped)-20])
	require.Error(t, err)
}

func TestBudgetSplitsByPart(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, names ...string) string {
		file := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(file, testModule(names...), 0o644))
		return file
	}
	empty := write("empty.wasm", "runtime.alloc", "main.main")
	floor := write("floor.wasm", "runtime.alloc", "encoding_json.Marshal", "main.main")
	main := write("main.wasm", "runtime.alloc", "encoding_json.Marshal", "labsim_console.view",
		"labsim_sim.NewWorld", "strings.NewReplacer", "main.main")
	var out, errOut bytes.Buffer
	require.Equal(t, 0, runBudget([]string{"-empty", empty, "-floor", floor, main}, &out, &errOut), errOut.String())
	require.Regexp(t, `Go runtime \(an empty Go program\) +1 +3 `, out.String())
	require.Regexp(t, `dependencies \(the rest of the floor\) +1 +4 `, out.String())
	require.Regexp(t, `console code \(labsim/console/...\) +1 +5 `, out.String())
	require.Regexp(t, `other labsim code \(sim, wasm\) +2 +14 `, out.String())
	require.Regexp(t, `other library code +1 +7 `, out.String())
	require.Contains(t, out.String(), "labsim_console 5;")

	require.Equal(t, 2, runBudget([]string{main}, &out, &errOut))
}
