package signup_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	ct "labsim/internal/consoletest"
	"labsim/sim"
	"labsim/sim/account"
)

func TestEveryProblemCodeHasAMessageInBothLanguages(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.KO} {
		c := i18n.For(lang)
		for _, code := range account.ProblemCodes() {
			key := "signup.problem." + code
			require.True(t, c.Has(key), "%s: no message for problem %s", lang, code)
			msg := core.ProblemText(c, account.Problem{Field: "x", Code: code,
				Params: map[string]string{"max": "50", "min": "8", "have": "2", "char": "한", "digits": "3"}})
			require.NotContains(t, msg, "{", "%s: %s leaves a placeholder: %s", lang, code, msg)
		}
		for _, reason := range []string{account.EmailReasonASCII, account.EmailReasonSpace, account.EmailReasonAt,
			account.EmailReasonLocal, account.EmailReasonDots, account.EmailReasonDomain, account.EmailReasonTLD} {
			require.True(t, c.Has("signup.problem.email.invalid."+reason), "%s: email reason %s", lang, reason)
		}
		for _, reason := range []string{account.PhoneReasonPlus, account.PhoneReasonChars, account.PhoneReasonLength} {
			require.True(t, c.Has("signup.problem.phone.invalid."+reason), "%s: phone reason %s", lang, reason)
		}
		require.True(t, c.Has("err."+account.CodeAuthenticationFailed))
		for _, key := range []string{sim.WelcomeSubjectKey, sim.WelcomeBodyKey, sim.ResetSubjectKey, sim.ResetBodyKey,
			sim.ResetDoneSubject, sim.ResetDoneBody, sim.SignUpSMSKey, sim.SignUpCallKey} {
			require.True(t, c.Has(key), "%s: %s", lang, key)
		}
		for _, status := range []string{sim.CallRinging, sim.CallVerified, sim.CallFailed, sim.CallDeclined} {
			require.True(t, c.Has("devices.call.status."+status))
		}
		for _, reason := range []string{sim.ResetLinkUnknown, sim.ResetLinkExpired, sim.ResetLinkUsed} {
			require.True(t, c.Has("signin.reset.link."+reason))
		}
	}
	require.Equal(t, "인증 정보가 정확하지 않습니다. 다시 시도하세요.", i18n.For(i18n.KO).Err(awsAuthFailed()))
	require.Equal(t, "Your authentication information is incorrect. Please try again.", i18n.For(i18n.EN).Err(awsAuthFailed()))
}

func awsAuthFailed() error {
	_, err := sim.World{}.CheckRootPassword("x@example.com", "y")
	return err
}

func TestKoreanLabelsFollowTheTextbookScreenByScreen(t *testing.T) {
	screens := suKorean(t)
	// The textbook's strings, screen by screen (../shared/seed, "AWS에 가입").
	want := map[string][]string{
		"1": {"AWS에 가입", "이메일 주소", "이 이메일 주소를 사용하여 새 AWS 계정에 로그인합니다.", "암호", "암호 확인",
			"AWS 계정 이름", "계정의 이름을 선택합니다. 이름은 가입 후 계정 설정에서 변경할 수 있습니다.", "계속(1/5단계)",
			"기존 AWS 계정에 로그인", "새로운 AWS 계정으로 프리 티어 제품을 살펴보세요.", "자세히 알아보려면 aws.amazon.com/free를 방문하세요."},
		"2": {"AWS에 가입", "프리 티어 혜택", "모든 AWS 계정은 사용하는 제품에 따라 3가지 유형의 무료 혜택을 탐색할 수 있습니다.",
			"항상 무료", "만료되지 않음", "12개월 무료", "최초 가입 날짜부터 시작", "평가판", "서비스 활성화 날짜부터 시작",
			"연락처 정보", "AWS를 어떻게 사용할 계획이신가요?", "비즈니스 – 업무, 학교 또는 조직의 경우", "개인 – 자체 프로젝트의 경우",
			"이 계정에 대해 누구에게 문의해야 하나요?", "전체 이름", "전화 번호", "국가 코드와 전화 번호를 입력합니다.",
			"국가 또는 리전", "주소", "시", "시, 도 또는 리전", "우편 번호", "AWS 고객 계약", "동의", "계속(2/5단계)"},
		"3":    {"AWS에 가입", "결제 정보", "확인 및 계속(3/5단계)", "확인 요금을 승인하기 위해 은행의 웹 사이트로 리디렉션"},
		"bank": {"확인 요금 승인", "1.00 USD"},
		"4": {"AWS에 가입", "자격 증명 확인", "AWS 계정을 사용하려면 먼저 전화번호를 확인해야 합니다. 계속하면 AWS 자동 시스템이 확인 코드 전송을 위해 연락합니다.",
			"확인 코드를 어떻게 보내 드릴까요?", "문자 메시지(SMS)", "음성 통화", "국가 또는 리전 코드", "대한민국 (+82)",
			"휴대전화 번호", "보안 검사", "위에 보이는 문자를 입력하세요.", "SMS 전송(4/5단계)"},
		"4sms":  {"확인 코드", "계속(4/5단계)"},
		"phone": {"가상 휴대폰", "받은 편지함", "메시지"},
		"5": {"AWS에 가입", "Support 플랜 선택",
			"비즈니스 또는 개인 계정에 대한 Support 플랜을 선택합니다. 플랜 및 요금 예시를 비교해 보세요. 언제든지 AWS Management Console에서 플랜을 변경할 수 있습니다.",
			"기본 지원 - 무료", "AWS를 처음 시작하는 신규 사용자에게 권장", "AWS 리소스에 대한 연중무휴 24시간 셀프 서비스 액세스",
			"계정 및 청구 문제 전용", "Personal Health Dashboard 및 Trusted Advisor에 대한 액세스",
			"개발자 지원 시작가는 29 USD/월", "AWS를 체험해보는 개발자에게 권장", "업무 시간 중 AWS Support에 대한 이메일 액세스",
			"12시간(업무시간기준) 이내의 응답시간", "비즈니스 지원 시작가는 100 USD/월", "AWS 기반 프로덕션 워크로드 실행에 추천",
			"이메일, 전화 및 채팅을 통한 연중무휴 24시간 기술 지원", "1시간 이내의 응답 시간", "Trusted Advisor 모범 사례 권장 사항 전체 세트",
			"엔터프라이즈 수준의 지원이 필요하신가요?",
			"최저 월 15,000 USD로 15분 이내에 응답을 받을 수 있으며 기술 지원 관리자가 배정된 컨시어지스타일의 서비스를 이용할 수 있습니다.",
			"가입 완료"},
		"done": {"축하합니다.", "AWS에 가입해 주셔서 감사합니다.",
			"계정을 활성화하는 중입니다. 이 작업은 몇 분 밖에 걸리지 않습니다. 이 작업이 완료되면 이메일을 받게 됩니다.",
			"AWS Management Console로 이동", "다른 계정에 가입", "영업 팀에 문의하세요."},
	}
	for screen, strs := range want {
		m, ok := screens[screen]
		require.True(t, ok, screen)
		for _, s := range strs {
			require.True(t, suText(m, s), "screen %s does not show %q", screen, s)
		}
	}
	require.Equal(t, "#/signup/done", screens["done"].UI.Route)
	require.Len(t, screens["done"].World.Accounts, 1)
}

