package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/andybalholm/brotli"
)

// wasmFunc is one function defined in a WebAssembly module.
type wasmFunc struct {
	name string
	body []byte
}

// wasmModule is what the budget needs of a WebAssembly module.
type wasmModule struct {
	funcs []wasmFunc
	data  []byte // the data segments' bytes, concatenated
	other int    // bytes of every other section (types, imports, exports, names…)
	size  int    // the whole file
}

// wasmReader reads the binary format's primitives.
type wasmReader struct {
	b   []byte
	pos int
}

var errWasmTruncated = errors.New("truncated WebAssembly module")

func (r *wasmReader) byte() (byte, error) {
	if r.pos >= len(r.b) {
		return 0, errWasmTruncated
	}
	r.pos++
	return r.b[r.pos-1], nil
}

// uleb reads an unsigned LEB128 number (also used, sign aside, to skip a
// signed one).
func (r *wasmReader) uleb() (uint64, error) {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			return v, nil
		}
	}
	return 0, errors.New("LEB128 number too long")
}

func (r *wasmReader) bytes(n uint64) ([]byte, error) {
	if n > uint64(len(r.b)-r.pos) {
		return nil, errWasmTruncated
	}
	b := r.b[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return b, nil
}

func (r *wasmReader) vec() ([]byte, error) {
	n, err := r.uleb()
	if err != nil {
		return nil, err
	}
	return r.bytes(n)
}

// limits skips a table's or memory's limits.
func (r *wasmReader) limits() error {
	flags, err := r.byte()
	if err != nil {
		return err
	}
	if _, err := r.uleb(); err != nil {
		return err
	}
	if flags&1 != 0 {
		_, err = r.uleb()
	}
	return err
}

// constExpr skips a constant expression up to its end opcode.
func (r *wasmReader) constExpr() error {
	for {
		op, err := r.byte()
		if err != nil {
			return err
		}
		switch op {
		case 0x0b: // end
			return nil
		case 0x41, 0x42, 0x23: // i32.const, i64.const, global.get
			if _, err := r.uleb(); err != nil {
				return err
			}
		default:
			return fmt.Errorf("unexpected opcode 0x%02x in a data segment's offset", op)
		}
	}
}

// parseWasm reads a module's function bodies with their names (from the
// "name" section, which a build without -ldflags=-s keeps) and its data.
func parseWasm(b []byte) (wasmModule, error) {
	m := wasmModule{size: len(b)}
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return m, errors.New("not a WebAssembly module")
	}
	r := &wasmReader{b: b, pos: 8}
	imported := 0
	names := map[int]string{}
	var bodies [][]byte
	for r.pos < len(b) {
		start := r.pos
		id, err := r.byte()
		if err != nil {
			return m, err
		}
		content, err := r.vec()
		if err != nil {
			return m, err
		}
		s := &wasmReader{b: content}
		switch id {
		case 2: // imports
			n, err := s.uleb()
			for i := uint64(0); err == nil && i < n; i++ {
				if _, err = s.vec(); err != nil {
					break
				}
				if _, err = s.vec(); err != nil {
					break
				}
				var kind byte
				if kind, err = s.byte(); err != nil {
					break
				}
				switch kind {
				case 0:
					imported++
					_, err = s.uleb()
				case 1:
					if _, err = s.byte(); err == nil {
						err = s.limits()
					}
				case 2:
					err = s.limits()
				case 3:
					_, err = s.bytes(2)
				}
			}
			if err != nil {
				return m, fmt.Errorf("import section: %w", err)
			}
			m.other += r.pos - start
		case 10: // code
			n, err := s.uleb()
			for i := uint64(0); err == nil && i < n; i++ {
				var body []byte
				if body, err = s.vec(); err == nil {
					bodies = append(bodies, body)
				}
			}
			if err != nil {
				return m, fmt.Errorf("code section: %w", err)
			}
		case 11: // data
			n, err := s.uleb()
			for i := uint64(0); err == nil && i < n; i++ {
				var flags uint64
				if flags, err = s.uleb(); err != nil {
					break
				}
				if flags == 2 {
					_, err = s.uleb()
				}
				if err == nil && flags != 1 {
					err = s.constExpr()
				}
				var seg []byte
				if err == nil {
					if seg, err = s.vec(); err == nil {
						m.data = append(m.data, seg...)
					}
				}
			}
			if err != nil {
				return m, fmt.Errorf("data section: %w", err)
			}
		case 0: // custom
			name, err := s.vec()
			if err != nil {
				return m, fmt.Errorf("custom section: %w", err)
			}
			if string(name) == "name" {
				if err := readFuncNames(s, names); err != nil {
					return m, fmt.Errorf("name section: %w", err)
				}
			}
			m.other += r.pos - start
		default:
			m.other += r.pos - start
		}
	}
	if len(names) == 0 {
		return m, errors.New("no function names: build without -ldflags=-s")
	}
	for i, body := range bodies {
		name, ok := names[imported+i]
		if !ok {
			name = fmt.Sprintf("function %d", imported+i)
		}
		m.funcs = append(m.funcs, wasmFunc{name: name, body: body})
	}
	return m, nil
}

