package mfa

import (
	"testing"
)

func BenchmarkCode(b *testing.B) {
	for b.Loop() {
		if _, err := Code(DemoSecret, testNow); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckPairAccepted(b *testing.B) {
	c1, c2 := codeAtOffset(b, -1), codeAtOffset(b, 0)
	for b.Loop() {
		if _, err := CheckPair(DemoSecret, c1, c2, testNow); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckPairWrong(b *testing.B) {
	for b.Loop() {
		if _, err := CheckPair(DemoSecret, "000000", "111111", testNow); err == nil {
			b.Fatal("accepted")
		}
	}
}

func BenchmarkSignIn(b *testing.B) {
	d := Device{Name: "d", Secret: DemoSecret, LastUsedStep: Step(testNow) - 5}
	c := codeAtOffset(b, 0)
	for b.Loop() {
		if _, err := d.SignIn(c, testNow); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQR(b *testing.B) {
	for b.Loop() {
		if _, err := QR(testURIs[0]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDataURL6px(b *testing.B) {
	for b.Loop() {
		if _, err := DataURL(testURIs[0], 6); err != nil {
			b.Fatal(err)
		}
	}
}
