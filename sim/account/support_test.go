package account

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSupportPlans(t *testing.T) {
	plans := SupportPlans()
	require.Len(t, plans, 3)
	tests := []struct {
		id, headKO, headEN string
		from, bullets      int
	}{
		{PlanBasic, "기본 지원 - 무료", "Basic support - Free", 0, 4},
		{PlanDeveloper, "개발자 지원 시작가는 29 USD/월", "Developer support - From $29/month", 29, 3},
		{PlanBusiness, "비즈니스 지원 시작가는 100 USD/월", "Business support - From $100/month", 100, 4},
	}
	for i, tt := range tests {
		p := plans[i]
		require.Equal(t, tt.id, p.ID)
		require.Equal(t, tt.headKO, p.Heading.KO)
		require.Equal(t, tt.headEN, p.Heading.EN)
		require.Equal(t, tt.from, p.FromUSD)
		require.Len(t, p.Bullets, tt.bullets)
		for _, b := range p.Bullets {
			require.NotEmpty(t, b.EN)
			require.NotEmpty(t, b.KO)
		}
		got, ok := SupportPlanByID(tt.id)
		require.True(t, ok)
		require.Equal(t, p, got)
	}
	require.True(t, plans[0].Recommended)
	require.Equal(t, "AWS를 처음 시작하는 신규 사용자에게 권장", plans[0].Bullets[0].KO)
	require.Equal(t, "12시간(업무시간기준) 이내의 응답시간", plans[1].Bullets[2].KO)
	require.Equal(t, "Trusted Advisor 모범 사례 권장 사항 전체 세트", plans[2].Bullets[3].KO)

	plans[0].Bullets[0].KO = "changed"
	require.NotEqual(t, "changed", SupportPlans()[0].Bullets[0].KO, "a fresh copy each call")

	e := Enterprise()
	require.Equal(t, 15000, e.FromUSD)
	require.Contains(t, e.Body.KO, "최저 월 15,000 USD")
	require.Contains(t, e.Body.EN, "$15,000")
}

func TestValidateSupportPlan(t *testing.T) {
	tests := []struct{ id, want string }{
		{PlanBasic, ""},
		{PlanDeveloper, ""},
		{PlanBusiness, ""},
		{"", "supportPlan:required"},
		{"enterprise", "supportPlan:choice.invalid"},
		{"Basic", "supportPlan:choice.invalid"},
	}
	for _, tt := range tests {
		got := codes(ValidateSupportPlan(tt.id))
		if tt.want == "" {
			require.Empty(t, got, tt.id)
		} else {
			require.Equal(t, []string{tt.want}, got, tt.id)
		}
	}
	_, ok := SupportPlanByID("enterprise")
	require.False(t, ok)
}
