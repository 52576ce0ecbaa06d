package policy

import (
	"encoding/base64"
	"net/netip"
	"strconv"
	"strings"
)

// parseConditionNumber reads a decimal number: an optional sign, digits
// with an optional fraction, and an optional exponent ("42", "-1.5",
// "2e3", ".5"). Hexadecimal, "Inf", "NaN", white space, underscores and
// numbers beyond float64 range are rejected.
func parseConditionNumber(s string) (float64, bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && isDigit(s[i]) {
			i++
			exp++
		}
		if exp == 0 {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return f, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// conditionTime is an instant, as seconds and nanoseconds since the Unix
// epoch, comparable without time zones.
type conditionTime struct {
	sec  int64
	nsec int32
}

func (a conditionTime) compare(b conditionTime) int {
	switch {
	case a.sec < b.sec:
		return -1
	case a.sec > b.sec:
		return 1
	case a.nsec < b.nsec:
		return -1
	case a.nsec > b.nsec:
		return 1
	}
	return 0
}

// parseConditionDate reads a date for the Date operators:
//
//   - epoch seconds: an optional '-' and up to 12 digits ("1700000000");
//   - ISO 8601 extended: YYYY-MM-DD, optionally followed by 'T' (or 't' or
//     a space) and hh:mm, hh:mm:ss or hh:mm:ss.fraction (up to 9 digits);
//   - ISO 8601 basic: YYYYMMDD'T'hhmm or YYYYMMDD'T'hhmmss[.fraction];
//
// with an optional zone 'Z', ±hh:mm, ±hhmm or ±hh. No zone means UTC. A
// plain date is midnight UTC. Out-of-range fields are rejected.
func parseConditionDate(s string) (conditionTime, bool) {
	// A run of digits is epoch seconds, even "20240101" (which ISO 8601
	// basic format would read as a date).
	if n := len(s); n > 0 && n <= 13 && allDigits(strings.TrimPrefix(s, "-")) && s != "-" {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return conditionTime{}, false
		}
		return conditionTime{sec: v}, true
	}
	var y, mo, d int
	var ok bool
	basic := false
	i := 0
	if y, i, ok = fixedDigits(s, 0, 4); !ok {
		return conditionTime{}, false
	}
	if i < len(s) && s[i] == '-' {
		mo, i, ok = fixedDigits(s, i+1, 2)
		if ok && i < len(s) && s[i] == '-' {
			d, i, ok = fixedDigits(s, i+1, 2)
		} else {
			ok = false
		}
	} else {
		basic = true
		if mo, i, ok = fixedDigits(s, i, 2); ok {
			d, i, ok = fixedDigits(s, i, 2)
		}
	}
	if !ok || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
		return conditionTime{}, false
	}
	var h, mi, sec, nsec int
	if i < len(s) && (s[i] == 'T' || s[i] == 't' || (s[i] == ' ' && !basic)) {
		if h, i, ok = fixedDigits(s, i+1, 2); !ok {
			return conditionTime{}, false
		}
		if !basic {
			if i >= len(s) || s[i] != ':' {
				return conditionTime{}, false
			}
			i++
		}
		if mi, i, ok = fixedDigits(s, i, 2); !ok {
			return conditionTime{}, false
		}
		hasSec := false
		if !basic && i < len(s) && s[i] == ':' {
			sec, i, ok = fixedDigits(s, i+1, 2)
			hasSec = true
		} else if basic && i < len(s) && isDigit(s[i]) {
			sec, i, ok = fixedDigits(s, i, 2)
			hasSec = true
		}
		if !ok {
			return conditionTime{}, false
		}
		if hasSec && i < len(s) && (s[i] == '.' || s[i] == ',') {
			j := i + 1
			scale := 100000000
			for j < len(s) && isDigit(s[j]) {
				if j-i > 9 {
					return conditionTime{}, false
				}
				nsec += int(s[j]-'0') * scale
				scale /= 10
				j++
			}
			if j == i+1 {
				return conditionTime{}, false
			}
			i = j
		}
		if h > 23 || mi > 59 || sec > 59 {
			return conditionTime{}, false
		}
	}
	offset := 0
	if i < len(s) {
		switch s[i] {
		case 'Z', 'z':
			i++
		case '+', '-':
			sign := 1
			if s[i] == '-' {
				sign = -1
			}
			var oh, om int
			if oh, i, ok = fixedDigits(s, i+1, 2); !ok {
				return conditionTime{}, false
			}
			if i < len(s) && s[i] == ':' {
				i++
			}
			if i < len(s) {
				if om, i, ok = fixedDigits(s, i, 2); !ok {
					return conditionTime{}, false
				}
			}
			if oh > 23 || om > 59 {
				return conditionTime{}, false
			}
			offset = sign * (oh*3600 + om*60)
		default:
			return conditionTime{}, false
		}
	}
	if i != len(s) {
		return conditionTime{}, false
	}
	unix := daysFromCivil(y, mo, d)*86400 + int64(h*3600+mi*60+sec)
	return conditionTime{sec: unix - int64(offset), nsec: int32(nsec)}, true
}

