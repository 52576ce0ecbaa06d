package policy

import (
	"net/netip"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestParseConditionNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"42", 42, true},
		{"-1.5", -1.5, true},
		{"+3", 3, true},
		{".5", 0.5, true},
		{"5.", 5, true},
		{"2e3", 2000, true},
		{"3600", 3600, true},
		{"", 0, false},
		{"abc", 0, false},
		{"0x10", 0, false},
		{"Inf", 0, false},
		{"NaN", 0, false},
		{" 1", 0, false},
		{"1_000", 0, false},
		{"1e", 0, false},
		{"1e999", 0, false},
		{".", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			v, ok := parseConditionNumber(tt.in)
			require.Equal(t, tt.ok, ok)
			require.Equal(t, tt.want, v)
		})
	}
}

func TestParseConditionDate(t *testing.T) {
	at := func(s string) conditionTime {
		tm, err := time.Parse(time.RFC3339Nano, s)
		require.NoError(t, err)
		return conditionTime{sec: tm.Unix(), nsec: int32(tm.Nanosecond())}
	}
	tests := []struct {
		in   string
		want string // RFC 3339, or "" when rejected
	}{
		// IUG reference_policies_elements_condition_operators: ISO 8601 and epoch.
		{"2013-06-30T00:00:00Z", "2013-06-30T00:00:00Z"},
		{"2013-06-30", "2013-06-30T00:00:00Z"},
		{"2013-06-30T12:30Z", "2013-06-30T12:30:00Z"},
		{"2013-06-30t12:30:15z", "2013-06-30T12:30:15Z"},
		{"2013-06-30 12:30:15", "2013-06-30T12:30:15Z"},
		{"2013-06-30T12:30:15.25Z", "2013-06-30T12:30:15.25Z"},
		{"2013-06-30T12:30:15+09:00", "2013-06-30T03:30:15Z"},
		{"2013-06-30T12:30:15-0130", "2013-06-30T14:00:15Z"},
		{"2013-06-30T12:30:15+09", "2013-06-30T03:30:15Z"},
		{"20130930T231548Z", "2013-09-30T23:15:48Z"},
		{"20130930T2315", "2013-09-30T23:15:00Z"},
		{"2024-02-29", "2024-02-29T00:00:00Z"},
		{"1372550400", "2013-06-30T00:00:00Z"},
		{"0", "1970-01-01T00:00:00Z"},
		{"20240101", "1970-08-23T06:15:01Z"}, // digits are epoch seconds
		{"2023-02-29", ""},
		{"2013-13-01", ""},
		{"2013-06-30T24:00:00Z", ""},
		{"2013-06-30T12", ""},
		{"2013-06-30T12:30:15.Z", ""},
		{"2013-06-30T12:30:15.1234567890Z", ""},
		{"2013-06-30X", ""},
		{"2013-6-30", ""},
		{"tomorrow", ""},
		{"", ""},
		{"-", ""},
		{"12345678901234", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			v, ok := parseConditionDate(tt.in)
			if tt.want == "" {
				require.False(t, ok)
				return
			}
			require.True(t, ok)
			require.Equal(t, at(tt.want), v)
		})
	}
}

func TestParseConditionPrefix(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"192.0.2.0/24", "192.0.2.0/24", true},
		{"192.0.2.7/24", "192.0.2.0/24", true},
		{"203.0.113.5", "203.0.113.5/32", true},
		{"2001:db8::/32", "2001:db8::/32", true},
		{"2001:db8::1", "2001:db8::1/128", true},
		{"::ffff:192.0.2.0/120", "192.0.2.0/24", true},
		{"1.2.3", "", false},
		{"192.0.2.0/33", "", false},
		{"fe80::1%eth0", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, ok := parseConditionPrefix(tt.in)
			require.Equal(t, tt.ok, ok)
			if ok {
				require.Equal(t, netip.MustParsePrefix(tt.want), p)
			}
		})
	}
	a, ok := parseConditionAddr("::ffff:192.0.2.9")
	require.True(t, ok)
	require.True(t, a.Is4())
	_, ok = parseConditionAddr("fe80::1%eth0")
	require.False(t, ok)
}

func TestDecodeConditionBinary(t *testing.T) {
	b, ok := decodeConditionBinary("QmluYXJ5VmFsdWU=")
	require.True(t, ok)
	require.Equal(t, "BinaryValue", string(b))
	b, ok = decodeConditionBinary("QmluYXJ5VmFsdWU")
	require.True(t, ok)
	require.Equal(t, "BinaryValue", string(b))
	_, ok = decodeConditionBinary("!!")
	require.False(t, ok)
}

func TestSplitARN(t *testing.T) {
	p, ok := splitARN("arn:aws:s3:::bucket/a:b")
	require.True(t, ok)
	require.Equal(t, [6]string{"arn", "aws", "s3", "", "", "bucket/a:b"}, p)
	_, ok = splitARN("arn:aws:s3::bucket")
	require.False(t, ok)
}
