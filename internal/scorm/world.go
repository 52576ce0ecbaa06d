package scorm

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"labsim/sim"
	"labsim/sim/account"
	"labsim/sim/iam"
	"labsim/sim/mfa"
)

// maxWorldJSON bounds the inflated world of suspend_data: a few kilobytes
// of deflate cannot honestly expand further, and a crafted stream must not
// fill the page's memory.
const maxWorldJSON = 1 << 20

// Lost lists the secrets a world left behind when it went into
// suspend_data: the LMS never holds password hashes, MFA secrets or access
// key secrets, so a resumed world has none and the student sets them again.
// Account IDs and user ARNs are sorted.
type Lost struct {
	// RootPasswords are the accounts whose root password was dropped.
	RootPasswords []string `json:"rootPasswords,omitempty"`
	// RootMFA are the accounts whose root MFA devices were dropped.
	RootMFA []string `json:"rootMfa,omitempty"`
	// Passwords are the IAM users (ARNs) whose console password was
	// dropped: they have no console access until one is set again.
	Passwords []string `json:"passwords,omitempty"`
	// MFA are the IAM users (ARNs) whose MFA devices were dropped.
	MFA []string `json:"mfa,omitempty"`
	// Devices are the serials of the MFA devices dropped (root's and
	// users'; a serial is not a secret).
	Devices []string `json:"devices,omitempty"`
	// AccessKeys are the IDs of the access keys dropped (root's and
	// users'; an ID is not a secret).
	AccessKeys []string `json:"accessKeys,omitempty"`
}

// Empty reports whether nothing was dropped.
func (l Lost) Empty() bool {
	return len(l.RootPasswords)+len(l.RootMFA)+len(l.Passwords)+len(l.MFA)+len(l.AccessKeys)+len(l.Devices) == 0
}

// Resumed is a world read back from suspend_data, with what it lost.
type Resumed struct {
	World sim.World `json:"world"`
	Lost  Lost      `json:"lost,omitzero"`
}

// Portable returns the part of w that may go to an LMS and what it leaves
// behind: the accounts (name, email, alias, contact, card summary, support
// plan, IAM users, groups, policies and password policy) and the simulated
// source address. Dropped: every password hash and password history, MFA
// device (its secret), access key (its secret's hash) and one-time secret
// record (reset link, recovery codes); the event log; the virtual phone,
// inbox and authenticator (their codes and secrets). w is not changed.
func Portable(w sim.World) Resumed {
	out := Resumed{World: sim.World{Accounts: make(map[string]sim.Account, len(w.Accounts)), Events: []sim.Event{}, SourceIP: w.SourceIP}}
	lost := &out.Lost
	for _, id := range slices.Sorted(maps.Keys(w.Accounts)) {
		a := w.Accounts[id]
		if !a.RootPassword.IsZero() {
			lost.RootPasswords = append(lost.RootPasswords, id)
		}
		if len(a.RootMFA) > 0 {
			lost.RootMFA = append(lost.RootMFA, id)
		}
		for _, d := range a.RootMFA {
			lost.Devices = append(lost.Devices, d.Serial)
		}
		for _, k := range a.RootAccessKeys {
			lost.AccessKeys = append(lost.AccessKeys, k.ID)
		}
		a.RootPassword, a.RootMFA, a.RootAccessKeys = account.PasswordHash{}, nil, nil
		a.ResetToken, a.RecoveryEmail, a.RecoveryCall = sim.IssuedSecret{}, sim.IssuedSecret{}, sim.IssuedSecret{}
		a.IAM = a.IAM.Clone()
		for i := range a.IAM.Users {
			u := &a.IAM.Users[i]
			if u.Login.Enabled() {
				lost.Passwords = append(lost.Passwords, u.ARN)
			}
			if len(u.MFA) > 0 {
				lost.MFA = append(lost.MFA, u.ARN)
			}
			for _, d := range u.MFA {
				lost.Devices = append(lost.Devices, d.Serial)
			}
			for _, k := range u.AccessKeys {
				lost.AccessKeys = append(lost.AccessKeys, k.ID)
			}
			u.Login, u.MFA, u.AccessKeys = iam.LoginProfile{}, nil, nil
		}
		out.World.Accounts[id] = a
	}
	slices.Sort(lost.Passwords)
	slices.Sort(lost.MFA)
	slices.Sort(lost.AccessKeys)
	slices.Sort(lost.Devices)
	return out
}

