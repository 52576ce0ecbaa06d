package lab

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim"
)

const okStep = `{"id": "s1", "title": {"ko": "가", "en": "A"}, "instructions": {"ko": "가", "en": "A"},
 "checks": [{"kind": "account_created"}]}`

// labFile returns a lab file with the given start world and steps (a JSON
// array body).
func labFile(world, steps string) string {
	return `{"id": "t", "version": 1, "title": {"ko": "시험", "en": "Test"},
"description": {"ko": "설명", "en": "About"}, "minutes": 5, "passing_score": 100,
"start": {"world": "` + world + `"},
"steps": [` + steps + `]}`
}

// step returns a task step with one check.
func step(id, check string) string {
	return `{"id": "` + id + `", "title": {"ko": "가", "en": "A"}, "instructions": {"ko": "가", "en": "A"}, "checks": [` + check + `]}`
}

func TestParseValidFile(t *testing.T) {
	l, err := Parse("t.json", []byte(labFile("fresh", okStep)))
	require.NoError(t, err)
	require.Equal(t, "t", l.ID)
	require.Equal(t, "t.json", l.File)
	require.Equal(t, Text{Ko: "시험", En: "Test"}, l.Title)
	require.Equal(t, NeedsAll, l.Steps[0].Needs)
	require.Equal(t, KindAccountCreated, l.Steps[0].Checks[0].Kind)
	require.False(t, l.Quiz())
}

var errorLine = regexp.MustCompile(`^t\.json:\d+:\d+: `)

