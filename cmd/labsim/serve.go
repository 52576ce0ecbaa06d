package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"labsim/internal/site"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"time"
)

// runServe serves the built site until interrupted.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := fs.String("dir", "dist", "directory of the built site")
	ancestors := fs.String("frame-ancestors", site.DefaultFrameAncestors,
		"pages allowed to embed the site in a frame, as a CSP source list: \"*\" (any page), \"'self'\" (only this site), \"'self' https://lms.example.edu\", or \"\" (no frame-ancestors directive)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(stderr, "labsim serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if err := site.ValidFrameAncestors(*ancestors); err != nil {
		fmt.Fprintf(stderr, "labsim serve: -%v\n", err)
		return 2
	}
	if _, err := os.Stat(filepath.Join(*dir, "index.html")); err != nil {
		fmt.Fprintf(stderr, "labsim serve: %s has no index.html: run make build first\n", *dir)
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "labsim serve: %v\n", err)
		return 1
	}
	srv := &http.Server{Handler: site.NewHandler(*dir, site.Options{FrameAncestors: *ancestors}), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "labsim is running at http://%s/\n", ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "labsim serve: %v\n", err)
		return 1
	}
	return 0
}