// EncodeWorld writes the portable part of w (Portable) as compact text for
// suspend_data: its JSON, compressed with DEFLATE and written in base64url
// without padding (no '~', the separator of suspend_data's fields).
func EncodeWorld(w sim.World) (string, error) {
	var e WorldEncoder
	return e.Encode(w)
}

// WorldEncoder is EncodeWorld for a page that reports after every update:
// it keeps its compressor, and a world whose event log, accounts and
// simulated address look as they did at the last call is not encoded
// again (every change through World.Do appends an event; a replaced world
// has another log). The zero value is ready to use; it is not safe for
// concurrent use.
type WorldEncoder struct {
	// Every, when not zero, is the least time between two encodings of a
	// changed world by Suspend while the attempt stays as it was: in
	// WebAssembly an encoding takes milliseconds, and a student signed in
	// as an IAM user changes the world (its event log) with every page.
	// Until it has passed, Suspend carries the world encoded last.
	Every time.Duration

	zw   *flate.Writer
	buf  bytes.Buffer
	key  worldKey
	text string
	ok   bool
	// at is when Suspend last encoded the world; attempt is the attempt
	// text it last wrote.
	at      time.Time
	attempt string
}

// Stale reports whether w differs from the world encoded last.
func (e *WorldEncoder) Stale(w sim.World) bool { return !e.ok || keyOf(w) != e.key }

// worldKey is what WorldEncoder compares to tell a changed world.
type worldKey struct {
	events, lastSeq, accounts, objects int
	sourceIP                           string
}

func keyOf(w sim.World) worldKey {
	k := worldKey{events: len(w.Events), accounts: len(w.Accounts), sourceIP: w.SourceIP}
	if n := len(w.Events); n > 0 {
		k.lastSeq = w.Events[n-1].Seq
	}
	for _, a := range w.Accounts {
		k.objects += len(a.IAM.Users) + len(a.IAM.Groups) + len(a.IAM.Policies) + len(a.RootMFA) + len(a.RootAccessKeys)
	}
	return k
}

// Encode is EncodeWorld, reusing the previous result for an unchanged
// world.
func (e *WorldEncoder) Encode(w sim.World) (string, error) {
	key := keyOf(w)
	if e.ok && key == e.key {
		return e.text, nil
	}
	data, err := json.Marshal(Portable(w))
	if err != nil {
		return "", fmt.Errorf("suspend_data world: %w", err)
	}
	e.buf.Reset()
	if e.zw == nil {
		if e.zw, err = flate.NewWriter(&e.buf, flate.BestCompression); err != nil {
			return "", fmt.Errorf("suspend_data world: %w", err)
		}
	} else {
		e.zw.Reset(&e.buf)
	}
	if _, err := e.zw.Write(data); err != nil {
		return "", fmt.Errorf("suspend_data world: %w", err)
	}
	if err := e.zw.Close(); err != nil {
		return "", fmt.Errorf("suspend_data world: %w", err)
	}
	e.key, e.text, e.ok = key, base64.RawURLEncoding.EncodeToString(e.buf.Bytes()), true
	return e.text, nil
}

// ErrWorld reports a world in suspend_data that cannot be resumed.
var ErrWorld = errors.New("suspend_data world cannot be resumed")

// DecodeWorld reads a world written by EncodeWorld. It accepts only what
// the simulator could have made (sim.World.Validate) and what EncodeWorld
// writes: no password hash, MFA device, access key or one-time secret, no
// event or device item, unknown fields refused.
func DecodeWorld(s string) (Resumed, error) {
	bad := func(err error) (Resumed, error) { return Resumed{}, fmt.Errorf("%w: %w", ErrWorld, err) }
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return bad(err)
	}
	data, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(raw)), maxWorldJSON+1))
	if err != nil {
		return bad(err)
	}
	if len(data) > maxWorldJSON {
		return bad(errors.New("too large"))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var r Resumed
	if err := dec.Decode(&r); err != nil {
		return bad(err)
	}
	if dec.More() {
		return bad(errors.New("data after the world"))
	}
	if r.World.Accounts == nil {
		r.World.Accounts = map[string]sim.Account{}
	}
	if r.World.Events == nil {
		r.World.Events = []sim.Event{}
	}
	if !portableOnly(r.World) {
		return bad(errors.New("it holds secrets, events or device items"))
	}
	if err := r.World.Validate(); err != nil {
		return bad(err)
	}
	return r, nil
}

