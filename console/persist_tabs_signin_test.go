package console

import (
	"math/rand/v2"
	"testing"
)

// Two tabs on the sign-in form, one choosing the root user and the other an
// IAM user, typing and moving in random orders, with saves racing reads:
// they never keep answering each other's saves (settle fails if they do).
func TestTwoTabsOnTheSignInFormDoNotAnswerEachOther(t *testing.T) {
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 1))
		b := newFakeBrowser(t)
		a := b.open(1, map[string]string{"world": "signed-up", "lang": "en"}, "#/signin")
		b.settle()
		c := b.open(2, map[string]string{"lang": "en"}, "#/signin")
		b.settle()
		tabs := []*fakeTab{a, c}
		msgs := []func(i int) Msg{
			func(i int) Msg { return Input{Now: t0, Field: "signin.type", Value: []string{"root", "iam"}[i%2]} },
			func(i int) Msg {
				return Input{Now: t0, Field: "signin.email", Value: string(rune('a'+i%26)) + "@x.com"}
			},
			func(i int) Msg {
				return Input{Now: t0, Field: "signin.account", Value: "12345678901" + string(rune('0'+i%10))}
			},
			func(i int) Msg { return Navigate{Now: t0, Hash: []string{"#/signin", "#/signin/iam", "#/"}[i%3]} },
		}
		for i := range 30 {
			tab := tabs[r.IntN(2)]
			tab.stale = r.Float64() < 0.3
			msg := msgs[r.IntN(len(msgs))](r.IntN(100))
			if r.Float64() < 0.5 {
				tab.sendFirst(msg)
			} else {
				tab.send(msg)
			}
			if r.Float64() < 0.5 || i == 29 {
				b.settle()
			}
		}
	}
}
