package mfa

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"

	qrcode "github.com/skip2/go-qrcode"
)

// QuietZone is the white border, in modules, that PNG draws around the
// symbol (the width the QR specification requires).
const QuietZone = 4

// MaxModulePx bounds PNG's modulePx so a mistaken argument cannot ask for
// an enormous image.
const MaxModulePx = 32

// Matrix is a QR symbol's modules without quiet zone: m[y][x] is true for
// a dark module. It is square.
type Matrix [][]bool

// Size returns the number of modules per side.
func (m Matrix) Size() int { return len(m) }

// Dark reports whether the module at column x, row y is dark; modules
// outside the symbol (the quiet zone) are light.
func (m Matrix) Dark(x, y int) bool {
	return y >= 0 && y < len(m) && x >= 0 && x < len(m[y]) && m[y][x]
}

// maxVersionBump is how many larger QR versions QR tries when the smallest
// symbol holds a false finder pattern.
const maxVersionBump = 3

// QR encodes uri as a QR symbol at error-correction level M and returns
// its module matrix without quiet zone.
// When the smallest symbol contains a pattern that decoders may take for a
// fourth finder pattern (see falseFinders), QR tries up to maxVersionBump
// larger versions and returns the first without one, or else the symbol
// with the fewest. The result depends only on uri.
func QR(uri string) (Matrix, error) {
	best, version, err := encodeQR(uri, 0)
	if err != nil {
		return nil, err
	}
	bestCount := falseFinders(best)
	for v := version + 1; bestCount > 0 && v <= min(version+maxVersionBump, 40); v++ {
		m, _, err := encodeQR(uri, v)
		if err != nil {
			break
		}
		if c := falseFinders(m); c < bestCount {
			best, bestCount = m, c
		}
	}
	return best, nil
}

// encodeQR encodes uri with go-qrcode at level M, in the given version or
// (version 0) the smallest that fits, and returns the matrix and version.
func encodeQR(uri string, version int) (m Matrix, v int, err error) {
	// go-qrcode panics (log.Panic) on internal inconsistencies; report
	// them as errors instead of crashing the page.
	defer func() {
		if r := recover(); r != nil {
			m, v, err = nil, 0, fmt.Errorf("mfa: encode QR: %v", r)
		}
	}()
	var q *qrcode.QRCode
	if version == 0 {
		q, err = qrcode.New(uri, qrcode.Medium)
	} else {
		q, err = qrcode.NewWithForcedVersion(uri, version, qrcode.Medium)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("mfa: encode QR: %w", err)
	}
	q.DisableBorder = true
	return Matrix(q.Bitmap()), q.VersionNumber, nil
}

// palette puts white first so that a new image starts white.
var palette = color.Palette{color.Gray{Y: 0xff}, color.Gray{Y: 0}}

// Image draws the matrix with a QuietZone-module white border and exactly
// modulePx by modulePx pure black or white pixels per module.
func (m Matrix) Image(modulePx int) (*image.Paletted, error) {
	if modulePx < 1 || modulePx > MaxModulePx {
		return nil, fmt.Errorf("mfa: QR module size %d px outside 1..%d", modulePx, MaxModulePx)
	}
	side := (m.Size() + 2*QuietZone) * modulePx
	img := image.NewPaletted(image.Rect(0, 0, side, side), palette)
	for y, row := range m {
		for x, dark := range row {
			if !dark {
				continue
			}
			x0 := (x + QuietZone) * modulePx
			y0 := (y + QuietZone) * modulePx
			for py := y0; py < y0+modulePx; py++ {
				line := img.Pix[py*img.Stride+x0 : py*img.Stride+x0+modulePx]
				for i := range line {
					line[i] = 1
				}
			}
		}
	}
	return img, nil
}

// PNG encodes uri as a QR code and draws it as a PNG with a QuietZone-module
// border and exactly modulePx pixels per module (nearest neighbour, pure
// black on white, 1 bit per pixel). Show it scaled with
// `image-rendering: pixelated` so modules stay sharp.
func PNG(uri string, modulePx int) ([]byte, error) {
	m, err := QR(uri)
	if err != nil {
		return nil, err
	}
	img, err := m.Image(modulePx)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("mfa: encode QR PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// DataURL returns PNG(uri, modulePx) as a data:image/png;base64 URL for an
// <img src>.
func DataURL(uri string, modulePx int) (string, error) {
	b, err := PNG(uri, modulePx)
	if err != nil {
		return "", err
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(b), nil
}
