package mfa

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	mrand "math/rand/v2"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
	"github.com/makiuchi-d/gozxing/qrcode/decoder"
	qrcode "github.com/skip2/go-qrcode"
	"github.com/stretchr/testify/require"
)

// testURIs are URIs of typical and of long device names and aliases.
var testURIs = []string{
	URI(DefaultRootDeviceName, "123456789012", DemoSecret),
	URI("a+b=c,d.e@f-g_h", "my-alias", DemoSecret),
	URI(strings.Repeat("n", MaxNameLen), strings.Repeat("a", 63), DemoSecret),
}

// decodeImage reads a QR code from an image as a phone scanner would: the
// full detector, no hint that the image holds only a clean barcode.
func decodeImage(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	require.NoError(t, err)
	res, err := zxqr.NewQRCodeReader().Decode(bmp, nil)
	require.NoError(t, err)
	return res.GetText()
}

func TestQRMatrixDecodes(t *testing.T) {
	for _, uri := range testURIs {
		m, err := QR(uri)
		require.NoError(t, err)
		n := m.Size()
		require.GreaterOrEqual(t, n, 21)
		require.Equal(t, 0, (n-17)%4, "a QR symbol is 4*version+17 modules wide")
		for _, row := range m {
			require.Len(t, row, n)
		}
		// The symbol starts at its finder pattern: no quiet zone.
		for i := 0; i < 7; i++ {
			require.True(t, m.Dark(i, 0) && m.Dark(0, i) && m.Dark(n-1-i, 0) && m.Dark(0, n-1-i), "finder edge %d", i)
		}
		require.False(t, m.Dark(-1, 0))
		require.False(t, m.Dark(0, n))

		res, err := decoder.NewDecoder().DecodeBoolMap(m, nil)
		require.NoError(t, err)
		require.Equal(t, uri, res.GetText())
		require.Equal(t, "M", res.GetECLevel())

		// Drawn at one pixel per module, the full detector finds it too.
		img, err := m.Image(1)
		require.NoError(t, err)
		require.Equal(t, uri, decodeImage(t, img))
	}
}

func TestQRSmallestVersionWithoutFalseFinder(t *testing.T) {
	for _, uri := range testURIs {
		smallest, _, err := encodeQR(uri, 0)
		require.NoError(t, err)
		m, err := QR(uri)
		require.NoError(t, err)
		if falseFinders(smallest) == 0 {
			require.Equal(t, smallest, m)
		} else {
			require.Greater(t, m.Size(), smallest.Size())
			require.Less(t, falseFinders(m), falseFinders(smallest))
		}
		again, err := QR(uri)
		require.NoError(t, err)
		require.Equal(t, m, again, "deterministic")
	}
}

func TestQRAvoidsFalseFinder(t *testing.T) {
	// With DemoSecret, go-qrcode's smallest symbol for this URI holds a
	// finder look-alike at module (13, 41) that makes ZXing pick the wrong
	// corners at 4 pixels per module.
	uri := testURIs[1]
	smallest, version, err := encodeQR(uri, 0)
	require.NoError(t, err)
	require.Equal(t, 8, version)
	require.True(t, finderCentre(smallest, 13, 41))
	img, err := smallest.Image(4)
	require.NoError(t, err)
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	require.NoError(t, err)
	_, err = zxqr.NewQRCodeReader().Decode(bmp, nil)
	require.Error(t, err, "the look-alike defeats the detector")

	m, err := QR(uri)
	require.NoError(t, err)
	require.Zero(t, falseFinders(m))
	for _, px := range []int{3, 4, 6} {
		img, err := m.Image(px)
		require.NoError(t, err)
		require.Equal(t, uri, decodeImage(t, img), "%d px", px)
	}
}

