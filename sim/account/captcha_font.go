package account

import "strings"

// Captcha font: one 5×9 bitmap per symbol. Each glyph is 45 bits, row 0
// (top) in the highest bits and the leftmost pixel of a row in its highest
// bit. Capitals and digits fill rows 0–6 (row 6 is the baseline); lower
// case x-height starts at row 2; descenders use rows 7–8.
const (
	glyphCols  = 5
	glyphRows  = 9
	glyphChars = "34679ACEFHJKMNPRTVWXYacefhjkmnprtvwxy"
)

var glyphBits = [len(glyphChars)]uint64{
	0x0e884c18b800, 0x0232a5f10800, 0x06443d18b800, 0x1f0888842000,
	0x0e8c5e113000, 0x045463f8c400, 0x0e8c2108b800, 0x1f843d087c00,
	0x1f843d084000, 0x118c7f18c400, 0x071084293000, 0x119531494400,
	0x11dd6b18c400, 0x11cd6718c400, 0x1e8c7d084000, 0x1e8c7d494400,
	0x1f2108421000, 0x118c54a51000, 0x118c6b5aa800, 0x118a88a8c400,
	0x118a88421000, 0x000382f8bc00, 0x0003a108b800, 0x0003a3f83800,
	0x064790842000, 0x1085b318c400, 0x020184210a4c, 0x1084a98a4800,
	0x0006ab5ad400, 0x0005b318c400, 0x0007a318fa10, 0x0005b3084000,
	0x084790849800, 0x000462a51000, 0x0004635aa800, 0x000454454400,
	0x00046319b42e,
}

// glyph returns the bitmap of c, or false when the font lacks it.
func glyph(c byte) (uint64, bool) {
	i := strings.IndexByte(glyphChars, c)
	if i < 0 {
		return 0, false
	}
	return glyphBits[i], true
}

// glyphPixel reports whether the pixel at column x, row y of a glyph is set.
func glyphPixel(bits uint64, x, y int) bool {
	if x < 0 || x >= glyphCols || y < 0 || y >= glyphRows {
		return false
	}
	shift := (glyphRows-1-y)*glyphCols + (glyphCols - 1 - x)
	return bits>>shift&1 == 1
}
