package sim

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

func TestSetSourceIP(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"198.51.100.7", "198.51.100.7"},
		{"2001:DB8::1", "2001:db8::1"},
		{"::ffff:203.0.113.9", "203.0.113.9"},
		{"", ""}, {"203.0.113", ""}, {"203.0.113.256", ""}, {" 203.0.113.1", ""}, {"fe80::1%eth0", ""}, {"203.0.113.0/24", ""},
	} {
		w := World{SourceIP: DefaultSourceIP}
		next, err := w.Do(Session{}, SetSourceIP{IP: tc.in}, Env{})
		if tc.want == "" {
			require.Error(t, err, tc.in)
			require.Equal(t, awserr.InvalidInput, awserr.Code(err))
			require.Equal(t, DefaultSourceIP, next.SourceIP, "nothing changes")
			continue
		}
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.want, next.SourceIP)
		ev := next.Events[len(next.Events)-1]
		require.Equal(t, SetSourceIPAction, ev.Action)
	}
}

func FuzzParseSourceIP(f *testing.F) {
	for _, s := range []string{"203.0.113.10", "::1", "x", "1.2.3.4%z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, err := ParseSourceIP(s)
		if err == nil {
			again, err := ParseSourceIP(out)
			require.NoError(t, err)
			require.Equal(t, out, again)
		}
	})
}