func TestParseReportsEveryProblemWithItsPlace(t *testing.T) {
	long := strings.Repeat("가", MaxTitle+1)
	tests := []struct {
		name string
		file string
		want []string // substrings of the errors, in file order
	}{
		{"not JSON", `{"id": }`, []string{"t.json:1:8: not JSON"}},
		{"not an object", `[]`, []string{"t.json:1:1: must be an object, not an array"}},
		{"missing fields", `{}`, []string{"t.json:1:1: id: missing", "title: missing", "steps: missing"}},
		{"unknown top field", strings.Replace(labFile("fresh", okStep), `"minutes"`, `"extra": 1, "minutes"`, 1),
			[]string{`t.json:2:45: extra: unknown field "extra"`}},
		{"repeated field", strings.Replace(labFile("fresh", okStep), `"minutes": 5`, `"minutes": 5, "minutes": 6`, 1),
			[]string{"minutes: repeated field"}},
		{"missing language", strings.Replace(labFile("fresh", okStep), `{"ko": "시험", "en": "Test"}`, `{"ko": "시험"}`, 1),
			[]string{"t.json:1:36: title.en: missing"}},
		{"unknown language", strings.Replace(labFile("fresh", okStep), `"en": "Test"`, `"en": "Test", "ja": "テスト"`, 1),
			[]string{`title.ja: unknown field "ja" (allowed here: ko, en)`}},
		{"empty text", strings.Replace(labFile("fresh", okStep), `"en": "About"`, `"en": " "`, 1),
			[]string{"description.en: must not be empty"}},
		{"title too long", strings.Replace(labFile("fresh", okStep), `"시험"`, `"`+long+`"`, 1),
			[]string{"title.ko: is 81 characters long; at most 80"}},
		{"bad id", strings.Replace(labFile("fresh", okStep), `"id": "t"`, `"id": "My Lab"`, 1),
			[]string{`id: "My Lab" is not an ID`}},
		{"version zero", strings.Replace(labFile("fresh", okStep), `"version": 1`, `"version": 0`, 1),
			[]string{"version: must be a whole number from 1 to 1000000"}},
		{"passing score", strings.Replace(labFile("fresh", okStep), `"passing_score": 100`, `"passing_score": 101`, 1),
			[]string{"passing_score: must be a whole number from 0 to 100"}},
		{"unknown world", labFile("nowhere", okStep), []string{`start.world: unknown world "nowhere" (one of: delegation-done, demo, fresh, root-mfa, signed-up, keep)`}},
		{"assumes without keep", strings.Replace(labFile("demo", okStep), `"world": "demo"`, `"world": "demo", "assumes": {"users": ["Luna"]}`, 1),
			[]string{"start.assumes: only a lab that keeps"}},
		{"no steps", labFile("fresh", ""), []string{"steps: a lab needs at least one step"}},
		{"duplicate step", labFile("fresh", okStep+","+okStep), []string{`step "s1", id: another step already has the ID "s1"`}},
		{"missing instructions", labFile("fresh", `{"id": "s1", "title": {"ko": "가", "en": "A"}, "checks": [{"kind": "account_created"}]}`),
			[]string{`step "s1", instructions: missing (only a quiz step may leave them out)`}},
		{"step without id", labFile("fresh", `{"title": {"ko": "가", "en": "A"}, "instructions": {"ko": "가", "en": "A"}, "checks": [{"kind": "account_created"}]}`),
			[]string{"step at steps[0], id: missing"}},
		{"no checks", labFile("fresh", `{"id": "s1", "title": {"ko": "가", "en": "A"}, "instructions": {"ko": "가", "en": "A"}, "checks": []}`),
			[]string{`step "s1", checks: a step needs at least one check`}},
		{"bad needs", strings.Replace(labFile("fresh", okStep), `"checks"`, `"needs": "some", "checks"`, 1),
			[]string{`step "s1", needs: must be "all" or "any", not "some"`}},
		{"too many hints", strings.Replace(labFile("fresh", okStep), `"checks"`, `"hints": [`+strings.Repeat(`{"ko": "가", "en": "A"},`, MaxHints)+`{"ko": "가", "en": "A"}], "checks"`, 1),
			[]string{"hints: 6 hints; at most 5"}},
		{"hint too long", strings.Replace(labFile("fresh", okStep), `"checks"`, `"hints": [{"ko": "`+strings.Repeat("a", MaxHint+1)+`", "en": "A"}], "checks"`, 1),
			[]string{"hints[0].ko: is 401 characters long; at most 400"}},
		{"unknown kind", labFile("fresh", step("s1", `{"kind": "signed_up"}`)),
			[]string{`step "s1", checks[0].kind: unknown check kind "signed_up" (one of: account_created, support_plan`}},
		{"missing kind", labFile("fresh", step("s1", `{"plan": "basic"}`)), []string{"checks[0].kind: missing"}},
		{"field of another kind", labFile("fresh", step("s1", `{"kind": "account_created", "plan": "basic"}`)),
			[]string{`checks[0].plan: unknown field "plan" (allowed here: kind, label)`}},
		{"missing field", labFile("fresh", step("s1", `{"kind": "group_exists"}`)), []string{"checks[0].name: missing"}},
		{"bad plan", labFile("fresh", step("s1", `{"kind": "support_plan", "plan": "gold"}`)), []string{`checks[0].plan: unknown support plan "gold"`}},
		{"root with user", labFile("fresh", step("s1", `{"kind": "signed_in", "as": "root", "user": "Luna"}`)),
			[]string{`checks[0].user: only for "as": "iam_user"`}},
		{"iam user without user", labFile("fresh", step("s1", `{"kind": "signed_in", "as": "iam_user"}`)),
			[]string{"checks[0].user: missing: which IAM user signs in"}},
		{"bad as", labFile("fresh", step("s1", `{"kind": "signed_in", "as": "admin"}`)), []string{`checks[0].as: must be "root" or "iam_user"`}},
		{"unknown user", labFile("fresh", step("s1", `{"kind": "signed_in", "as": "iam_user", "user": "Luna"}`)),
			[]string{`step "s1", checks[0].user: IAM user "Luna" is neither in the start world nor created by this or an earlier step`}},
		{"user created by a later step", labFile("fresh",
			step("s1", `{"kind": "mfa_sign_in_done", "user": "Luna"}`)+","+step("s2", `{"kind": "user_exists", "name": "Luna"}`)),
			[]string{`step "s1", checks[0].user: IAM user "Luna" is neither`}},
		{"unknown group", labFile("fresh", step("s1", `{"kind": "user_exists", "name": "Luna"}, {"kind": "user_in_group", "user": "Luna", "group": "Ops"}`)),
			[]string{`checks[1].group: IAM group "Ops" is neither`}},
		{"unknown customer policy", labFile("fresh", step("s1", `{"kind": "group_exists", "name": "Ops"}, {"kind": "policy_attached", "to": "group/Ops", "policy": "Mine"}`)),
			[]string{`checks[1].policy: customer managed policy "Mine" is neither`}},
		{"unknown managed ARN", labFile("fresh", step("s1", `{"kind": "group_exists", "name": "Ops"}, {"kind": "policy_attached", "to": "group/Ops", "policy": "arn:aws:iam::aws:policy/Nope"}`)),
			[]string{`checks[1].policy: "arn:aws:iam::aws:policy/Nope" is not an AWS managed policy`}},
		{"bad to", labFile("fresh", step("s1", `{"kind": "policy_attached", "to": "role/X", "policy": "IAMFullAccess"}`)),
			[]string{`checks[0].to: must be "user/NAME" or "group/NAME"`}},
		{"bad user name", labFile("fresh", step("s1", `{"kind": "user_exists", "name": "Luna Kim"}`)),
			[]string{`checks[0].name: "Luna Kim" is not an IAM name`}},
		{"bad console_access", labFile("fresh", step("s1", `{"kind": "user_exists", "name": "Luna", "console_access": "yes"}`)),
			[]string{"checks[0].console_access: must be true or false, not a string"}},
		{"bad action", labFile("fresh", step("s1", `{"kind": "event", "action": "ListUsers"}`)),
			[]string{`checks[0].action: "ListUsers" is not an action`}},
		{"wildcard action", labFile("fresh", step("s1", `{"kind": "event", "action": "iam:*"}`)),
			[]string{`checks[0].action: "iam:*" is not an action`}},
		{"bad decision", labFile("fresh", step("s1", `{"kind": "event", "action": "iam:ListUsers", "decision": "Deny"}`)),
			[]string{`checks[0].decision: must be Allowed, ImplicitlyDenied, ExplicitlyDenied or Denied, not "Deny"`}},
		{"bad range", labFile("fresh", step("s1", `{"kind": "event", "action": "iam:ListUsers", "source_ip_outside": "campus"}`)),
			[]string{`checks[0].source_ip_outside: "campus" is not an address range`}},
		{"event names an unknown user", labFile("fresh", step("s1", `{"kind": "event", "action": "iam:ListUsers", "principal": "Luna"}`)),
			[]string{`checks[0].principal: IAM user "Luna" is neither`}},
		{"bad resource and context", labFile("demo", step("s1", `{"kind": "user_exists", "name": "Luna"}, {"kind": "policy_decision", "principal": "Luna", "action": "ec2:DescribeVpcs", "resource": "vpc", "context": {"SourceIp": "1.2.3.4"}, "expect": "Allowed"}`)),
			[]string{`checks[1].resource: must be "*" or an ARN`, `checks[1].context.SourceIp: a condition key is written service:Key`}},
		{"empty allows", labFile("fresh", step("s1", `{"kind": "customer_policy_exists", "name": "P", "allows": []}`)),
			[]string{"checks[0].allows: must list 1 to 16 requests"}},
		{"request field", labFile("fresh", step("s1", `{"kind": "customer_policy_exists", "name": "P", "denies": [{"action": "s3:GetObject", "effect": "Deny"}]}`)),
			[]string{`checks[0].denies[0].effect: unknown field "effect" (allowed here: action, resource, context)`}},
		{"quiz not alone", labFile("fresh", `{"id": "q", "title": {"ko": "가", "en": "A"}, "checks": [{"kind": "account_created"}, `+quizCheck("a")+`]}`),
			[]string{`step "q", checks[1]: a quiz question must be the only check of its step`}},
		{"quiz answer unknown", labFile("keep", `{"id": "q", "title": {"ko": "가", "en": "A"}, "checks": [`+quizCheck("z")+`]}`),
			[]string{`checks[0].answer: "z" is not the ID of one of the choices`}},
		{"quiz one choice", labFile("keep", `{"id": "q", "title": {"ko": "가", "en": "A"}, "checks": [{"kind": "quiz", "question": {"ko": "가", "en": "A"}, "choices": [`+choice("a")+`], "answer": "a"}]}`),
			[]string{"checks[0].choices: 1 choices; a question has 2 to 6"}},
		{"quiz duplicate choice", labFile("keep", `{"id": "q", "title": {"ko": "가", "en": "A"}, "checks": [{"kind": "quiz", "question": {"ko": "가", "en": "A"}, "choices": [`+choice("a")+`,`+choice("a")+`], "answer": "a"}]}`),
			[]string{`checks[0].choices[1].id: another choice already has the ID "a"`}},
		{"quiz choice without why", labFile("keep", `{"id": "q", "title": {"ko": "가", "en": "A"}, "checks": [{"kind": "quiz", "question": {"ko": "가", "en": "A"}, "choices": [`+choice("a")+`, {"id": "b", "text": {"ko": "가", "en": "A"}}], "answer": "a"}]}`),
			[]string{"checks[0].choices[1].why: missing"}},
		{"raw HTML", strings.Replace(labFile("fresh", okStep), `"instructions": {"ko": "가", "en": "A"}`, `"instructions": {"ko": "가", "en": "Click <b>Next</b>"}`, 1),
			[]string{"t.json:4:98: step \"s1\", instructions.en: HTML tags are not allowed"}},
		{"unclosed emphasis after an escape", strings.Replace(labFile("fresh", okStep), `"instructions": {"ko": "가", "en": "A"}`, `"instructions": {"ko": "가", "en": "a\"b\" *c"}`, 1),
			[]string{"t.json:4:99: step \"s1\", instructions.en: *emphasis* is not closed"}},
		{"paragraph then list", strings.Replace(labFile("fresh", okStep), `"instructions": {"ko": "가", "en": "A"}`, `"instructions": {"ko": "가", "en": "Do this:\n- one"}`, 1),
			[]string{"instructions.en: a list item inside a paragraph"}},
		{"too big", `{"id": "` + strings.Repeat("a", MaxFileBytes) + `"}`, []string{"t.json:1:1: the file is larger than 262144 bytes"}},
		{"not UTF-8", "{\"id\": \"\xff\"}", []string{"t.json:1:1: the file is not UTF-8 text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Parse("t.json", []byte(tt.file))
			require.Error(t, err)
			require.Nil(t, l)
			var errs Errors
			require.ErrorAs(t, err, &errs)
			for _, e := range errs {
				require.Regexp(t, errorLine, e.Error())
			}
			msg := err.Error()
			at := 0
			for _, w := range tt.want {
				i := strings.Index(msg[at:], w)
				require.GreaterOrEqual(t, i, 0, "want %q after offset %d in\n%s", w, at, msg)
				at += i + len(w)
			}
		})
	}
}

