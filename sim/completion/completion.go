// Package completion makes and checks completion codes: short codes such
// as 7KQ2-M9XD-3J5A-0PWR-HE6T that a student pastes to an instructor when
// a lab is finished, binding the lab, its version, the score, passed or
// not, the date, whether the world was replaced during the attempt, and a
// hash of the student's name, under an HMAC with a key set when the site
// is packed.
//
// The key travels to the browser inside the package, so a determined
// student can extract it and forge codes: the codes stop casual copying
// between students and typing mistakes, not a reverse engineer.
//
// A code is 100 bits written as 20 Crockford base32 symbols in groups of
// four: a 2-bit format number, a 16-bit tag of the lab id, the lab version
// (its last 8 bits), the score (7), passed (1), world replaced (1), the day since
// 2025-01-01 (14) and a 16-bit keyed tag of the normalised name, hidden
// by a keystream derived from the key and the MAC, followed by the MAC:
// the first 35 bits of HMAC-SHA-256 over those 65 bits. Without the key a
// code reads as random.
//
// The package is pure Go without fmt, small enough for the browser build.
package completion

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Result is what a completion code records.
type Result struct {
	// Lab is the lab's id, for example "create-account".
	Lab string
	// Version is the lab's version; a code keeps its last 8 bits (the
	// version modulo 256), exact for versions up to 255.
	Version int
	// Score is the score in percent, 0 to 100.
	Score int
	// Passed reports whether the score reached the lab's passing score.
	Passed bool
	// Replaced reports whether the world was replaced during the attempt
	// (a prepared world loaded, an import or a restore).
	Replaced bool
	// Date is the day of completion; only its year, month and day count.
	Date time.Time
	// Name is the student's name as typed on the completion page.
	Name string
}

// Claim is what a genuine code says. The lab and the name are kept as
// tags: check them with LabIs and NameMatches.
type Claim struct {
	// LabTag is the 16-bit tag of the lab id (see LabTag).
	LabTag uint16
	// Version is the lab's version modulo 256 (see Result.Version).
	Version int
	// Score is the score in percent.
	Score int
	// Passed reports whether the lab was passed.
	Passed bool
	// Replaced reports whether the world was replaced during the attempt.
	Replaced bool
	// Date is the day of completion, at midnight UTC.
	Date    time.Time
	nameTag uint16
}

// Errors returned by Encode and Verify.
var (
	// ErrNoKey means the key is empty: a build packed without --key makes
	// no codes.
	ErrNoKey = errors.New("completion: no key")
	// ErrEmptyName means the name is empty once normalised.
	ErrEmptyName = errors.New("completion: the name is empty")
	// ErrMalformed means the text is not a completion code at all (wrong
	// length or symbols).
	ErrMalformed = errors.New("completion: not a completion code")
	// ErrNotGenuine means the code is well formed but its authentication
	// fails: mistyped, altered, or made with another key.
	ErrNotGenuine = errors.New("completion: not genuine (mistyped, altered or made with another key)")
)

const (
	format     = 1
	symbols    = 20 // 100 bits
	macBits    = 35
	maxDay     = 1<<14 - 1
	alphabet   = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	macDomain  = "labsim completion code v1\x00"
	tagDomain  = "labsim name v1\x00"
	maskDomain = "labsim code mask v1\x00"
	payloadLen = 65
)

// epoch is day 0 of a code's date.
var epoch = time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC)

// fields is the payload of a code, before authentication.
type fields struct {
	lab, name           uint16
	version, score, day int
	passed, replaced    bool
}

// LabTag returns the 16-bit tag that stands for a lab id in a code.
func LabTag(id string) uint16 {
	sum := sha256.Sum256([]byte("labsim lab v1\x00" + id))
	return uint16(sum[0])<<8 | uint16(sum[1])
}