func TestFalseFindersSynthetic(t *testing.T) {
	const n = 25
	blank := func() Matrix {
		m := make(Matrix, n)
		for y := range m {
			m[y] = make([]bool, n)
		}
		for _, c := range [][2]int{{0, 0}, {n - 7, 0}, {0, n - 7}} {
			for y := 0; y < 7; y++ {
				for x := 0; x < 7; x++ {
					ring := x == 0 || y == 0 || x == 6 || y == 6
					core := x >= 2 && x <= 4 && y >= 2 && y <= 4
					m[c[1]+y][c[0]+x] = ring || core
				}
			}
		}
		return m
	}
	// cross draws dark runs centred on (cx, cy) with the given widths
	// across and down; widths are of the centre run, rings are 1 module.
	cross := func(m Matrix, cx, cy, across, down int) {
		for dx := -across/2 - 2; dx <= across/2+2; dx++ {
			in := dx >= -across/2 && dx < -across/2+across
			ring := dx == -across/2-2 || dx == -across/2+across+1
			m[cy][cx+dx] = in || ring
		}
		for dy := -down/2 - 2; dy <= down/2+2; dy++ {
			in := dy >= -down/2 && dy < -down/2+down
			ring := dy == -down/2-2 || dy == -down/2+down+1
			m[cy+dy][cx] = in || ring
		}
	}
	require.Zero(t, falseFinders(blank()), "real finders only")

	m := blank()
	cross(m, 12, 12, 3, 3)
	require.Positive(t, falseFinders(m), "1:1:3:1:1 both ways")

	m = blank()
	cross(m, 12, 12, 3, 4)
	require.Positive(t, falseFinders(m), "1:1:4:1:1 down is within tolerance")

	m = blank()
	cross(m, 12, 12, 2, 3)
	require.Zero(t, falseFinders(m), "a narrower centre gives another module size")

	m = blank()
	cross(m, 12, 12, 3, 8)
	require.Zero(t, falseFinders(m), "down runs too far from the ratio")
}

func TestQRTooLong(t *testing.T) {
	_, err := QR(strings.Repeat("x", 3000))
	require.Error(t, err)
}

func TestPNG(t *testing.T) {
	for _, uri := range testURIs {
		m, err := QR(uri)
		require.NoError(t, err)
		for _, px := range []int{1, 2, 5, 6, 8} {
			b, err := PNG(uri, px)
			require.NoError(t, err)
			img, err := png.Decode(bytes.NewReader(b))
			require.NoError(t, err)
			requireModules(t, m, img, px)
			require.Equal(t, uri, decodeImage(t, img), "%d px", px)
		}
	}
}

// requireModules checks that img is m drawn with a QuietZone-module white
// border and exactly px by px pure black or white pixels per module.
func requireModules(t *testing.T, m Matrix, img image.Image, px int) {
	t.Helper()
	side := (m.Size() + 2*QuietZone) * px
	require.Equal(t, image.Rect(0, 0, side, side), img.Bounds())
	for y := 0; y < side; y++ {
		for x := 0; x < side; x++ {
			r, g, b, a := img.At(x, y).RGBA()
			pure := a == 0xffff && r == g && g == b && (r == 0 || r == 0xffff)
			dark := m.Dark(x/px-QuietZone, y/px-QuietZone)
			if !pure || dark != (r == 0) {
				require.FailNow(t, "wrong pixel", "pixel %d,%d of module %d,%d: rgba %x %x %x %x, want dark=%v",
					x, y, x/px-QuietZone, y/px-QuietZone, r, g, b, a, dark)
			}
		}
	}
	// The quiet zone is exactly QuietZone modules: the top-left finder
	// pattern begins right after it.
	q := QuietZone * px
	require.Equal(t, color.Gray{Y: 0xff}, color.GrayModel.Convert(img.At(q-1, q)))
	require.Equal(t, color.Gray{Y: 0}, color.GrayModel.Convert(img.At(q, q)))
}

func TestPNGMatchesGoQRCodeOwnRendering(t *testing.T) {
	// go-qrcode's own PNG with a negative size draws -size pixels per
	// module with a 4-module border; ours must be the same picture.
	for _, px := range []int{1, 3, 6} {
		q, err := qrcode.New(testURIs[0], qrcode.Medium)
		require.NoError(t, err)
		theirs, err := q.PNG(-px)
		require.NoError(t, err)
		ours, err := PNG(testURIs[0], px)
		require.NoError(t, err)
		a, err := png.Decode(bytes.NewReader(theirs))
		require.NoError(t, err)
		b, err := png.Decode(bytes.NewReader(ours))
		require.NoError(t, err)
		require.Equal(t, a.Bounds(), b.Bounds())
		for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
			for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
				require.Equal(t, color.GrayModel.Convert(a.At(x, y)), color.GrayModel.Convert(b.At(x, y)))
			}
		}
	}
}