func choice(id string) string {
	return `{"id": "` + id + `", "text": {"ko": "가", "en": "A"}, "why": {"ko": "가", "en": "A"}}`
}

func quizCheck(answer string) string {
	return `{"kind": "quiz", "question": {"ko": "질문", "en": "Question"}, "choices": [` + choice("a") + `, ` + choice("b") + `], "answer": "` + answer + `"}`
}

func TestParseReferences(t *testing.T) {
	tests := []struct {
		name, file string
	}{
		{"created by the same step", labFile("fresh", step("s1", `{"kind": "user_exists", "name": "Luna"}, {"kind": "group_exists", "name": "Ops"}, {"kind": "user_in_group", "user": "Luna", "group": "Ops"}`))},
		{"created by an earlier step", labFile("fresh", step("s1", `{"kind": "customer_policy_exists", "name": "Mine"}`)+","+
			step("s2", `{"kind": "user_exists", "name": "Luna"}`)+","+
			step("s3", `{"kind": "policy_attached", "to": "user/Luna", "policy": "Mine"}`))},
		{"in the start world", labFile("delegation-done", step("s1", `{"kind": "policy_decision", "principal": "Luna", "action": "ec2:DescribeVpcs", "expect": "Allowed"}, {"kind": "policy_attached", "to": "group/NetworkAdmin", "policy": "NetworkAdminGuardrails"}`))},
		{"assumed by a keep lab", strings.Replace(labFile("keep", step("s1", `{"kind": "event", "action": "iam:ListUsers", "principal": "Luna", "decision": "Denied"}`)),
			`"world": "keep"`, `"world": "keep", "assumes": {"users": ["Luna"]}`, 1)},
		{"AWS managed policy by name or ARN", labFile("fresh", step("s1", `{"kind": "user_exists", "name": "Ann"}, {"kind": "policy_attached", "to": "user/Ann", "policy": "IAMFullAccess"}, {"kind": "policy_attached", "to": "user/Ann", "policy": "arn:aws:iam::aws:policy/AmazonVPCFullAccess"}`))},
		{"event principals that are not users", labFile("fresh", step("s1", `{"kind": "event", "action": "signin:ConsoleLogout", "principal": "root"}, {"kind": "event", "action": "signin:ConsoleLogin", "principal": "anonymous"}, {"kind": "event", "action": "iam:ListUsers", "principal": "arn:aws:iam::123456789012:user/X"}`))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.json", []byte(tt.file))
			require.NoError(t, err)
		})
	}
}