// NormalizeName returns the form of a name that its tag is computed from:
// surrounding white space removed, every run of white space inside made
// one space, and letters lower-cased (Unicode simple case mapping). It
// does not apply Unicode normalisation (NFC): browsers' input methods type
// precomposed Hangul and accented letters, but a name pasted in decomposed
// form would not match.
func NormalizeName(name string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(name) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if r == utf8.RuneError {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// nameTag is the keyed 16-bit tag of a normalised name.
func nameTag(key []byte, name string) uint16 {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(tagDomain))
	m.Write([]byte(NormalizeName(name)))
	sum := m.Sum(nil)
	return uint16(sum[0])<<8 | uint16(sum[1])
}

// Encode makes the completion code of a result under key.
func Encode(key []byte, r Result) (string, error) {
	if len(key) == 0 {
		return "", ErrNoKey
	}
	if r.Lab == "" {
		return "", errors.New("completion: no lab id")
	}
	if r.Version < 0 {
		return "", errors.New("completion: lab version " + strconv.Itoa(r.Version) + " is negative")
	}
	if r.Score < 0 || r.Score > 100 {
		return "", errors.New("completion: score " + strconv.Itoa(r.Score) + " is outside 0–100")
	}
	if NormalizeName(r.Name) == "" {
		return "", ErrEmptyName
	}
	day := dayOf(r.Date)
	if day < 0 || day > maxDay {
		return "", errors.New("completion: date " + r.Date.Format(time.DateOnly) + " is outside 2025–2069")
	}
	f := fields{lab: LabTag(r.Lab), name: nameTag(key, r.Name), version: r.Version & 0xff, score: r.Score,
		day: day, passed: r.Passed, replaced: r.Replaced}
	payload := f.pack()
	tag := mac(key, payload)
	return render(payload.xor(mask(key, tag)), tag), nil
}

// Verify checks a code under key and returns what it claims. Case, the
// hyphens and spaces between groups, and the look-alike letters O, I and L
// (read as 0, 1, 1) do not matter.
func Verify(key []byte, code string) (Claim, error) {
	if len(key) == 0 {
		return Claim{}, ErrNoKey
	}
	masked, tag, err := parse(code)
	if err != nil {
		return Claim{}, err
	}
	payload := masked.xor(mask(key, tag))
	if !hmac.Equal(macBytes(tag), macBytes(mac(key, payload))) {
		return Claim{}, ErrNotGenuine
	}
	f, ok := unpack(payload)
	if !ok {
		return Claim{}, ErrNotGenuine
	}
	return Claim{LabTag: f.lab, Version: f.version, Score: f.score, Passed: f.passed, Replaced: f.replaced,
		Date: epoch.AddDate(0, 0, f.day), nameTag: f.name}, nil
}

// LabIs reports whether the code was made for the lab id.
func (c Claim) LabIs(id string) bool { return c.LabTag == LabTag(id) }

// NameMatches reports whether the code was made for the name (after
// NormalizeName), under the key the code was verified with. One name in
// 65,536 matches by chance.
func (c Claim) NameMatches(key []byte, name string) bool {
	return NormalizeName(name) != "" && c.nameTag == nameTag(key, name)
}

// Canonical returns a code in the form Encode writes it, or "" when the
// text is not a code.
func Canonical(code string) string {
	payload, tag, err := parse(code)
	if err != nil {
		return ""
	}
	return render(payload, tag)
}

// dayOf counts the days from the epoch to the date's calendar day.
func dayOf(t time.Time) int {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return int(d.Sub(epoch).Hours() / 24)
}

// pack writes the 65 payload bits, most significant first.
func (f fields) pack() uint128 {
	var u uint128
	u = u.put(format, 2)
	u = u.put(uint64(f.lab), 16)
	u = u.put(uint64(f.version), 8)
	u = u.put(uint64(f.score), 7)
	u = u.put(b2u(f.passed), 1)
	u = u.put(b2u(f.replaced), 1)
	u = u.put(uint64(f.day), 14)
	u = u.put(uint64(f.name), 16)
	return u
}

// unpack reads the payload bits; ok is false for an unknown format or an
// impossible score.
func unpack(u uint128) (fields, bool) {
	var f fields
	var v uint64
	u, v = u.take(16)
	f.name = uint16(v)
	u, v = u.take(14)
	f.day = int(v)
	u, v = u.take(1)
	f.replaced = v == 1
	u, v = u.take(1)
	f.passed = v == 1
	u, v = u.take(7)
	f.score = int(v)
	u, v = u.take(8)
	f.version = int(v)
	u, v = u.take(16)
	f.lab = uint16(v)
	_, v = u.take(2)
	return f, v == format && f.score <= 100
}

// mask is the keystream that hides the payload, so that codes of one lab
// do not share their first symbols and a code says nothing without the
// key: the first 65 bits of HMAC-SHA-256 over the MAC.
func mask(key []byte, tag uint64) uint128 {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(maskDomain))
	m.Write(macBytes(tag))
	sum := m.Sum(nil)
	var u uint128
	for i := 0; i < 9; i++ {
		u = u.put(uint64(sum[i]), 8)
	}
	// 72 bits were read; keep the first 65.
	u, _ = u.take(72 - payloadLen)
	return u
}

