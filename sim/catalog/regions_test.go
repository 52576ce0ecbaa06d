package catalog

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRegionsEnglishNames(t *testing.T) {
	// aws-console.md section 10, commercial partition.
	want := map[string]string{
		"us-east-1": "US East (N. Virginia)", "us-east-2": "US East (Ohio)",
		"us-west-1": "US West (N. California)", "us-west-2": "US West (Oregon)",
		"af-south-1": "Africa (Cape Town)", "ap-east-1": "Asia Pacific (Hong Kong)",
		"ap-east-2": "Asia Pacific (Taipei)", "ap-northeast-1": "Asia Pacific (Tokyo)",
		"ap-northeast-2": "Asia Pacific (Seoul)", "ap-northeast-3": "Asia Pacific (Osaka)",
		"ap-south-1": "Asia Pacific (Mumbai)", "ap-south-2": "Asia Pacific (Hyderabad)",
		"ap-southeast-1": "Asia Pacific (Singapore)", "ap-southeast-2": "Asia Pacific (Sydney)",
		"ap-southeast-3": "Asia Pacific (Jakarta)", "ap-southeast-4": "Asia Pacific (Melbourne)",
		"ap-southeast-5": "Asia Pacific (Malaysia)", "ap-southeast-6": "Asia Pacific (New Zealand)",
		"ap-southeast-7": "Asia Pacific (Thailand)", "ca-central-1": "Canada (Central)",
		"ca-west-1": "Canada West (Calgary)", "eu-central-1": "Europe (Frankfurt)",
		"eu-central-2": "Europe (Zurich)", "eu-north-1": "Europe (Stockholm)",
		"eu-south-1": "Europe (Milan)", "eu-south-2": "Europe (Spain)",
		"eu-west-1": "Europe (Ireland)", "eu-west-2": "Europe (London)",
		"eu-west-3": "Europe (Paris)", "il-central-1": "Israel (Tel Aviv)",
		"me-central-1": "Middle East (UAE)", "me-south-1": "Middle East (Bahrain)",
		"mx-central-1": "Mexico (Central)", "sa-east-1": "South America (São Paulo)",
	}
	list := Regions()
	require.Len(t, list, len(want))
	for _, r := range list {
		require.Equal(t, want[r.Code], r.Name, r.Code)
	}
}

func TestRegionsKoreanNames(t *testing.T) {
	// korean-console-labels.md section 4 (newer wording where two are given).
	tests := []struct{ code, name, short string }{
		{"us-east-1", "미국 동부(버지니아 북부)", "버지니아 북부"},
		{"us-east-2", "미국 동부(오하이오)", "오하이오"},
		{"us-west-1", "미국 서부(캘리포니아 북부)", "캘리포니아 북부"},
		{"us-west-2", "미국 서부(오레곤)", "오레곤"},
		{"ap-northeast-2", "아시아 태평양(서울)", "서울"},
		{"ap-northeast-1", "아시아 태평양(도쿄)", "도쿄"},
		{"ap-northeast-3", "아시아 태평양(오사카)", "오사카"},
		{"ap-southeast-1", "아시아 태평양(싱가포르)", "싱가포르"},
		{"ap-southeast-2", "아시아 태평양(시드니)", "시드니"},
		{"ap-south-1", "아시아 태평양(뭄바이)", "뭄바이"},
		{"ap-east-1", "아시아 태평양(홍콩)", "홍콩"},
		{"ca-central-1", "캐나다(중부)", "캐나다(중부)"},
		{"eu-central-1", "유럽(프랑크푸르트)", "프랑크푸르트"},
		{"eu-west-1", "유럽(아일랜드)", "아일랜드"},
		{"eu-west-2", "유럽(런던)", "런던"},
		{"eu-west-3", "유럽(파리)", "파리"},
		{"eu-north-1", "유럽(스톡홀름)", "스톡홀름"},
		{"eu-south-1", "유럽(밀라노)", "밀라노"},
		{"me-south-1", "중동(바레인)", "바레인"},
		{"af-south-1", "아프리카(케이프타운)", "케이프타운"},
		{"sa-east-1", "남아메리카(상파울루)", "상파울루"},
		{"ap-southeast-3", "아시아 태평양(자카르타)", "자카르타"},
	}
	for _, tt := range tests {
		r, ok := LookupRegion(tt.code)
		require.True(t, ok, tt.code)
		require.Equal(t, tt.name, r.NameKO, tt.code)
		require.Equal(t, tt.short, r.ShortNameKO, tt.code)
	}
}

func TestRegionsShape(t *testing.T) {
	list := Regions()
	seen := map[string]bool{}
	for i, r := range list {
		require.False(t, seen[r.Code], "duplicate %s", r.Code)
		seen[r.Code] = true
		for _, f := range []string{r.Name, r.NameKO, r.ShortName, r.ShortNameKO, r.Geography, r.GeographyKO} {
			require.NotEmpty(t, f, r.Code)
		}
		// Names are "Geography… (City)"; the short name is the city, or the
		// whole name where the city part alone would be ambiguous.
		require.True(t, strings.HasSuffix(r.Name, ")"), r.Code)
		require.True(t, strings.HasSuffix(r.Name, "("+r.ShortName+")") || r.ShortName == r.Name, r.Code)
		require.True(t, strings.HasSuffix(r.NameKO, "("+r.ShortNameKO+")") || r.ShortNameKO == r.NameKO, r.Code)
		require.NotContains(t, r.NameKO, " (", "Korean names have no space before the parenthesis: %s", r.Code)
		require.True(t, strings.HasPrefix(r.Name, r.Geography) || r.Geography == "United States", r.Code)
		require.True(t, strings.HasPrefix(r.NameKO, r.GeographyKO), r.Code)
		// Menu order: the United States first, then by name.
		if i > 0 && list[i-1].Geography != "United States" {
			require.Less(t, list[i-1].Name, r.Name)
		}
	}
	require.True(t, slices.IsSortedFunc(list[:4], func(a, b Region) int { return strings.Compare(a.Code, b.Code) }))
	def, ok := LookupRegion(DefaultRegion)
	require.True(t, ok)
	require.Equal(t, "Seoul", def.ShortName)
	require.Equal(t, "서울", def.ShortNameKO)
	require.False(t, def.OptIn)
	hk, _ := LookupRegion("ap-east-1")
	require.True(t, hk.OptIn)
	_, ok = LookupRegion("us-gov-west-1")
	require.False(t, ok)
	_, ok = LookupRegion("AP-NORTHEAST-2")
	require.False(t, ok, "region codes are lower case")
	list[0].Code = "changed"
	require.Equal(t, "us-east-1", Regions()[0].Code, "Regions must return a copy")
}