func TestStartWorldsCoverThePreparedWorlds(t *testing.T) {
	worlds := StartWorlds()
	for _, p := range sim.PreparedWorlds() {
		_, ok := worlds[p.Name]
		require.True(t, ok, "prepared world %q is not in StartWorlds: say which IAM entities it has", p.Name)
	}
}

func TestBuiltinLabs(t *testing.T) {
	labs, err := Builtin()
	require.NoError(t, err)
	require.Len(t, labs, 4)
	for i, id := range BuiltinIDs() {
		require.Equal(t, id, labs[i].ID)
		require.Same(t, labs[i], Find(labs, id))
	}
	require.Nil(t, Find(labs, "nope"))
	concepts := Find(labs, "cloud-concepts")
	require.True(t, concepts.Quiz())
	require.GreaterOrEqual(t, len(concepts.Steps), 8)
	require.LessOrEqual(t, len(concepts.Steps), 12)
	for _, s := range concepts.Steps {
		for _, c := range s.Quiz().Choices {
			require.NotEmpty(t, c.Why.En, "every choice explains itself")
		}
	}
	// Today's facts where the textbook's have aged.
	var all strings.Builder
	for _, s := range concepts.Steps {
		q := s.Quiz()
		all.WriteString(q.Question.Source.En)
		for _, c := range q.Choices {
			all.WriteString(c.Text.Source.En + c.Why.Source.En)
		}
	}
	require.Contains(t, all.String(), "at least three AZs")
	require.Contains(t, all.String(), "ap-northeast-2a, 2b, 2c and 2d")
	for _, id := range []string{"create-account", "root-mfa", "iam-delegation"} {
		require.False(t, Find(labs, id).Quiz())
	}
}

func TestParseAmongRefusesAnIDInUse(t *testing.T) {
	builtin, err := Builtin()
	require.NoError(t, err)
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "labs", "ops-group.json"))
	require.NoError(t, err)
	first, err := ParseAmong("labs/a.json", data, builtin)
	require.NoError(t, err)
	_, err = ParseAmong("labs/b.json", data, append(builtin, first))
	require.EqualError(t, err, `labs/b.json:2:9: id: lab id "ops-group" is already used by labs/a.json`)
	_, err = ParseAmong("labs/c.json", []byte(strings.Replace(string(data), `"ops-group"`, `"create-account"`, 1)), builtin)
	require.EqualError(t, err, `labs/c.json:2:9: id: lab id "create-account" is already used by a built-in lab`)
}
