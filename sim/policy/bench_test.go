package policy

import (
	"fmt"
	"strings"
	"testing"

	"labsim/sim/catalog/actiondata"
)

// benchPolicy builds a realistic customer managed policy just under the
// 6,144-character quota: self-service IAM statements with variables,
// S3 and EC2 statements with ARNs and conditions, pretty-printed.
func benchPolicy(tb testing.TB) string {
	tb.Helper()
	blocks := []string{
		`{"Sid":"AllowViewAccountInfo","Effect":"Allow","Action":["iam:GetAccountPasswordPolicy","iam:GetAccountSummary","iam:ListVirtualMFADevices"],"Resource":"*"}`,
		`{"Sid":"AllowManageOwnPasswords","Effect":"Allow","Action":["iam:ChangePassword","iam:GetUser"],"Resource":"arn:aws:iam::*:user/${aws:username}"}`,
		`{"Sid":"AllowManageOwnAccessKeys","Effect":"Allow","Action":["iam:CreateAccessKey","iam:DeleteAccessKey","iam:ListAccessKeys","iam:UpdateAccessKey"],"Resource":"arn:aws:iam::*:user/${aws:username}"}`,
		`{"Sid":"AllowManageOwnVirtualMFADevice","Effect":"Allow","Action":["iam:CreateVirtualMFADevice"],"Resource":"arn:aws:iam::*:mfa/*"}`,
		`{"Sid":"AllowManageOwnUserMFA","Effect":"Allow","Action":["iam:DeactivateMFADevice","iam:EnableMFADevice","iam:ListMFADevices","iam:ResyncMFADevice"],"Resource":"arn:aws:iam::*:user/${aws:username}"}`,
		`{"Sid":"DenyAllExceptListedIfNoMFA","Effect":"Deny","NotAction":["iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:GetUser","iam:ListMFADevices","iam:ListVirtualMFADevices","iam:ResyncMFADevice","sts:GetSessionToken"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`,
		`{"Sid":"DenyOutsideOffice","Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]},"Bool":{"aws:ViaAWSService":"false"}}}`,
	}
	for i := 0; ; i++ {
		s3 := fmt.Sprintf(`{"Sid":"Bucket%d","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:ListBucket","s3:GetBucketLocation"],"Resource":["arn:aws:s3:::team-bucket-%d","arn:aws:s3:::team-bucket-%d/home/${aws:username}/*"],"Condition":{"StringEquals":{"aws:RequestedRegion":["ap-northeast-2","us-east-1"]},"DateLessThan":{"aws:CurrentTime":"2030-12-31T23:59:59Z"}}}`, i, i, i)
		ec2 := fmt.Sprintf(`{"Sid":"Instances%d","Effect":"Allow","Action":["ec2:StartInstances","ec2:StopInstances","ec2:RebootInstances","ec2:DescribeInstances"],"Resource":"arn:aws:ec2:ap-northeast-2:123456789012:instance/*","Condition":{"StringEquals":{"aws:ResourceTag/project":"project-%d","aws:ResourceTag/team":"${aws:PrincipalTag/team}"},"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}`, i, i)
		next := append(append([]string(nil), blocks...), s3, ec2)
		text := prettyStatements(next)
		if NonWhitespaceSize(text) > ManagedPolicySizeQuota {
			text = prettyStatements(blocks)
			if NonWhitespaceSize(text) < 5000 {
				tb.Fatalf("benchmark policy too small: %d", NonWhitespaceSize(text))
			}
			return text
		}
		blocks = next
	}
}

// prettyStatements indents a policy the way the console's JSON editor does.
func prettyStatements(blocks []string) string {
	var b strings.Builder
	b.WriteString("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n")
	for i, s := range blocks {
		s = strings.ReplaceAll(s, `","`, "\",\n            \"")
		b.WriteString("        " + s)
		if i < len(blocks)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("    ]\n}\n")
	return b.String()
}

func TestBenchPolicyIsClean(t *testing.T) {
	text := benchPolicy(t)
	require := func(ok bool, msg string, args ...any) {
		if !ok {
			t.Fatalf(msg, args...)
		}
	}
	require(NonWhitespaceSize(text) <= ManagedPolicySizeQuota && NonWhitespaceSize(text) > 5500, "size %d", NonWhitespaceSize(text))
	require(CheckIAM(nil, text, ManagedPolicy) == nil, "IAM refuses the benchmark policy")
	cat, err := actiondata.Load()
	require(err == nil, "catalog: %v", err)
	for _, f := range ValidateText(text, Options{Actions: cat}) {
		t.Errorf("unexpected finding %s", f.Message(LangEnglish))
	}
}

func BenchmarkParse(b *testing.B) {
	text := benchPolicy(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckIAM(b *testing.B) {
	text := benchPolicy(b)
	for b.Loop() {
		if m := CheckIAM(nil, text, ManagedPolicy); m != nil {
			b.Fatal(m)
		}
	}
}

// BenchmarkValidate validates a 6,144-character managed policy from its
// text, as the console does on every keystroke.
func BenchmarkValidate(b *testing.B) {
	text := benchPolicy(b)
	cat, err := actiondata.Load()
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		v    *Validator
	}{{"NoCatalog", NewValidator(nil)}, {"Catalog", NewValidator(cat)}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bc.v.ValidateText(text, ManagedPolicy)
			}
		})
	}
}

func BenchmarkNewValidator(b *testing.B) {
	cat, err := actiondata.Load()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		NewValidator(cat)
	}
}

// BenchmarkKeystroke is everything the policy editor does on a keystroke
// for a maximum-size managed policy: parse, IAM acceptance, findings with
// the full catalog, compile, and evaluate one request. The target is 2 ms
// under WebAssembly (make bench runs it under Node).
func BenchmarkKeystroke(b *testing.B) {
	text := benchPolicy(b)
	cat, err := actiondata.Load()
	if err != nil {
		b.Fatal(err)
	}
	v := NewValidator(cat)
	req := Request{Principal: "arn:aws:iam::123456789012:user/Luna", Action: "s3:GetObject",
		Resource: "arn:aws:s3:::lab-bucket/notes.txt", Context: map[string][]string{"aws:username": {"Luna"}}}
	var ev Evaluator
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		if m := CheckIAM(doc, text, ManagedPolicy); m != nil {
			b.Fatal(m)
		}
		v.Validate(doc, ManagedPolicy)
		c, err := Compile(doc)
		if err != nil {
			b.Fatal(err)
		}
		ev.Authorize([]*Compiled{c}, req)
	}
}
