package mfa_test

import (
	"fmt"
	"time"

	"labsim/sim/mfa"
)

func ExampleURI() {
	fmt.Println(mfa.URI("root-account-mfa-device", "123456789012", mfa.DemoSecret))
	// Output: otpauth://totp/Amazon%20Web%20Services:root-account-mfa-device@123456789012?secret=LABSIMDEMOSECRETFORINSTRUCTORSANDTESTS234567ABCDEFGHIJKLMNOPQRST&issuer=Amazon%20Web%20Services
}

func ExampleAssign() {
	now := time.Date(2026, 3, 1, 12, 0, 10, 0, time.UTC)
	// The student types two consecutive codes from the authenticator app.
	code1, _ := mfa.Code(mfa.DemoSecret, now.Add(-30*time.Second))
	code2, _ := mfa.Code(mfa.DemoSecret, now)
	d, err := mfa.Assign("root-account-mfa-device", "123456789012", mfa.DemoSecret, code1, code2, now)
	fmt.Println(d.Serial, err)

	// Neither code signs in afterwards; the next one does.
	_, err = d.SignIn(code2, now.Add(10*time.Second))
	fmt.Println(err)
	next, _ := mfa.Code(mfa.DemoSecret, now.Add(30*time.Second))
	d, err = d.SignIn(next, now.Add(30*time.Second))
	fmt.Println(d.LastUsedStep == mfa.Step(now)+1, err)
	// Output:
	// arn:aws:iam::123456789012:mfa/root-account-mfa-device <nil>
	// mfa: sign in with root-account-mfa-device: InvalidAuthenticationCode: reason=replayed
	// true <nil>
}