func TestPNGScaledToHalfStillDecodes(t *testing.T) {
	// 50% of the 6 px the console uses, and of 8 and 4 px. Non-integer
	// results such as 2.5 px per module are not guaranteed.
	for _, uri := range testURIs {
		for _, px := range []int{8, 6, 4} {
			b, err := PNG(uri, px)
			require.NoError(t, err)
			img, err := png.Decode(bytes.NewReader(b))
			require.NoError(t, err)
			require.Equal(t, uri, decodeImage(t, halfNearest(img)), "nearest, %d px", px)
			require.Equal(t, uri, decodeImage(t, halfAverage(img)), "average, %d px", px)
		}
	}
}

// halfNearest scales an image to 50% by keeping every other pixel.
func halfNearest(src image.Image) image.Image {
	w, h := src.Bounds().Dx()/2, src.Bounds().Dy()/2
	dst := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dst.Set(x, y, color.GrayModel.Convert(src.At(2*x, 2*y)))
		}
	}
	return dst
}

// halfAverage scales an image to 50% by averaging 2x2 blocks, giving grey
// module edges as a browser's smooth scaling would.
func halfAverage(src image.Image) image.Image {
	w, h := src.Bounds().Dx()/2, src.Bounds().Dy()/2
	dst := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			sum := 0
			for _, d := range [][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
				sum += int(color.GrayModel.Convert(src.At(2*x+d[0], 2*y+d[1])).(color.Gray).Y)
			}
			dst.SetGray(x, y, color.Gray{Y: uint8(sum / 4)})
		}
	}
	return dst
}

func TestRandomSecretsScan(t *testing.T) {
	r := mrand.NewChaCha8([32]byte{42})
	for i := 0; i < 30; i++ {
		s, err := NewSecret(r)
		require.NoError(t, err)
		uri := URI(DefaultRootDeviceName, "123456789012", s)
		m, err := QR(uri)
		require.NoError(t, err)
		for _, px := range []int{3, 4, 6} {
			img, err := m.Image(px)
			require.NoError(t, err)
			require.Equal(t, uri, decodeImage(t, img), "secret %d, %d px", i, px)
		}
		img, err := m.Image(6)
		require.NoError(t, err)
		require.Equal(t, uri, decodeImage(t, halfAverage(img)), "secret %d at 50%%", i)
	}
}

func TestPNGModuleSizeLimits(t *testing.T) {
	for _, px := range []int{0, -1, MaxModulePx + 1} {
		_, err := PNG(testURIs[0], px)
		require.Error(t, err, "%d px", px)
	}
	_, err := PNG(testURIs[0], MaxModulePx)
	require.NoError(t, err)
}

func TestPNGIsOneBit(t *testing.T) {
	b, err := PNG(testURIs[0], 6)
	require.NoError(t, err)
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	require.NoError(t, err)
	m, err := QR(testURIs[0])
	require.NoError(t, err)
	require.Equal(t, (m.Size()+2*QuietZone)*6, cfg.Width)
	// IHDR bit depth is byte 24 of the file; 1 bit per pixel keeps the data
	// URL short.
	require.Equal(t, byte(1), b[24])
}

func TestDataURL(t *testing.T) {
	u, err := DataURL(testURIs[0], 6)
	require.NoError(t, err)
	const prefix = "data:image/png;base64,"
	require.True(t, strings.HasPrefix(u, prefix))
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(u, prefix))
	require.NoError(t, err)
	want, err := PNG(testURIs[0], 6)
	require.NoError(t, err)
	require.Equal(t, want, raw)
	_, err = DataURL(testURIs[0], 0)
	require.Error(t, err)
}