// readFuncNames reads the function-names subsection of a name section.
func readFuncNames(s *wasmReader, names map[int]string) error {
	for s.pos < len(s.b) {
		id, err := s.byte()
		if err != nil {
			return err
		}
		sub, err := s.vec()
		if err != nil {
			return err
		}
		if id != 1 {
			continue
		}
		f := &wasmReader{b: sub}
		n, err := f.uleb()
		for i := uint64(0); err == nil && i < n; i++ {
			var idx uint64
			var name []byte
			if idx, err = f.uleb(); err == nil {
				if name, err = f.vec(); err == nil {
					names[int(idx)] = string(name)
				}
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// funcPackage returns a function's package as the name section spells it:
// the import path with '/' and '.' turned into '_' ("labsim_console",
// "encoding_json", "github_com_skip2_go_qrcode"), up to the first '.'.
func funcPackage(name string) string {
	if i := strings.IndexByte(name, '.'); i >= 0 {
		return name[:i]
	}
	return name
}

// budgetParts are the rows of the budget, in order.
var budgetParts = []string{
	"Go runtime (an empty Go program)",
	"dependencies (the rest of the floor)",
	"console code (labsim/console/...)",
	"other labsim code (sim, wasm)",
	"other library code",
	"data (types, strings, func tables, embeds)",
	"other sections (types, imports, names)",
}

// budgetPart classifies a function of labsim's main.wasm.
func budgetPart(f wasmFunc, empty, floor map[string]bool) int {
	pkg := funcPackage(f.name)
	switch {
	case pkg == "labsim_console" || strings.HasPrefix(pkg, "labsim_console_"):
		return 2
	case strings.HasPrefix(pkg, "labsim_") || pkg == "main":
		return 3
	case empty[f.name]:
		return 0
	case floor[f.name]:
		return 1
	}
	return 4
}

// brotliSize returns the brotli (quality 11) size of b.
func brotliSize(b []byte) (int, error) {
	var out bytes.Buffer
	w := brotli.NewWriterLevel(&out, brotli.BestCompression)
	if _, err := w.Write(b); err != nil {
		return 0, err
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	return out.Len(), nil
}

// readNamedWasm reads and parses a module and the set of its functions'
// names.
func readNamedWasm(file string) (wasmModule, map[string]bool, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return wasmModule{}, nil, err
	}
	m, err := parseWasm(b)
	if err != nil {
		return m, nil, fmt.Errorf("%s: %w", file, err)
	}
	set := make(map[string]bool, len(m.funcs))
	for _, f := range m.funcs {
		set[f.name] = true
	}
	return m, set, nil
}

// budgetRow is one part of a module: functions, raw and brotli bytes.
type budgetRow struct{ funcs, raw, brotli int }

// budgetOf splits a module into budgetParts, with the code bytes of each
// package per part.
func budgetOf(m wasmModule, empty, floor map[string]bool) ([]budgetRow, []map[string]int, error) {
	rows := make([]budgetRow, len(budgetParts))
	code := make([][]byte, len(budgetParts))
	pkgs := make([]map[string]int, len(budgetParts))
	for _, f := range m.funcs {
		p := budgetPart(f, empty, floor)
		code[p] = append(code[p], f.body...)
		rows[p].funcs++
		if pkgs[p] == nil {
			pkgs[p] = map[string]int{}
		}
		pkgs[p][funcPackage(f.name)] += len(f.body)
	}
	code[5] = m.data
	for i := range rows {
		rows[i].raw = len(code[i])
		if i == 6 {
			rows[i].raw = m.other
			continue
		}
		if len(code[i]) == 0 {
			continue
		}
		n, err := brotliSize(code[i])
		if err != nil {
			return nil, nil, err
		}
		rows[i].brotli = n
	}
	return rows, pkgs, nil
}

// runBudget prints where main.wasm's bytes go: the runtime (the functions
// of an empty Go program), the dependencies (the other functions of the
// dependency floor), console code, other labsim code, other library code,
// data and the rest, raw and brotli (each part compressed alone), with the
// largest functions. The three modules must keep their names (built
// without -ldflags=-s).
func runBudget(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("budget", flag.ContinueOnError)
	fs.SetOutput(stderr)
	empty := fs.String("empty", "", "an empty Go program's wasm, with names")
	floor := fs.String("floor", "", "the dependency floor's wasm, with names")
	top := fs.Int("top", 15, "list the largest functions")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 || *empty == "" || *floor == "" {
		fmt.Fprintln(stderr, "usage: labsim budget -empty EMPTY.wasm -floor FLOOR.wasm MAIN.wasm (all built without -ldflags=-s)")
		return 2
	}
	main, _, err := readNamedWasm(fs.Arg(0))
	var emptyNames, floorNames map[string]bool
	var floorMod wasmModule
	if err == nil {
		_, emptyNames, err = readNamedWasm(*empty)
	}
	if err == nil {
		floorMod, floorNames, err = readNamedWasm(*floor)
	}
	if err != nil {
		fmt.Fprintf(stderr, "labsim budget: %v\n", err)
		return 1
	}
	mainParts, pkgs, err := budgetOf(main, emptyNames, floorNames)
	if err != nil {
		fmt.Fprintf(stderr, "labsim budget: %v\n", err)
		return 1
	}
	floorParts, _, err := budgetOf(floorMod, emptyNames, floorNames)
	if err != nil {
		fmt.Fprintf(stderr, "labsim budget: %v\n", err)
		return 1
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "where main.wasm's bytes go\tfunctions\traw\tbrotli alone\tfloor raw\tfloor brotli\t\n")
	for i, part := range budgetParts {
		m, f := mainParts[i], floorParts[i]
		fn, br, fbr := "-", "-", "-"
		if i < 5 {
			fn = fmt.Sprint(m.funcs)
		}
		if i < 6 {
			br, fbr = fmt.Sprint(m.brotli), fmt.Sprint(f.brotli)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%d\t%s\t\n", part, fn, m.raw, br, f.raw, fbr)
	}
	fmt.Fprintf(tw, "whole file\t%d\t%d\t\t%d\t\t\n", len(main.funcs), main.size, floorMod.size)
	if err := tw.Flush(); err != nil {
		return 1
	}
	for i := 2; i < 5; i++ {
		fmt.Fprintf(stdout, "%s, largest packages:", budgetParts[i])
		names := make([]string, 0, len(pkgs[i]))
		for name := range pkgs[i] {
			names = append(names, name)
		}
		slices.SortFunc(names, func(a, b string) int { return pkgs[i][b] - pkgs[i][a] })
		for _, name := range names[:min(8, len(names))] {
			fmt.Fprintf(stdout, " %s %d;", name, pkgs[i][name])
		}
		fmt.Fprintln(stdout)
	}
	if *top > 0 {
		funcs := slices.Clone(main.funcs)
		slices.SortFunc(funcs, func(a, b wasmFunc) int { return len(b.body) - len(a.body) })
		fmt.Fprintf(stdout, "largest functions:\n")
		for _, f := range funcs[:min(*top, len(funcs))] {
			fmt.Fprintf(stdout, "  %8d  %s\n", len(f.body), f.name)
		}
	}
	return 0
}
