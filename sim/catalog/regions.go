package catalog

// DefaultRegion is the region a new console session starts in.
const DefaultRegion = "ap-northeast-2"

// Region is a commercial AWS region with its console names.
type Region struct {
	Code        string // e.g. "ap-northeast-2"
	Name        string // English console name, e.g. "Asia Pacific (Seoul)"
	NameKO      string // Korean console name, e.g. "아시아 태평양(서울)"
	ShortName   string // what the English navigation bar shows, e.g. "Seoul"
	ShortNameKO string // what the Korean navigation bar shows, e.g. "서울"
	Geography   string // English group, e.g. "Asia Pacific"
	GeographyKO string // Korean group, e.g. "아시아 태평양"
	// OptIn marks regions launched after 2019-03-20, which an account must
	// enable before use; the console hides them until then.
	OptIn bool
}

// regions lists the commercial (aws partition) regions in the order of the
// console's region menu: the United States first, then the others by name.
var regions = []Region{
	{"us-east-1", "US East (N. Virginia)", "미국 동부(버지니아 북부)", "N. Virginia", "버지니아 북부", "United States", "미국", false},
	{"us-east-2", "US East (Ohio)", "미국 동부(오하이오)", "Ohio", "오하이오", "United States", "미국", false},
	{"us-west-1", "US West (N. California)", "미국 서부(캘리포니아 북부)", "N. California", "캘리포니아 북부", "United States", "미국", false},
	{"us-west-2", "US West (Oregon)", "미국 서부(오레곤)", "Oregon", "오레곤", "United States", "미국", false},
	{"af-south-1", "Africa (Cape Town)", "아프리카(케이프타운)", "Cape Town", "케이프타운", "Africa", "아프리카", true},
	{"ap-east-1", "Asia Pacific (Hong Kong)", "아시아 태평양(홍콩)", "Hong Kong", "홍콩", "Asia Pacific", "아시아 태평양", true},
	{"ap-south-2", "Asia Pacific (Hyderabad)", "아시아 태평양(하이데라바드)", "Hyderabad", "하이데라바드", "Asia Pacific", "아시아 태평양", true},
	{"ap-southeast-3", "Asia Pacific (Jakarta)", "아시아 태평양(자카르타)", "Jakarta", "자카르타", "Asia Pacific", "아시아 태평양", true},
	{"ap-southeast-5", "Asia Pacific (Malaysia)", "아시아 태평양(말레이시아)", "Malaysia", "말레이시아", "Asia Pacific", "아시아 태평양", true},
	{"ap-southeast-4", "Asia Pacific (Melbourne)", "아시아 태평양(멜버른)", "Melbourne", "멜버른", "Asia Pacific", "아시아 태평양", true},
	{"ap-south-1", "Asia Pacific (Mumbai)", "아시아 태평양(뭄바이)", "Mumbai", "뭄바이", "Asia Pacific", "아시아 태평양", false},
	{"ap-southeast-6", "Asia Pacific (New Zealand)", "아시아 태평양(뉴질랜드)", "New Zealand", "뉴질랜드", "Asia Pacific", "아시아 태평양", true},
	{"ap-northeast-3", "Asia Pacific (Osaka)", "아시아 태평양(오사카)", "Osaka", "오사카", "Asia Pacific", "아시아 태평양", false},
	{"ap-northeast-2", "Asia Pacific (Seoul)", "아시아 태평양(서울)", "Seoul", "서울", "Asia Pacific", "아시아 태평양", false},
	{"ap-southeast-1", "Asia Pacific (Singapore)", "아시아 태평양(싱가포르)", "Singapore", "싱가포르", "Asia Pacific", "아시아 태평양", false},
	{"ap-southeast-2", "Asia Pacific (Sydney)", "아시아 태평양(시드니)", "Sydney", "시드니", "Asia Pacific", "아시아 태평양", false},
	{"ap-east-2", "Asia Pacific (Taipei)", "아시아 태평양(타이베이)", "Taipei", "타이베이", "Asia Pacific", "아시아 태평양", true},
	{"ap-southeast-7", "Asia Pacific (Thailand)", "아시아 태평양(태국)", "Thailand", "태국", "Asia Pacific", "아시아 태평양", true},
	{"ap-northeast-1", "Asia Pacific (Tokyo)", "아시아 태평양(도쿄)", "Tokyo", "도쿄", "Asia Pacific", "아시아 태평양", false},
	{"ca-central-1", "Canada (Central)", "캐나다(중부)", "Canada (Central)", "캐나다(중부)", "Canada", "캐나다", false},
	{"ca-west-1", "Canada West (Calgary)", "캐나다 서부(캘거리)", "Calgary", "캘거리", "Canada", "캐나다", true},
	{"eu-central-1", "Europe (Frankfurt)", "유럽(프랑크푸르트)", "Frankfurt", "프랑크푸르트", "Europe", "유럽", false},
	{"eu-west-1", "Europe (Ireland)", "유럽(아일랜드)", "Ireland", "아일랜드", "Europe", "유럽", false},
	{"eu-west-2", "Europe (London)", "유럽(런던)", "London", "런던", "Europe", "유럽", false},
	{"eu-south-1", "Europe (Milan)", "유럽(밀라노)", "Milan", "밀라노", "Europe", "유럽", true},
	{"eu-west-3", "Europe (Paris)", "유럽(파리)", "Paris", "파리", "Europe", "유럽", false},
	{"eu-south-2", "Europe (Spain)", "유럽(스페인)", "Spain", "스페인", "Europe", "유럽", true},
	{"eu-north-1", "Europe (Stockholm)", "유럽(스톡홀름)", "Stockholm", "스톡홀름", "Europe", "유럽", false},
	{"eu-central-2", "Europe (Zurich)", "유럽(취리히)", "Zurich", "취리히", "Europe", "유럽", true},
	{"il-central-1", "Israel (Tel Aviv)", "이스라엘(텔아비브)", "Tel Aviv", "텔아비브", "Israel", "이스라엘", true},
	{"mx-central-1", "Mexico (Central)", "멕시코(중부)", "Mexico (Central)", "멕시코(중부)", "Mexico", "멕시코", true},
	{"me-south-1", "Middle East (Bahrain)", "중동(바레인)", "Bahrain", "바레인", "Middle East", "중동", true},
	{"me-central-1", "Middle East (UAE)", "중동(UAE)", "UAE", "UAE", "Middle East", "중동", true},
	{"sa-east-1", "South America (São Paulo)", "남아메리카(상파울루)", "São Paulo", "상파울루", "South America", "남아메리카", false},
}

// Regions returns the commercial regions in the console's menu order.
func Regions() []Region {
	return append([]Region(nil), regions...)
}

// LookupRegion returns the region with the given code, e.g. "us-east-1".
func LookupRegion(code string) (Region, bool) {
	for _, r := range regions {
		if r.Code == code {
			return r, true
		}
	}
	return Region{}, false
}
