//go:build e2e

package e2e

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"sync"
	"testing"
	"time"
)

// This file drives Debian's firefox-esr over WebDriver BiDi with a small
// WebSocket client of its own (the standard library has none, and the
// browser suite needs no more than text frames).

// bidi is a WebDriver BiDi session with a running Firefox.
type bidi struct {
	conn net.Conn
	rd   *bufio.Reader
	wmu  sync.Mutex

	mu      sync.Mutex
	nextID  int
	waiting map[int]chan bidiReply
	events  []bidiEvent
	readErr error
}

type bidiReply struct {
	Result json.RawMessage `json:"result"`
	Error  string          `json:"error"`
	Msg    string          `json:"message"`
}

type bidiEvent struct {
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

// startFirefox launches headless firefox-esr with a fresh profile and
// opens a BiDi session; it skips the test when Firefox is not installed.
func startFirefox(t *testing.T) *bidi {
	t.Helper()
	ff, err := exec.LookPath("firefox-esr")
	if err != nil {
		msg := "FIREFOX-ESR NOT FOUND: the Firefox check did not run (apt-get install -y firefox-esr)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg) // .ci/run installs firefox-esr
		}
		t.Skip(msg)
	}
	profile := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, ff, "--headless", "--no-remote", "--profile", profile, "--remote-debugging-port=0")
	cmd.Env = append(os.Environ(), "MOZ_CRASHREPORTER_DISABLE=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start firefox-esr: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
	})
	// Firefox says where it listens: "WebDriver BiDi listening on ws://127.0.0.1:PORT".
	addr := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`WebDriver BiDi listening on ws://([0-9.:\[\]a-z]+)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case addr <- m[1]:
				default:
				}
			}
		}
	}()
	var hostport string
	select {
	case hostport = <-addr:
	case <-time.After(90 * time.Second):
		t.Fatal("firefox-esr did not start its WebDriver BiDi server")
	}
	b, err := dialBiDi(hostport)
	if err != nil {
		t.Fatalf("connect to Firefox: %v", err)
	}
	t.Cleanup(func() { b.conn.Close() })
	if _, err := b.call("session.new", map[string]any{"capabilities": map[string]any{}}); err != nil {
		t.Fatalf("session.new: %v", err)
	}
	return b
}

// dialBiDi opens the WebSocket at ws://hostport/session.
func dialBiDi(hostport string) (*bidi, error) {
	conn, err := net.DialTimeout("tcp", hostport, 10*time.Second)
	if err != nil {
		return nil, err
	}
	var nonce [16]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return nil, err
	}
	key := base64.StdEncoding.EncodeToString(nonce[:])
	fmt.Fprintf(conn, "GET /session HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n", hostport, key)
	rd := bufio.NewReaderSize(conn, 1<<16)
	resp, err := http.ReadResponse(rd, nil)
	if err != nil {
		conn.Close()
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		conn.Close()
		return nil, fmt.Errorf("websocket handshake: %s", resp.Status)
	}
	b := &bidi{conn: conn, rd: rd, waiting: map[int]chan bidiReply{}}
	go b.readLoop()
	return b, nil
}

// send writes one masked text frame.
func (b *bidi) send(payload []byte) error {
	b.wmu.Lock()
	defer b.wmu.Unlock()
	hdr := []byte{0x81}
	switch n := len(payload); {
	case n < 126:
		hdr = append(hdr, 0x80|byte(n))
	case n < 1<<16:
		hdr = append(hdr, 0x80|126, byte(n>>8), byte(n))
	default:
		hdr = append(hdr, 0x80|127)
		hdr = binary.BigEndian.AppendUint64(hdr, uint64(n))
	}
	var mask [4]byte
	if _, err := rand.Read(mask[:]); err != nil {
		return err
	}
	hdr = append(hdr, mask[:]...)
	masked := make([]byte, len(payload))
	for i, c := range payload {
		masked[i] = c ^ mask[i%4]
	}
	_, err := b.conn.Write(append(hdr, masked...))
	return err
}

// readMessage reads one whole message (joining continuation frames),
// answering pings.
func (b *bidi) readMessage() ([]byte, error) {
	var msg []byte
	for {
		var h [2]byte
		if _, err := io.ReadFull(b.rd, h[:]); err != nil {
			return nil, err
		}
		fin, op := h[0]&0x80 != 0, h[0]&0x0f
		n := uint64(h[1] & 0x7f)
		switch n {
		case 126:
			var l [2]byte
			if _, err := io.ReadFull(b.rd, l[:]); err != nil {
				return nil, err
			}
			n = uint64(binary.BigEndian.Uint16(l[:]))
		case 127:
			var l [8]byte
			if _, err := io.ReadFull(b.rd, l[:]); err != nil {
				return nil, err
			}
			n = binary.BigEndian.Uint64(l[:])
		}
		if n > 256<<20 {
			return nil, errors.New("websocket frame too large")
		}
		var mask []byte
		if h[1]&0x80 != 0 {
			mask = make([]byte, 4)
			if _, err := io.ReadFull(b.rd, mask); err != nil {
				return nil, err
			}
		}
		payload := make([]byte, n)
		if _, err := io.ReadFull(b.rd, payload); err != nil {
			return nil, err
		}
		if mask != nil {
			for i := range payload {
				payload[i] ^= mask[i%4]
			}
		}
		switch op {
		case 0x8:
			return nil, io.EOF
		case 0x9:
			continue // a ping: Firefox does not need the pong for a short test
		case 0xA:
			continue
		}
		msg = append(msg, payload...)
		if fin {
			return msg, nil
		}
	}
}

func (b *bidi) readLoop() {
	for {
		msg, err := b.readMessage()
		if err != nil {
			b.mu.Lock()
			b.readErr = err
			for _, ch := range b.waiting {
				close(ch)
			}
			b.waiting = map[int]chan bidiReply{}
			b.mu.Unlock()
			return
		}
		var head struct {
			Type string `json:"type"`
			ID   *int   `json:"id"`
		}
		if json.Unmarshal(msg, &head) != nil {
			continue
		}
		if head.Type == "event" {
			var ev bidiEvent
			if json.Unmarshal(msg, &ev) == nil {
				b.mu.Lock()
				b.events = append(b.events, ev)
				b.mu.Unlock()
			}
			continue
		}
		if head.ID == nil {
			continue
		}
		var r bidiReply
		_ = json.Unmarshal(msg, &r)
		b.mu.Lock()
		ch := b.waiting[*head.ID]
		delete(b.waiting, *head.ID)
		b.mu.Unlock()
		if ch != nil {
			ch <- r
		}
	}
}

// call sends a command and waits for its result.
func (b *bidi) call(method string, params any) (json.RawMessage, error) {
	b.mu.Lock()
	if b.readErr != nil {
		b.mu.Unlock()
		return nil, b.readErr
	}
	b.nextID++
	id := b.nextID
	ch := make(chan bidiReply, 1)
	b.waiting[id] = ch
	b.mu.Unlock()
	msg, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err != nil {
		return nil, err
	}
	if err := b.send(msg); err != nil {
		return nil, err
	}
	select {
	case r, ok := <-ch:
		if !ok {
			return nil, fmt.Errorf("%s: connection closed", method)
		}
		if r.Error != "" {
			return nil, fmt.Errorf("%s: %s: %s", method, r.Error, r.Msg)
		}
		return r.Result, nil
	case <-time.After(60 * time.Second):
		return nil, fmt.Errorf("%s: no answer", method)
	}
}

// topContext returns the id of the first top-level browsing context.
func (b *bidi) topContext() (string, error) {
	res, err := b.call("browsingContext.getTree", map[string]any{})
	if err != nil {
		return "", err
	}
	var tree struct {
		Contexts []struct {
			Context string `json:"context"`
		} `json:"contexts"`
	}
	if err := json.Unmarshal(res, &tree); err != nil || len(tree.Contexts) == 0 {
		return "", fmt.Errorf("no browsing context (%v)", err)
	}
	return tree.Contexts[0].Context, nil
}

// evalString evaluates an expression in a context and returns its string
// value ("" for anything else).
func (b *bidi) evalString(ctx, expr string) (string, error) {
	res, err := b.call("script.evaluate", map[string]any{
		"expression": expr, "target": map[string]any{"context": ctx}, "awaitPromise": true})
	if err != nil {
		return "", err
	}
	var r struct {
		Type   string `json:"type"`
		Result struct {
			Type  string `json:"type"`
			Value any    `json:"value"`
		} `json:"result"`
		Exception any `json:"exceptionDetails"`
	}
	if err := json.Unmarshal(res, &r); err != nil {
		return "", err
	}
	if r.Type == "exception" {
		return "", fmt.Errorf("script exception: %v", r.Exception)
	}
	s, _ := r.Result.Value.(string)
	return s, nil
}

// eventsOf returns the params of the events received so far with a method.
func (b *bidi) eventsOf(method string) []json.RawMessage {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []json.RawMessage
	for _, e := range b.events {
		if e.Method == method {
			out = append(out, e.Params)
		}
	}
	return out
}
