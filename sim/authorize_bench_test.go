package sim

import "testing"

// BenchmarkAuthorizeLuna measures one page's authorisation for Luna in the
// scenario world: three policies (two AWS managed, one customer managed)
// compiled and evaluated with the session's request context.
func BenchmarkAuthorizeLuna(b *testing.B) {
	st, err := Prepared("delegation-done", testEnv())
	if err != nil {
		b.Fatal(err)
	}
	w := st.World
	u, _ := w.IAMUser(DemoAccountID, LunaName)
	s := UserSession(w.Accounts[DemoAccountID], u, t0, true)
	env := testEnv()
	b.ReportAllocs()
	for b.Loop() {
		if r := w.Authorize(s, "ec2:DescribeVpcs", "*", env); r.Decision != Allowed {
			b.Fatal(r.Decision)
		}
	}
}

// BenchmarkBuildDelegationDone measures building the prepared world
// (four door operations, two password hashes at the demo's cost).
func BenchmarkBuildDelegationDone(b *testing.B) {
	for b.Loop() {
		if _, err := Prepared("delegation-done", testEnv()); err != nil {
			b.Fatal(err)
		}
	}
}
