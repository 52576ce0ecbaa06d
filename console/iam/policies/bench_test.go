package policies_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"labsim/console"
	"labsim/console/ui"
	ct "labsim/internal/consoletest"
	"labsim/sim/policy"
)

// BenchmarkKeystroke is one keystroke in the editor with a policy of
// about 6,144 characters: the update (the live check, the save) and the
// view rendered to HTML, as the browser binding does.
func BenchmarkKeystroke(b *testing.B) {
	t := &testing.T{}
	m := demo(t, "#/iam/policies/create")
	text := realisticPolicy()
	b.Run("update", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			m, _ = console.Update(m, console.Input{Now: ct.T0.Add(time.Duration(i)), Field: "policies.doc", Value: strings.Replace(text, "AllowViewAccountInfo", "AllowViewAccountInfo"+strings.Repeat("x", i%2), 1)})
		}
	})
	b.Run("view", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_ = ui.HTML(console.View(m))
		}
	})
}

// realisticPolicy builds a customer managed policy just under the 6,144
// character quota, as sim/policy's benchmark does: self-service IAM
// statements with variables, S3 and EC2 statements with ARNs and
// conditions, pretty-printed as the editor indents.
func realisticPolicy() string {
	blocks := []string{
		`{"Sid":"AllowViewAccountInfo","Effect":"Allow","Action":["iam:GetAccountPasswordPolicy","iam:GetAccountSummary","iam:ListVirtualMFADevices"],"Resource":"*"}`,
		`{"Sid":"AllowManageOwnPasswords","Effect":"Allow","Action":["iam:ChangePassword","iam:GetUser"],"Resource":"arn:aws:iam::*:user/${aws:username}"}`,
		`{"Sid":"AllowManageOwnAccessKeys","Effect":"Allow","Action":["iam:CreateAccessKey","iam:DeleteAccessKey","iam:ListAccessKeys","iam:UpdateAccessKey"],"Resource":"arn:aws:iam::*:user/${aws:username}"}`,
		`{"Sid":"AllowManageOwnVirtualMFADevice","Effect":"Allow","Action":["iam:CreateVirtualMFADevice"],"Resource":"arn:aws:iam::*:mfa/*"}`,
		`{"Sid":"AllowManageOwnUserMFA","Effect":"Allow","Action":["iam:DeactivateMFADevice","iam:EnableMFADevice","iam:ListMFADevices","iam:ResyncMFADevice"],"Resource":"arn:aws:iam::*:user/${aws:username}"}`,
		`{"Sid":"DenyAllExceptListedIfNoMFA","Effect":"Deny","NotAction":["iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:GetUser","iam:ListMFADevices","iam:ListVirtualMFADevices","iam:ResyncMFADevice","sts:GetSessionToken"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`,
		`{"Sid":"DenyOutsideOffice","Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]},"Bool":{"aws:ViaAWSService":"false"}}}`,
	}
	pretty := func(blocks []string) string {
		var b strings.Builder
		b.WriteString("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n")
		for i, s := range blocks {
			b.WriteString("        " + strings.ReplaceAll(s, `","`, "\",\n            \""))
			if i < len(blocks)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString("    ]\n}\n")
		return b.String()
	}
	for i := 0; ; i++ {
		s3 := fmt.Sprintf(`{"Sid":"Bucket%d","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:ListBucket","s3:GetBucketLocation"],"Resource":["arn:aws:s3:::team-bucket-%d","arn:aws:s3:::team-bucket-%d/home/${aws:username}/*"],"Condition":{"StringEquals":{"aws:RequestedRegion":["ap-northeast-2","us-east-1"]},"DateLessThan":{"aws:CurrentTime":"2030-12-31T23:59:59Z"}}}`, i, i, i)
		ec2 := fmt.Sprintf(`{"Sid":"Instances%d","Effect":"Allow","Action":["ec2:StartInstances","ec2:StopInstances","ec2:RebootInstances","ec2:DescribeInstances"],"Resource":"arn:aws:ec2:ap-northeast-2:123456789012:instance/*","Condition":{"StringEquals":{"aws:ResourceTag/project":"project-%d","aws:ResourceTag/team":"${aws:PrincipalTag/team}"},"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}`, i, i)
		next := append(append([]string(nil), blocks...), s3, ec2)
		if policy.NonWhitespaceSize(pretty(next)) > policy.ManagedPolicySizeQuota {
			return pretty(blocks)
		}
		blocks = next
	}
}
