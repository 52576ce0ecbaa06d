package policy

import "testing"

// evBenchRequests is a mix of what a console user does: reads that are
// allowed, own-password and own-object requests resolved through
// variables, and requests that end in implicit or explicit denies.
func evBenchRequests() []Request {
	user := evUserContext()
	tagged := evWith(user, "aws:ResourceTag/Owner", "Luna")
	outside := evWith(user, "aws:SourceIp", "198.51.100.7")
	req := func(action, resource string, ctx map[string][]string) Request {
		return Request{Principal: evLuna, Action: action, Resource: resource, Context: ctx}
	}
	return []Request{
		req("iam:ListUsers", "arn:aws:iam::123456789012:user/", user),
		req("ec2:DescribeInstances", "*", user),
		req("s3:GetObject", "arn:aws:s3:::labsim-home/home/Luna/notes.txt", user),
		req("iam:ChangePassword", evLuna, user),
		req("iam:CreateUser", "arn:aws:iam::123456789012:user/Bob", user),
		req("ec2:StopInstances", "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc", tagged),
		req("ec2:TerminateInstances", "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc", tagged),
		req("s3:ListBucket", "arn:aws:s3:::labsim-data", outside),
	}
}

func BenchmarkEvaluate10Policies(b *testing.B) {
	ps := evCompileAll(b, evTenPolicies...)
	reqs := evBenchRequests()
	var ev Evaluator
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		ev.Evaluate(ps, reqs[n%len(reqs)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "req/s")
}

func BenchmarkDecide10Policies(b *testing.B) {
	ps := evCompileAll(b, evTenPolicies...)
	reqs := evBenchRequests()
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		Decide(ps, reqs[n%len(reqs)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkEvaluateFunc measures the package-level Evaluate, whose Result
// owns a freshly allocated Matched slice.
func BenchmarkEvaluateFunc(b *testing.B) {
	ps := evCompileAll(b, evTenPolicies...)
	reqs := evBenchRequests()
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(ps, reqs[n%len(reqs)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "req/s")
}

func BenchmarkCompile10Policies(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range evTenPolicies {
			if _, err := CompileText(text); err != nil {
				b.Fatal(err)
			}
		}
	}
}