// mac is the first 35 bits of HMAC-SHA-256 over the payload.
func mac(key []byte, payload uint128) uint64 {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(macDomain))
	var b [16]byte
	for i := 0; i < 8; i++ {
		b[i] = byte(payload.hi >> (56 - 8*i))
		b[8+i] = byte(payload.lo >> (56 - 8*i))
	}
	m.Write(b[:])
	sum := m.Sum(nil)
	var v uint64
	for i := 0; i < 5; i++ {
		v = v<<8 | uint64(sum[i])
	}
	return v >> (40 - macBits)
}

func macBytes(v uint64) []byte {
	var b [5]byte
	for i := range b {
		b[i] = byte(v >> (32 - 8*i))
	}
	return b[:]
}

// render writes the payload and its MAC as 20 symbols in groups of four.
func render(payload uint128, tag uint64) string {
	all := payload.put(tag, macBits)
	var out [symbols + symbols/4 - 1]byte
	j := len(out) - 1
	for i := 0; i < symbols; i++ {
		if i > 0 && i%4 == 0 {
			out[j] = '-'
			j--
		}
		var v uint64
		all, v = all.take(5)
		out[j] = alphabet[v]
		j--
	}
	return string(out[:])
}

// parse reads 20 symbols into the payload and the MAC.
func parse(code string) (uint128, uint64, error) {
	var u uint128
	n := 0
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '-' || c == ' ' || c == '\t':
			continue
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		}
		switch c {
		case 'O':
			c = '0'
		case 'I', 'L':
			c = '1'
		}
		v := strings.IndexByte(alphabet, c)
		if v < 0 || n == symbols {
			return uint128{}, 0, ErrMalformed
		}
		u = u.put(uint64(v), 5)
		n++
	}
	if n != symbols {
		return uint128{}, 0, ErrMalformed
	}
	u, tag := u.take(macBits)
	return u, tag, nil
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// uint128 is a small shift register: put appends bits at the low end,
// take removes them from the low end.
type uint128 struct{ hi, lo uint64 }

func (u uint128) put(v uint64, bits uint) uint128 {
	v &= 1<<bits - 1
	return uint128{hi: u.hi<<bits | u.lo>>(64-bits), lo: u.lo<<bits | v}
}

func (u uint128) xor(v uint128) uint128 { return uint128{hi: u.hi ^ v.hi, lo: u.lo ^ v.lo} }

func (u uint128) take(bits uint) (uint128, uint64) {
	v := u.lo & (1<<bits - 1)
	return uint128{hi: u.hi >> bits, lo: u.lo>>bits | u.hi<<(64-bits)}, v
}
