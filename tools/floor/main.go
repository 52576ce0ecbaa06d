//go:build js && wasm

// Command floor is the dependency floor of labsim's first visit: the
// smallest Go WebAssembly page that links only the mission's dependencies
// (safejs, pquerna/otp, go-qrcode with image/png, encoding/json). It makes
// a TOTP secret, shows its current code and its QR image, and keeps the
// secret as JSON in localStorage, as labsim's root MFA set-up does: a
// reload reads it back (encoding/json both ways), so that an authenticator
// that scanned the image keeps matching the page.
// `make size` and `make startup` compare labsim's first visit with it.
package main

import (
	"bytes"
	"crypto/rand"
	"encoding/base32"
	"encoding/base64"
	"encoding/json"
	"image/png"
	"time"

	"github.com/hack-pad/safejs"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
	qrcode "github.com/skip2/go-qrcode"
)

// saved is what the page keeps in localStorage.
type saved struct {
	Issuer  string    `json:"issuer"`
	Account string    `json:"account"`
	Secret  string    `json:"secret"`
	Created time.Time `json:"created"`
}

func main() {
	global := safejs.Global()
	if err := run(global, time.Now()); err != nil {
		if fn, ferr := global.Get("floorFatal"); ferr == nil && fn.Type() == safejs.TypeFunction {
			_, _ = fn.Invoke(err.Error())
		}
	}
	select {}
}

// run renders the code and the QR image of the saved secret, or of a new
// one, then saves the secret.
func run(global safejs.Value, now time.Time) error {
	opts := totp.GenerateOpts{
		Issuer: "Amazon Web Services", AccountName: "root@example.com",
		Algorithm: otp.AlgorithmSHA1, Digits: otp.DigitsSix, Rand: rand.Reader,
	}
	created := now
	if prev, ok := load(global); ok {
		if secret, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(prev.Secret); err == nil {
			opts.Secret, created = secret, prev.Created
		}
	}
	key, err := totp.Generate(opts)
	if err != nil {
		return err
	}
	code, err := totp.GenerateCode(key.Secret(), now)
	if err != nil {
		return err
	}
	q, err := qrcode.New(key.URL(), qrcode.Medium)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, q.Image(-4)); err != nil {
		return err
	}
	doc, err := global.Get("document")
	if err != nil {
		return err
	}
	codeEl, err := doc.Call("getElementById", "code")
	if err != nil {
		return err
	}
	if err := codeEl.Set("textContent", code); err != nil {
		return err
	}
	img, err := doc.Call("getElementById", "qr")
	if err != nil {
		return err
	}
	if err := img.Set("src", "data:image/png;base64,"+base64.StdEncoding.EncodeToString(buf.Bytes())); err != nil {
		return err
	}
	data, err := json.Marshal(saved{Issuer: key.Issuer(), Account: key.AccountName(), Secret: key.Secret(), Created: created})
	if err != nil {
		return err
	}
	if store, err := global.Get("localStorage"); err == nil {
		_, _ = store.Call("setItem", "floor", string(data))
	}
	return global.Set("floorReady", true)
}

// load reads the saved secret, if there is one.
func load(global safejs.Value) (saved, bool) {
	var prev saved
	store, err := global.Get("localStorage")
	if err != nil {
		return prev, false
	}
	v, err := store.Call("getItem", "floor")
	if err != nil || v.Type() != safejs.TypeString {
		return prev, false
	}
	text, err := v.String()
	if err != nil || json.Unmarshal([]byte(text), &prev) != nil || prev.Secret == "" {
		return prev, false
	}
	return prev, true
}
