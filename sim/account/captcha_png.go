package account

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
)

// Captcha picture size in pixels.
const (
	CaptchaWidth  = 200
	CaptchaHeight = 70
)

// Palette indexes of the captcha picture.
const (
	capBackground = iota // must stay 0: a new image starts as background
	capInk0              // three ink colours for the symbols
	capInk1
	capInk2
	capNoise0 // two lighter colours for noise
	capNoise1
)

var captchaPalette = color.Palette{
	color.RGBA{0xf3, 0xf1, 0xea, 0xff},
	color.RGBA{0x1d, 0x2b, 0x53, 0xff},
	color.RGBA{0x7a, 0x1f, 0x1f, 0xff},
	color.RGBA{0x1f, 0x4d, 0x2b, 0xff},
	color.RGBA{0x9a, 0xa5, 0xb8, 0xff},
	color.RGBA{0xc2, 0xa8, 0x8a, 0xff},
}

// PNG draws the captcha text as a distorted CaptchaWidth×CaptchaHeight PNG.
// seed fixes every random choice of the drawing (placement, slant, waves,
// noise), so the same seed gives the same bytes.
func (c Captcha) PNG(seed uint64) ([]byte, error) {
	img, err := c.image(seed)
	if err != nil {
		return nil, fmt.Errorf("captcha png: %w", err)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("captcha png: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// image renders the picture: symbols into an ink mask, the mask warped by
// two sine waves onto the background, then noise curves and dots on top.
func (c Captcha) image(seed uint64) (*image.Paletted, error) {
	if c.Text == "" {
		return nil, fmt.Errorf("empty text")
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	const w, h = CaptchaWidth, CaptchaHeight
	mask := make([]uint8, w*h) // palette index of ink, 0 = none

	n := len(c.Text)
	pitch := float64(w-24) / float64(n) // horizontal room per symbol
	for i := 0; i < n; i++ {
		sx, sy := uniform(rng, 4.3, 4.9), uniform(rng, 5.0, 5.6)
		bits, ok := glyph(c.Text[i])
		if !ok {
			return nil, fmt.Errorf("no glyph for %q", c.Text[i])
		}
		drawGlyph(mask, w, h, bits, glyphPlacement{
			x0:    12 + float64(i)*pitch + (pitch-sx*glyphCols)/2 + uniform(rng, -1.5, 1.5),
			y0:    (h-sy*glyphRows)/2 + 3 + uniform(rng, -3, 3),
			sx:    sx,
			sy:    sy,
			shear: uniform(rng, -0.25, 0.25),
			ink:   uint8(capInk0 + rng.IntN(3)),
		})
	}

	// Palette index 0 is the background, so the new image is already filled
	// (image/draw would add about 100 KB to the WebAssembly build for this).
	img := image.NewPaletted(image.Rect(0, 0, w, h), captchaPalette)

	ax, ay := uniform(rng, 1, 2), uniform(rng, 2.5, 4)
	lx, ly := uniform(rng, 70, 110), uniform(rng, 45, 70)
	px, py := uniform(rng, 0, 2*math.Pi), uniform(rng, 0, 2*math.Pi)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			sx := int(math.Round(float64(x) + ax*math.Sin(2*math.Pi*float64(y)/ly+px)))
			sy := int(math.Round(float64(y) + ay*math.Sin(2*math.Pi*float64(x)/lx+py)))
			if sx >= 0 && sx < w && sy >= 0 && sy < h && mask[sy*w+sx] != 0 {
				img.SetColorIndex(x, y, mask[sy*w+sx])
			}
		}
	}

	// Noise: two light curves, one thin ink curve through the text, dots.
	for i := 0; i < 3; i++ {
		ink := uint8(capNoise0 + rng.IntN(2))
		if i == 2 {
			ink = uint8(capInk0 + rng.IntN(3))
		}
		drawCurve(img, rng, ink)
	}
	for i := 0; i < 220; i++ {
		ink := uint8(capNoise0 + rng.IntN(2))
		if i%4 == 0 {
			ink = uint8(capInk0 + rng.IntN(3))
		}
		img.SetColorIndex(rng.IntN(w), rng.IntN(h), ink)
	}
	return img, nil
}

// glyphPlacement says where and how one symbol is drawn: top-left corner,
// pixel size of a font cell, slant (x shift per pixel of height) and ink.
type glyphPlacement struct {
	x0, y0, sx, sy, shear float64
	ink                   uint8
}

// segment is a stroke between two cell centres, in cell units.
type segment struct{ ax, ay, bx, by float64 }

// glyphStrokes turns a bitmap into strokes: every set cell is a dot, joined
// to its right and lower neighbours, and diagonally where no orthogonal
// path joins the two cells already. Drawn with round pens, this reads far
// better than enlarged square pixels once the picture is warped.
func glyphStrokes(bits uint64) []segment {
	set := func(x, y int) bool { return glyphPixel(bits, x, y) }
	var segs []segment
	for y := 0; y < glyphRows; y++ {
		for x := 0; x < glyphCols; x++ {
			if !set(x, y) {
				continue
			}
			cx, cy := float64(x)+0.5, float64(y)+0.5
			segs = append(segs, segment{cx, cy, cx, cy})
			if set(x+1, y) {
				segs = append(segs, segment{cx, cy, cx + 1, cy})
			}
			if set(x, y+1) {
				segs = append(segs, segment{cx, cy, cx, cy + 1})
			}
			if set(x+1, y+1) && !set(x+1, y) && !set(x, y+1) {
				segs = append(segs, segment{cx, cy, cx + 1, cy + 1})
			}
			if set(x-1, y+1) && !set(x-1, y) && !set(x, y+1) {
				segs = append(segs, segment{cx, cy, cx - 1, cy + 1})
			}
		}
	}
	return segs
}

// drawGlyph inks the mask pixels within pen distance of the glyph's strokes,
// scaled by (sx, sy) and slanted.
func drawGlyph(mask []uint8, w, h int, bits uint64, p glyphPlacement) {
	segs := glyphStrokes(bits)
	for i := range segs { // cell units to pixels
		segs[i] = segment{segs[i].ax * p.sx, segs[i].ay * p.sy, segs[i].bx * p.sx, segs[i].by * p.sy}
	}
	pen := 0.48 * min(p.sx, p.sy)
	gh := float64(glyphRows) * p.sy
	gw := float64(glyphCols) * p.sx
	slack := math.Abs(p.shear)*gh/2 + pen
	mid := p.y0 + gh/2
	for y := max(0, int(p.y0-pen)); y <= int(p.y0+gh+pen) && y < h; y++ {
		for x := max(0, int(p.x0-slack)); x <= int(p.x0+gw+slack) && x < w; x++ {
			// Undo the slant, then measure in pixels.
			ux := float64(x) + 0.5 - p.x0 + p.shear*(float64(y)+0.5-mid)
			uy := float64(y) + 0.5 - p.y0
			for _, s := range segs {
				if s.near(ux, uy, pen) {
					mask[y*w+x] = p.ink
					break
				}
			}
		}
	}
}

// near reports whether (px, py) lies within r of the segment.
func (s segment) near(px, py, r float64) bool {
	if px < min(s.ax, s.bx)-r || px > max(s.ax, s.bx)+r || py < min(s.ay, s.by)-r || py > max(s.ay, s.by)+r {
		return false
	}
	dx, dy := s.bx-s.ax, s.by-s.ay
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = max(0, min(1, ((px-s.ax)*dx+(py-s.ay)*dy)/l2))
	}
	ex, ey := px-(s.ax+t*dx), py-(s.ay+t*dy)
	return ex*ex+ey*ey <= r*r
}

// drawCurve draws a one-pixel sine curve across the whole width.
func drawCurve(img *image.Paletted, rng *rand.Rand, ink uint8) {
	b := img.Bounds()
	base := uniform(rng, 15, float64(b.Dy()-15))
	amp := uniform(rng, 4, 12)
	period := uniform(rng, 80, 200)
	phase := uniform(rng, 0, 2*math.Pi)
	tilt := uniform(rng, -0.1, 0.1)
	prev := -1
	for x := 0; x < b.Dx(); x++ {
		y := int(math.Round(base + tilt*float64(x) + amp*math.Sin(2*math.Pi*float64(x)/period+phase)))
		if prev < 0 {
			prev = y
		}
		lo, hi := min(prev, y), max(prev, y)
		for yy := lo; yy <= hi; yy++ {
			if yy >= 0 && yy < b.Dy() {
				img.SetColorIndex(x, yy, ink)
			}
		}
		prev = y
	}
}

func uniform(rng *rand.Rand, lo, hi float64) float64 { return lo + rng.Float64()*(hi-lo) }