// fixedDigits reads exactly n digits at s[i:].
func fixedDigits(s string, i, n int) (int, int, bool) {
	if i+n > len(s) {
		return 0, i, false
	}
	v := 0
	for j := i; j < i+n; j++ {
		if !isDigit(s[j]) {
			return 0, i, false
		}
		v = v*10 + int(s[j]-'0')
	}
	return v, i + n, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// daysFromCivil returns the number of days from 1970-01-01 to the date
// y-m-d of the proleptic Gregorian calendar (what time.Date computes, for
// valid dates, without time zones).
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400 // [0, 399]
	mp := (m + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy // [0, 146096]
	return int64(era)*146097 + int64(doe) - 719468
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// parseConditionBool reads "true" or "false", ignoring ASCII case.
func parseConditionBool(s string) (bool, bool) {
	switch {
	case asciiEqualFold(s, "true"):
		return true, true
	case asciiEqualFold(s, "false"):
		return false, true
	}
	return false, false
}

// parseConditionPrefix reads an IpAddress value of a policy: an IPv4 or
// IPv6 CIDR block, or a plain address meaning that one address. Host bits
// in a CIDR are ignored ("192.0.2.7/24" means 192.0.2.0/24). An
// IPv4-mapped IPv6 address or block is read as IPv4.
func parseConditionPrefix(s string) (netip.Prefix, bool) {
	if strings.IndexByte(s, '/') >= 0 {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return netip.Prefix{}, false
		}
		if a := p.Addr(); a.Is4In6() && p.Bits() >= 96 {
			p = netip.PrefixFrom(a.Unmap(), p.Bits()-96)
		}
		return p.Masked(), true
	}
	a, ok := parseConditionAddr(s)
	if !ok {
		return netip.Prefix{}, false
	}
	return netip.PrefixFrom(a, a.BitLen()), true
}

// parseConditionAddr reads a request's IP address. IPv4-mapped IPv6
// addresses become IPv4; an address with an IPv6 zone is rejected.
func parseConditionAddr(s string) (netip.Addr, bool) {
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		return netip.Addr{}, false
	}
	return a.Unmap(), true
}

// decodeConditionBinary decodes a BinaryEquals value: standard base64,
// with or without padding.
func decodeConditionBinary(s string) ([]byte, bool) {
	if b, err := base64.StdEncoding.DecodeString(s); err == nil {
		return b, true
	}
	if b, err := base64.RawStdEncoding.DecodeString(s); err == nil {
		return b, true
	}
	return nil, false
}

// splitARN splits an ARN into its six parts: "arn", partition, service,
// region, account and resource (which keeps any further colons). ok is
// false when s has fewer than five colons.
func splitARN(s string) (parts [6]string, ok bool) {
	for i := 0; i < 5; i++ {
		k := strings.IndexByte(s, ':')
		if k < 0 {
			return parts, false
		}
		parts[i], s = s[:k], s[k+1:]
	}
	parts[5] = s
	return parts, true
}
