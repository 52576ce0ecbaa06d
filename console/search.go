package console

import (
	"strings"

	"labsim/console/i18n"
)

// The top bar's unified search, as the console's: one field that finds
// services, features of the services (IAM's Users, MFA, Policies…) and
// documentation. Documentation here is the simulator's own pages (a
// service's description, the information pages, the Simulator page),
// never the internet: the simulator runs offline.

// searchHit is one result of the unified search.
type searchHit struct {
	// Group is "services", "features" or "docs".
	Group string
	// Title is the catalog key of the result's title, or the service's
	// name (Service) for services and service documentation.
	Title string
	// Name is the service name shown as is (English in both languages, as
	// at AWS), "" when Title is a catalog key.
	Name string
	// Desc is the catalog key of the line under the title.
	Desc string
	// Href is where the result leads (a route of this build).
	Href string
}

// feature is a page inside a service that the search finds by name.
type feature struct {
	// Service is the service's ID (Services).
	Service string
	// Title is the catalog key of the feature's name.
	Title string
	// Href is the feature's page.
	Href string
	// Keywords are extra terms, in English and Korean, that find it.
	Keywords string
}

// features are the pages of the services this build has, by the names a
// student would type. Every Href is a route of the registry (a test
// checks each one opens its page, not "Page not found").
var features = []feature{
	{"iam", "iam.nav.users", "#/iam/users", "users user iam 사용자 유저"},
	{"iam", "search.f.createUser", "#/iam/users/create", "create add new user 사용자 생성 추가 만들기"},
	{"iam", "iam.nav.groups", "#/iam/groups", "groups group user groups 그룹 사용자 그룹"},
	{"iam", "iam.nav.roles", "#/iam/roles", "roles role 역할"},
	{"iam", "iam.nav.policies", "#/iam/policies", "policies policy permissions json 정책 권한"},
	{"iam", "search.f.createPolicy", "#/iam/policies/create", "create new policy json editor 정책 생성 만들기"},
	{"iam", "iam.nav.providers", "#/iam/providers", "identity providers saml oidc federation 자격 증명 공급자"},
	{"iam", "iam.nav.settings", "#/iam/settings", "account settings password policy 계정 설정 암호 정책"},
	{"iam", "search.f.alias", "#/iam", "account alias sign-in url dashboard 계정 별칭 로그인 대시보드"},
	{"iam", "account.credentials", "#/security-credentials", "my security credentials root password 내 보안 자격 증명 암호 비밀번호"},
	{"iam", "search.f.mfa", "#/security-credentials/section/mfa", "mfa multi-factor authentication otp totp authenticator 멀티 팩터 인증 다중 인증"},
	{"iam", "search.f.accessKeys", "#/security-credentials/section/keys", "access keys access key secret cli 액세스 키 비밀"},
	{"policysim", "search.f.simulate", "#/policysim", "simulate test permissions policy simulator 정책 시뮬레이터 권한 테스트"},
	{"vpc", "vpc.nav.vpcs", "#/vpc", "vpcs vpc network 네트워크"},
	{"vpc", "vpc.nav.subnets", "#/vpc/subnets", "subnets subnet availability zone 서브넷 가용 영역"},
	{"vpc", "vpc.nav.routeTables", "#/vpc/route-tables", "route tables routing 라우팅 테이블"},
	{"vpc", "vpc.nav.igws", "#/vpc/internet-gateways", "internet gateways igw 인터넷 게이트웨이"},
	{"vpc", "vpc.nav.acls", "#/vpc/network-acls", "network acls nacl 네트워크"},
	{"vpc", "vpc.nav.sgs", "#/vpc/security-groups", "security groups firewall 보안 그룹 방화벽"},
	{"ec2", "ec2.nav.instances", "#/ec2", "instances instance server 인스턴스 서버"},
	{"s3", "s3.nav.buckets", "#/s3", "buckets bucket object 버킷 객체"},
}

// notSimulated are the feature pages that only say their feature is not
// simulated (the search finds them, as AWS's does; a service's page does
// not list them among what the build has).
var notSimulated = map[string]bool{"#/iam/roles": true, "#/iam/providers": true}

// searchDocs are the simulator's documentation pages beside the services'
// descriptions (which every service has at #/services/<id>).
var searchDocs = []struct{ Title, Href, Keywords string }{
	{"simulator.title", "#/simulator", "labsim simulator help prepared worlds reset export import 시뮬레이터 도움말 준비된 환경 초기화 내보내기"},
	{"info.account.title", "#/info/account", "account contact close 계정"},
	{"info.organization.title", "#/info/organization", "organizations organization scp 조직"},
	{"info.quotas.title", "#/info/quotas", "service quotas limits 서비스 할당량 한도"},
	{"info.billing.title", "#/info/billing", "billing cost free tier invoice 결제 비용 프리 티어 요금"},
	{"info.settings.title", "#/info/settings", "settings language region unified settings 설정 언어 리전"},
	{"info.support-plans.title", "#/info/support-plans", "support plans basic developer business enterprise 지원 플랜"},
}

// searchLimit is how many results of one group the search lists.
const searchLimit = 6

// singular is an English plural's singular ("policies" → "policy",
// "users" → "user"), so that both find a result; other words are
// returned as they are.
func singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// searchHits returns the results for a query, grouped and in display
// order: services, then features, then documentation, at most
// searchLimit of each. Every word of the query must occur, ignoring case,
// in a result's name (in the catalog's language and in English) or its
// keywords. An empty query finds nothing.
func searchHits(c i18n.Catalog, query string) []searchHit {
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 {
		return nil
	}
	match := func(parts ...string) bool {
		hay := strings.ToLower(strings.Join(parts, " "))
		for _, w := range words {
			if !strings.Contains(hay, w) && !strings.Contains(hay, singular(w)) {
				return false
			}
		}
		return true
	}
	var svc, feat, docs []searchHit
	for _, cat := range Categories {
		for _, s := range Services {
			if s.Category == cat && len(svc) < searchLimit && match(s.Name, s.FullName, s.Keywords) {
				svc = append(svc, searchHit{Group: "services", Name: s.Name, Desc: "svc." + s.ID + ".short", Href: serviceHref(s)})
			}
		}
	}
	for _, f := range features {
		s, _ := ServiceByID(f.Service)
		if len(feat) < searchLimit && match(c.T(f.Title), f.Keywords, s.Name) {
			feat = append(feat, searchHit{Group: "features", Title: f.Title, Name: s.Name, Href: f.Href})
		}
	}
	for _, s := range Services {
		if len(docs) < searchLimit && match(s.Name, s.FullName, s.Keywords, "documentation guide docs 설명서 안내") {
			docs = append(docs, searchHit{Group: "docs", Title: "search.doc.service", Name: s.Name, Href: "#/services/" + s.ID})
		}
	}
	for _, d := range searchDocs {
		if len(docs) < searchLimit && match(c.T(d.Title), d.Keywords, "documentation guide docs 설명서 안내") {
			docs = append(docs, searchHit{Group: "docs", Title: d.Title, Href: d.Href})
		}
	}
	return append(append(svc, feat...), docs...)
}
