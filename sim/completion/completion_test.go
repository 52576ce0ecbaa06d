package completion

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

var (
	testKey = []byte("workshop-2026-seoul")
	day     = time.Date(2026, time.December, 2, 15, 4, 5, 0, time.FixedZone("KST", 9*3600))
)

func sample() Result {
	return Result{Lab: "root-mfa", Version: 3, Score: 100, Passed: true, Date: day, Name: "  Kim  Min-jun "}
}

func TestGenuineCodesRoundTrip(t *testing.T) {
	for _, r := range []Result{
		sample(),
		{Lab: "cloud-concepts", Version: 0, Score: 0, Passed: false, Replaced: true, Date: epoch, Name: "이서연"},
		{Lab: "iam-delegation", Version: 255, Score: 70, Passed: true, Replaced: true, Date: epoch.AddDate(0, 0, maxDay), Name: "x"},
	} {
		code, err := Encode(testKey, r)
		require.NoError(t, err)
		require.Len(t, code, 24)
		require.Regexp(t, `^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$`, code)
		c, err := Verify(testKey, code)
		require.NoError(t, err, code)
		require.True(t, c.LabIs(r.Lab))
		require.Equal(t, r.Version, c.Version)
		require.Equal(t, r.Score, c.Score)
		require.Equal(t, r.Passed, c.Passed)
		require.Equal(t, r.Replaced, c.Replaced)
		require.Equal(t, r.Date.Format(time.DateOnly), c.Date.Format(time.DateOnly))
		require.True(t, c.NameMatches(testKey, r.Name))
		// Typed differently but the same code.
		loose := strings.ToLower(strings.ReplaceAll(code, "-", " "))
		loose = strings.NewReplacer("0", "o", "1", "l").Replace(loose)
		c2, err := Verify(testKey, loose)
		require.NoError(t, err, loose)
		require.Equal(t, c, c2)
		require.Equal(t, code, Canonical(loose))
	}
}

func TestTamperedFieldsDoNotVerify(t *testing.T) {
	code, err := Encode(testKey, sample())
	require.NoError(t, err)
	masked, tag, err := parse(code)
	require.NoError(t, err)
	orig, ok := unpack(masked.xor(mask(testKey, tag)))
	require.True(t, ok)
	for name, change := range map[string]func(*fields){
		"lab":      func(f *fields) { f.lab = LabTag("create-account") },
		"version":  func(f *fields) { f.version = 4 },
		"score":    func(f *fields) { f.score = 99 },
		"passed":   func(f *fields) { f.passed = false },
		"replaced": func(f *fields) { f.replaced = true },
		"date":     func(f *fields) { f.day++ },
		"name":     func(f *fields) { f.name ^= 1 },
	} {
		f := orig
		change(&f)
		require.NotEqual(t, orig, f, name)
		// The forger knows the keystream (the strongest case): the MAC
		// still fails.
		forged := render(f.pack().xor(mask(testKey, tag)), tag)
		_, err := Verify(testKey, forged)
		require.ErrorIs(t, err, ErrNotGenuine, name)
	}
	// Every single-symbol change is caught.
	for i := 0; i < len(code); i++ {
		if code[i] == '-' {
			continue
		}
		for _, c := range []byte(alphabet) {
			if c == code[i] {
				continue
			}
			typo := code[:i] + string(c) + code[i+1:]
			_, err := Verify(testKey, typo)
			require.Error(t, err, typo)
		}
	}
}

func TestWrongKeyLabAndName(t *testing.T) {
	code, err := Encode(testKey, sample())
	require.NoError(t, err)
	_, err = Verify([]byte("another-class"), code)
	require.ErrorIs(t, err, ErrNotGenuine)
	_, err = Verify(nil, code)
	require.ErrorIs(t, err, ErrNoKey)

	c, err := Verify(testKey, code)
	require.NoError(t, err)
	require.False(t, c.LabIs("create-account"))
	require.False(t, c.LabIs("iam-delegation"))
	require.True(t, c.LabIs("root-mfa"))
	for name, want := range map[string]bool{
		"Kim Min-jun": true, "kim min-jun": true, "KIM\tMIN-JUN\n": true, "Kim Minjun": false,
		"Lee Seo-yeon": false, "": false, "   ": false,
	} {
		require.Equal(t, want, c.NameMatches(testKey, name), name)
	}
	// The name tag is keyed: the same name under another key is another tag.
	other, err := Encode([]byte("another-class"), sample())
	require.NoError(t, err)
	oc, err := Verify([]byte("another-class"), other)
	require.NoError(t, err)
	require.False(t, oc.NameMatches(testKey, sample().Name))
}

