package policy

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// FuzzEvaluate compiles arbitrary policy texts and evaluates arbitrary
// requests against them: nothing may panic or take long, and the
// decision must agree with Decide and with the Matched statements.
func FuzzEvaluate(f *testing.F) {
	seeds := append([]string{
		evAdministratorAccess, evPowerUserAccess, evAmazonEC2FullAccess,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::a*b*c*d*e*f*g*h*i*j*k","Condition":{"ForAllValues:StringLike":{"k":"*a*a*a*a*b"},"ArnLike":{"a":"arn:*:*:*:*:*"},"DateLessThan":{"d":"2020-01-01"},"NumericEquals":{"n":"abc"},"BinaryEquals":{"b":"QQ=="},"Null":{"z":"true"}}}]}`,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"iam:${aws:username}","NotResource":"${x, 'y'}${*}${?}${$}${","Condition":{"StringEqualsIgnoreCase":{"k":"${aws:username}"},"IpAddress":{"aws:SourceIp":["::/0","0.0.0.0/0"]}}}]}`,
	}, evTenPolicies...)
	for i, s := range seeds {
		f.Add(s, "iam:ListUsers", "arn:aws:iam::123456789012:user/Luna", "aws:username", "Luna")
		f.Add(s, "s3:GetObject", strings.Repeat("a", i*7), "k", strings.Repeat("a", 40))
	}
	f.Add(`{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`, "", "", "", "")
	f.Fuzz(func(t *testing.T, policy, action, resource, key, value string) {
		c, err := CompileText(policy)
		if err != nil {
			return
		}
		ctx := map[string][]string{key: {value}, "aws:SourceIp": {value}, "aws:CurrentTime": {value}}
		req := Request{Principal: "arn:aws:iam::123456789012:user/Luna", Action: action, Resource: resource, Context: ctx}
		start := time.Now()
		ps := []*Compiled{c, c}
		r := Evaluate(ps, req)
		if time.Since(start) > 2*time.Second {
			t.Fatalf("evaluation took %v", time.Since(start))
		}
		if n := evNaive(ps, req); !reflect.DeepEqual(n, r) {
			t.Fatalf("indexed %+v, naive %+v", r, n)
		}
		if d := Decide(ps, req); d != r.Decision {
			t.Fatalf("Decide %v, Evaluate %v", d, r.Decision)
		}
		switch r.Decision {
		case ImplicitlyDenied:
			if len(r.Matched) != 0 {
				t.Fatalf("implicit deny with matched statements %v", r.Matched)
			}
		case Allowed, ExplicitlyDenied:
			want := "Allow"
			if r.Decision == ExplicitlyDenied {
				want = "Deny"
			}
			if len(r.Matched) == 0 || len(r.Matched)%2 != 0 {
				t.Fatalf("matched %v", r.Matched)
			}
			for _, m := range r.Matched {
				if m.Effect != want {
					t.Fatalf("matched %v for %v", m, r.Decision)
				}
			}
		}
		_ = DeniedMessage(req.Principal, action, resource, r.Decision)
	})
}
