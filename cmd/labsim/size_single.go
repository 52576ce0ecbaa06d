package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"

	"labsim/internal/pack"
)

// singleFileRow adds to the size table the size of the single-file
// package (labsim pack --single) that the built site makes: raw (what a
// USB stick holds) and gzip level 9 (what a web server would send). It
// prints nothing when the site cannot be packed.
func singleFileRow(w io.Writer, dir string) {
	site, err := pack.ReadSite(dir)
	if err != nil {
		return
	}
	var b bytes.Buffer
	if err := pack.BuildSingle(&b, site, pack.SingleOptions{Deployment: "single-size"}); err != nil {
		return
	}
	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err != nil {
		return
	}
	if _, err := zw.Write(b.Bytes()); err != nil || zw.Close() != nil {
		return
	}
	fmt.Fprintf(w, "single file (pack --single)\t%d\t%d\t-\t\n", b.Len(), z.Len())
}