func TestEncodeRefusesWhatCannotBeEncoded(t *testing.T) {
	for name, tc := range map[string]struct {
		key    []byte
		change func(*Result)
		want   string
	}{
		"no key":        {nil, func(*Result) {}, "no key"},
		"no lab":        {testKey, func(r *Result) { r.Lab = "" }, "no lab id"},
		"empty name":    {testKey, func(r *Result) { r.Name = " \t " }, "name is empty"},
		"score":         {testKey, func(r *Result) { r.Score = 101 }, "score 101"},
		"negative":      {testKey, func(r *Result) { r.Score = -1 }, "score -1"},
		"version":       {testKey, func(r *Result) { r.Version = -1 }, "version -1 is negative"},
		"date before":   {testKey, func(r *Result) { r.Date = epoch.AddDate(0, 0, -1) }, "2024-12-31"},
		"date too late": {testKey, func(r *Result) { r.Date = epoch.AddDate(0, 0, maxDay+1) }, "outside"},
	} {
		r := sample()
		tc.change(&r)
		_, err := Encode(tc.key, r)
		require.ErrorContains(t, err, tc.want, name)
	}
}

func TestMalformedCodes(t *testing.T) {
	code, err := Encode(testKey, sample())
	require.NoError(t, err)
	for _, s := range []string{"", "hello", code[:len(code)-1], code + "7", strings.Replace(code, code[:1], "U", 1), code[:5] + "*" + code[6:], "LAB3-" + code} {
		_, err := Verify(testKey, s)
		require.ErrorIs(t, err, ErrMalformed, s)
		require.Equal(t, "", Canonical(s))
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"  Kim   Min-jun  ":  "kim min-jun",
		"ÉLODIE\u00a0Durand": "élodie durand",
		"김 민준":               "김 민준",
		"\t\n":               "",
	} {
		require.Equal(t, want, NormalizeName(in), in)
	}
}

func FuzzVerify(f *testing.F) {
	code, _ := Encode(testKey, sample())
	f.Add(code)
	f.Add("0000-0000-0000-0000-0000")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Verify(testKey, s)
		if err != nil {
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrNotGenuine) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		// A genuine code re-encodes to its canonical form.
		tag := mustTag(t, s)
		require.Equal(t, Canonical(s), render(fields{lab: c.LabTag, name: c.nameTag, version: c.Version,
			score: c.Score, day: dayOf(c.Date), passed: c.Passed, replaced: c.Replaced}.pack().xor(mask(testKey, tag)), tag))
	})
}

func mustTag(t *testing.T, s string) uint64 {
	_, tag, err := parse(s)
	require.NoError(t, err)
	return tag
}

func TestCodesOfOneLabLookUnrelated(t *testing.T) {
	a, err := Encode(testKey, sample())
	require.NoError(t, err)
	r := sample()
	r.Name = "Lee Seo-yeon"
	b, err := Encode(testKey, r)
	require.NoError(t, err)
	same := 0
	for i := range a {
		if a[i] == b[i] && a[i] != '-' {
			same++
		}
	}
	// Two random 20-symbol codes share about 20/32 symbols in place.
	require.Less(t, same, 6, "%s and %s look alike", a, b)
}

func TestVersionsAbove255KeepTheirLastBits(t *testing.T) {
	r := sample()
	r.Version = 256 + 7
	code, err := Encode(testKey, r)
	require.NoError(t, err)
	c, err := Verify(testKey, code)
	require.NoError(t, err)
	require.Equal(t, 7, c.Version)
}
