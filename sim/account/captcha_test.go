package account

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestNewCaptcha(t *testing.T) {
	r := testRand(7)
	upper, lower := 0, 0
	for i := 0; i < 200; i++ {
		c := NewCaptcha(r)
		require.Len(t, c.Text, CaptchaLength)
		for _, ch := range c.Text {
			require.Contains(t, CaptchaAlphabet, strings.ToUpper(string(ch)))
			switch {
			case ch >= 'A' && ch <= 'Z':
				upper++
			case ch >= 'a' && ch <= 'z':
				lower++
			}
		}
	}
	require.Positive(t, upper)
	require.Positive(t, lower)
	require.Equal(t, NewCaptcha(testRand(3)), NewCaptcha(testRand(3)), "same seed, same captcha")
}

func TestCaptchaAlphabetUnambiguous(t *testing.T) {
	for _, c := range "0O1IL2Z5S8BGQDU" {
		require.NotContains(t, CaptchaAlphabet, string(c))
	}
	// Every symbol, in both cases for letters, has a glyph.
	for i := 0; i < len(CaptchaAlphabet); i++ {
		c := CaptchaAlphabet[i]
		_, ok := glyph(c)
		require.True(t, ok, "%c", c)
		if c >= 'A' && c <= 'Z' {
			_, ok = glyph(c + 'a' - 'A')
			require.True(t, ok, "%c", c+'a'-'A')
		}
	}
	require.Len(t, glyphChars, len(CaptchaAlphabet)+16) // 16 letters have a lower-case glyph
}

func TestCaptchaCheck(t *testing.T) {
	c := Captcha{Text: "75V6Yd"}
	tests := []struct {
		answer string
		want   bool
	}{
		{"75V6Yd", true},
		{"75v6yD", true},
		{"75V6YD", true},
		{" 75 V6 Yd ", true},
		{"７５Ｖ６Ｙｄ", true}, // full-width from a Korean input method
		{"75V6Y", false},
		{"75V6Ydd", false},
		{"75V6Yb", false},
		{"", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, c.Check(tt.answer), tt.answer)
	}
	require.False(t, Captcha{}.Check(""))
	require.Equal(t, []string{"captcha:required"}, codes(ValidateCaptcha(c, "")))
	require.Equal(t, []string{"captcha:captcha.mismatch"}, codes(ValidateCaptcha(c, "xxxxxx")))
	require.Empty(t, ValidateCaptcha(c, "75v6yd"))
}

func TestCaptchaPNG(t *testing.T) {
	c := Captcha{Text: "7nXFr4"}
	b, err := c.PNG(42)
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(b))
	require.NoError(t, err)
	require.Equal(t, CaptchaWidth, img.Bounds().Dx())
	require.Equal(t, CaptchaHeight, img.Bounds().Dy())
	require.Less(t, len(b), 4000, "small enough to inline")

	again, err := c.PNG(42)
	require.NoError(t, err)
	require.Equal(t, b, again, "same seed, same bytes")
	other, err := c.PNG(43)
	require.NoError(t, err)
	require.NotEqual(t, b, other)

	// A reasonable share of the picture is ink of the symbol colours.
	pal, err := c.image(42)
	require.NoError(t, err)
	ink := 0
	for _, ix := range pal.Pix {
		if ix >= capInk0 && ix <= capInk2 {
			ink++
		}
	}
	share := float64(ink) / float64(len(pal.Pix))
	require.Greater(t, share, 0.08)
	require.Less(t, share, 0.40)
}

func TestCaptchaPNGErrors(t *testing.T) {
	_, err := Captcha{}.PNG(1)
	require.ErrorContains(t, err, "empty text")
	_, err = Captcha{Text: "AC0"}.PNG(1)
	require.ErrorContains(t, err, `no glyph for '0'`)
}

func TestGlyphPixel(t *testing.T) {
	bits, ok := glyph('T')
	require.True(t, ok)
	for x := 0; x < glyphCols; x++ {
		require.True(t, glyphPixel(bits, x, 0), "top bar of T")
	}
	require.True(t, glyphPixel(bits, 2, 6))
	require.False(t, glyphPixel(bits, 0, 6))
	require.False(t, glyphPixel(bits, -1, 0))
	require.False(t, glyphPixel(bits, 0, glyphRows))
	_, ok = glyph('0')
	require.False(t, ok)
}

func BenchmarkCaptchaPNG(b *testing.B) {
	c := Captcha{Text: "7nXFr4"}
	for i := 0; b.Loop(); i++ {
		if _, err := c.PNG(uint64(i)); err != nil {
			b.Fatal(err)
		}
	}
}
