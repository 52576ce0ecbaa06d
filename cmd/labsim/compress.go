package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// compressible lists the extensions that get precompressed copies.
var compressible = map[string]bool{".wasm": true, ".js": true, ".css": true, ".html": true, ".json": true}

// runCompress writes .gz and .br copies of every compressible file in a
// directory, for labsim serve and for any static server that supports
// precompressed files.
func runCompress(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: labsim compress DIR")
		return 2
	}
	entries, err := os.ReadDir(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "labsim compress: %v\n", err)
		return 1
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !compressible[strings.ToLower(filepath.Ext(name))] {
			continue
		}
		file := filepath.Join(args[0], name)
		data, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintf(stderr, "labsim compress: %v\n", err)
			return 1
		}
		gz, br, err := compressBoth(data)
		if err == nil {
			err = os.WriteFile(file+".gz", gz, 0o644)
		}
		if err == nil {
			err = os.WriteFile(file+".br", br, 0o644)
		}
		if err != nil {
			fmt.Fprintf(stderr, "labsim compress: %s: %v\n", name, err)
			return 1
		}
	}
	return 0
}

// compressBoth returns the gzip (level 9) and brotli (quality 11) forms.
func compressBoth(data []byte) (gz, br []byte, err error) {
	var g bytes.Buffer
	zw, err := gzip.NewWriterLevel(&g, gzip.BestCompression)
	if err != nil {
		return nil, nil, fmt.Errorf("gzip: %w", err)
	}
	if _, err := zw.Write(data); err != nil {
		return nil, nil, fmt.Errorf("gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, nil, fmt.Errorf("gzip: %w", err)
	}
	var b bytes.Buffer
	bw := brotli.NewWriterLevel(&b, brotli.BestCompression)
	if _, err := bw.Write(data); err != nil {
		return nil, nil, fmt.Errorf("brotli: %w", err)
	}
	if err := bw.Close(); err != nil {
		return nil, nil, fmt.Errorf("brotli: %w", err)
	}
	return g.Bytes(), b.Bytes(), nil
}