// portableOnly reports whether w has nothing Portable drops.
func portableOnly(w sim.World) bool {
	if len(w.Events) > 0 || len(w.Devices.Phone)+len(w.Devices.Inbox)+len(w.Devices.Authenticator) > 0 {
		return false
	}
	for _, a := range w.Accounts {
		if !a.RootPassword.IsZero() || len(a.RootMFA)+len(a.RootAccessKeys) > 0 ||
			!a.ResetToken.IsZero() || !a.RecoveryEmail.IsZero() || !a.RecoveryCall.IsZero() {
			return false
		}
		for _, u := range a.IAM.Users {
			if u.Login.Enabled() || len(u.Login.History)+len(u.MFA)+len(u.AccessKeys) > 0 {
				return false
			}
		}
	}
	return true
}

// WithSecretsOf gives back the secrets r lost that this browser still
// holds in local: for an account of r that local has too (same ID, email
// and creation time: a prepared world made on another day is another
// account), the root user's password, MFA devices and access keys, and for
// an IAM user that local has too (same ARN and user ID, so not a user
// deleted and made again), the console password, MFA devices and access
// keys, each only when r lost it (an access key by its ID, an MFA device
// by its serial): what was removed on another computer does not come
// back, but a password changed there is this browser's older one. What comes back leaves
// Lost. r is not changed.
func (r Resumed) WithSecretsOf(local sim.World) Resumed {
	out := Resumed{World: r.World.Clone()}
	lost := r.Lost
	devices := func(have []mfa.Device) []mfa.Device {
		var back []mfa.Device
		for _, d := range have {
			if slices.Contains(lost.Devices, d.Serial) {
				back = append(back, d)
			}
		}
		return back
	}
	keys := func(have []iam.AccessKey) []iam.AccessKey {
		var back []iam.AccessKey
		for _, k := range have {
			if slices.Contains(lost.AccessKeys, k.ID) {
				back = append(back, k)
			}
		}
		return back
	}
	for id, a := range out.World.Accounts {
		l, ok := local.Accounts[id]
		if !ok || !strings.EqualFold(l.Email, a.Email) || !l.CreatedAt.Equal(a.CreatedAt) {
			continue
		}
		if slices.Contains(lost.RootPasswords, id) {
			a.RootPassword = l.RootPassword
		}
		a.RootMFA = devices(l.RootMFA)
		a.RootAccessKeys = keys(l.RootAccessKeys)
		for i := range a.IAM.Users {
			u := &a.IAM.Users[i]
			for _, lu := range l.IAM.Users {
				if lu.ARN != u.ARN || lu.ID != u.ID {
					continue
				}
				if slices.Contains(lost.Passwords, u.ARN) {
					u.Login = lu.Login
					u.Login.History = slices.Clone(lu.Login.History)
				}
				u.MFA = devices(lu.MFA)
				u.AccessKeys = keys(lu.AccessKeys)
			}
		}
		out.World.Accounts[id] = a
	}
	// Still lost: what was lost and the world does not hold now (what
	// Portable would drop from it is what it holds).
	back := Portable(out.World).Lost
	without := func(was, back []string) []string {
		var out []string
		for _, x := range was {
			if !slices.Contains(back, x) {
				out = append(out, x)
			}
		}
		return out
	}
	out.Lost = Lost{
		RootPasswords: without(lost.RootPasswords, back.RootPasswords),
		RootMFA:       without(lost.RootMFA, back.RootMFA),
		Passwords:     without(lost.Passwords, back.Passwords),
		MFA:           without(lost.MFA, back.MFA),
		AccessKeys:    without(lost.AccessKeys, back.AccessKeys),
		Devices:       without(lost.Devices, back.Devices),
	}
	return out
}