func TestKoreanSignInLabels(t *testing.T) {
	m := suStart(t, map[string]string{"world": "signed-up", "lang": "ko"})
	m = send(m, Navigate{Now: t0, Hash: "#/signin"})
	for _, s := range []string{"로그인", "루트 사용자", "무제한 액세스 권한이 필요한 작업을 수행하는 계정 소유자", "IAM 사용자",
		"일일 작업을 수행하는 계정 내 사용자", "루트 사용자 이메일 주소", "다음"} {
		require.True(t, suText(m, s), s)
	}
	m = suCheck(t, m, "radio", "IAM 사용자", true)
	find(t, m, "textbox", "계정 ID(12자리) 또는 계정 별칭")
	find(t, m, "textbox", "IAM 사용자 이름")
	find(t, m, "textbox", "암호")
	m = suCheck(t, m, "radio", "루트 사용자", true)
	m = suSubmit(t, suType(t, m, "textbox", "루트 사용자 이메일 주소", sim.DemoEmail), "다음")
	m = suSubmit(t, suType(t, m, "textbox", "암호", "Wrong-Pass-1"), "로그인")
	require.True(t, suText(m, "인증 실패"))
	require.True(t, suText(m, "인증 정보가 정확하지 않습니다. 다시 시도하세요."))
	find(t, m, "link", "암호를 잊으셨나요?")
}

func TestEverySignUpScreenUsesTheCatalogs(t *testing.T) {
	for name, m := range suAllScreens(t) {
		t.Run(name, func(t *testing.T) {
			checkPseudo(t, suInLang(m, i18n.Pseudo))
			// Both languages have every string (no "[key]" gaps).
			for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
				html := ui.HTML(View(suInLang(m, l)))
				require.NotContains(t, html, "[signup.", name)
				require.NotContains(t, html, "[signin.", name)
				require.NotContains(t, html, "[devices.", name)
				require.NotContains(t, html, "[mail.", name)
			}
		})
	}
}

func TestEveryControlHasALabel(t *testing.T) {
	for name, m := range suAllScreens(t) {
		root := View(m)
		root.Walk(func(n ui.Node) bool {
			switch n.Tag {
			case "input", "select", "textarea":
				if typ, _ := n.Attr("type"); typ == "hidden" {
					return true
				}
				require.NotEmpty(t, ui.Name(root, n), "%s: %s %v has no accessible name", name, n.Tag, n.Attrs)
			case "button", "a", "img":
				require.NotEmpty(t, ui.Name(root, n), "%s: %s %v has no accessible name", name, n.Tag, n.Attrs)
			}
			return true
		})
	}
}

func TestSecretsAreNeverInTheSavedStateOrTheExport(t *testing.T) {
	for name, m := range suAllScreens(t) {
		saved, err := m.Encode(m.Revision)
		require.NoError(t, err)
		for _, secret := range []string{suPass, "4111 1111 1111 1111", "4111111111111111", sim.DemoPassword, "Wrong-1-pass"} {
			require.NotContains(t, saved, secret, "%s: the saved state holds a secret", name)
		}
		_, fx := Update(m, Click{Now: t0, Action: "export"})
		for _, d := range effectsOf[Download](fx) {
			require.NotContains(t, d.Data, suPass, name)
			require.NotContains(t, d.Data, "4111111111111111", name)
		}
		require.False(t, strings.Contains(ct.Diagnostics(m, ""), suPass), name)
	}
}
