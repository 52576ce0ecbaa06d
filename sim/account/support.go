package account

import "slices"

// Support plan IDs offered at sign-up (step 5 of 5).
const (
	PlanBasic     = "basic"
	PlanDeveloper = "developer"
	PlanBusiness  = "business"
)

// Text is a piece of console text in English and Korean.
type Text struct {
	EN string
	KO string
}

// SupportPlan is one card of the "Select a support plan" page.
type SupportPlan struct {
	ID          string
	Heading     Text   // name and price as the card's title, e.g. "기본 지원 - 무료"
	Name        Text   // the plan's name alone
	FromUSD     int    // lowest monthly price in US dollars; 0 = free
	Bullets     []Text // the card's bullet points, in order
	Recommended bool   // the plan the textbook tells learners to choose
}

// EnterpriseNote is the box below the plan cards that points to Enterprise
// support, which cannot be chosen at sign-up.
type EnterpriseNote struct {
	Title   Text
	Body    Text
	FromUSD int
}

// SupportPlans returns the three plans offered at sign-up, in page order.
// Korean text is the textbook's (line-wrap breaks of the scan rejoined);
// English follows AWS's sign-up page. The result is a fresh copy.
func SupportPlans() []SupportPlan {
	plans := []SupportPlan{
		{
			ID:          PlanBasic,
			Heading:     Text{"Basic support - Free", "기본 지원 - 무료"},
			Name:        Text{"Basic support", "기본 지원"},
			Recommended: true,
			Bullets: []Text{
				{"Recommended for new users just getting started with AWS", "AWS를 처음 시작하는 신규 사용자에게 권장"},
				{"24x7 self-service access to AWS resources", "AWS 리소스에 대한 연중무휴 24시간 셀프 서비스 액세스"},
				{"For account and billing issues only", "계정 및 청구 문제 전용"},
				{"Access to Personal Health Dashboard & Trusted Advisor", "Personal Health Dashboard 및 Trusted Advisor에 대한 액세스"},
			},
		},
		{
			ID:      PlanDeveloper,
			Heading: Text{"Developer support - From $29/month", "개발자 지원 시작가는 29 USD/월"},
			Name:    Text{"Developer support", "개발자 지원"},
			FromUSD: 29,
			Bullets: []Text{
				{"Recommended for developers experimenting with AWS", "AWS를 체험해보는 개발자에게 권장"},
				{"Email access to AWS Support during business hours", "업무 시간 중 AWS Support에 대한 이메일 액세스"},
				{"12 (business) hour response times", "12시간(업무시간기준) 이내의 응답시간"},
			},
		},
		{
			ID:      PlanBusiness,
			Heading: Text{"Business support - From $100/month", "비즈니스 지원 시작가는 100 USD/월"},
			Name:    Text{"Business support", "비즈니스 지원"},
			FromUSD: 100,
			Bullets: []Text{
				{"Recommended for running production workloads on AWS", "AWS 기반 프로덕션 워크로드 실행에 추천"},
				{"24x7 tech support via email, phone, and chat", "이메일, 전화 및 채팅을 통한 연중무휴 24시간 기술 지원"},
				{"1-hour response times", "1시간 이내의 응답 시간"},
				{"Full set of Trusted Advisor best-practice recommendations", "Trusted Advisor 모범 사례 권장 사항 전체 세트"},
			},
		},
	}
	return plans
}

// Enterprise returns the Enterprise support note shown below the plans.
func Enterprise() EnterpriseNote {
	return EnterpriseNote{
		Title: Text{"Need Enterprise level support?", "엔터프라이즈 수준의 지원이 필요하신가요?"},
		Body: Text{
			"From $15,000 a month you will receive 15-minute response times and concierge-style experience with an assigned Technical Account Manager.",
			"최저 월 15,000 USD로 15분 이내에 응답을 받을 수 있으며 기술 지원 관리자가 배정된 컨시어지스타일의 서비스를 이용할 수 있습니다.",
		},
		FromUSD: 15000,
	}
}

// SupportPlanByID returns the sign-up plan with the given ID.
func SupportPlanByID(id string) (SupportPlan, bool) {
	plans := SupportPlans()
	i := slices.IndexFunc(plans, func(p SupportPlan) bool { return p.ID == id })
	if i < 0 {
		return SupportPlan{}, false
	}
	return plans[i], true
}

// ValidateSupportPlan checks the plan chosen on step 5 of 5.
func ValidateSupportPlan(id string) []Problem {
	if id == "" {
		return []Problem{problem(FieldSupportPlan, CodeRequired)}
	}
	if _, ok := SupportPlanByID(id); !ok {
		return []Problem{problem(FieldSupportPlan, CodeChoiceInvalid)}
	}
	return nil
}
