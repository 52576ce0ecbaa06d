package lab

import (
	"strconv"
	"strings"
)

// Describe returns the line the guide shows for a check in lang: the
// check's label when the lab file gives one, or a sentence made from its
// kind and fields. It names what must be true, never how to do it.
func (c *Check) Describe(lang string) string {
	if c.Label.Ko != "" {
		return c.Label.In(lang)
	}
	en := lang == "en"
	pick := func(ko, enText string) string {
		if en {
			return enText
		}
		return ko
	}
	switch c.Kind {
	case KindAccountCreated:
		return pick("AWS 계정을 만들었습니다", "An AWS account was created")
	case KindSupportPlan:
		return pick("계정의 Support 플랜: "+planName(c.Plan, false), "The account's support plan: "+planName(c.Plan, true))
	case KindSignedIn:
		if c.As == AsRoot {
			return pick("루트 사용자로 로그인했습니다", "Signed in as the root user")
		}
		return pick("IAM 사용자 "+c.User+"(으)로 로그인했습니다", "Signed in as the IAM user "+c.User)
	case KindRootMFAEnabled:
		return pick("루트 사용자에게 MFA 디바이스가 할당되었습니다", "The root user has an MFA device")
	case KindMFASignInDone:
		if c.User == "" {
			return pick("루트 사용자로 MFA 코드를 입력해 로그인했습니다", "Signed in as the root user with an MFA code")
		}
		return pick(c.User+"(으)로 MFA 코드를 입력해 로그인했습니다", "Signed in as "+c.User+" with an MFA code")
	case KindUserExists:
		var ko, enText strings.Builder
		ko.WriteString("IAM 사용자 " + c.Name + "이(가) 있습니다")
		enText.WriteString("The IAM user " + c.Name + " exists")
		if c.ConsoleAccess != nil {
			if *c.ConsoleAccess {
				ko.WriteString(", 콘솔 액세스 있음")
				enText.WriteString(", with console access")
			} else {
				ko.WriteString(", 콘솔 액세스 없음")
				enText.WriteString(", without console access")
			}
		}
		if c.MustChangePassword != nil {
			if *c.MustChangePassword {
				ko.WriteString(", 다음 로그인 시 새 암호 필요")
				enText.WriteString(", who must create a new password at next sign-in")
			} else {
				ko.WriteString(", 암호 변경 요구 없음")
				enText.WriteString(", who need not change the password")
			}
		}
		return pick(ko.String(), enText.String())
	case KindGroupExists:
		return pick("IAM 그룹 "+c.Name+"이(가) 있습니다", "The IAM group "+c.Name+" exists")
	case KindUserInGroup:
		return pick(c.User+"이(가) "+c.Group+" 그룹의 멤버입니다", c.User+" is a member of the group "+c.Group)
	case KindPolicyAttached:
		if c.ToKind == "group" {
			return pick(c.To+" 그룹에 "+c.Policy+" 정책이 연결되었습니다", c.Policy+" is attached to the group "+c.To)
		}
		return pick(c.To+" 사용자에게 "+c.Policy+" 정책이 연결되었습니다", c.Policy+" is attached to the user "+c.To)
	case KindCustomerPolicyExists:
		n := len(c.Allows) + len(c.Denies)
		if n == 0 {
			return pick("고객 관리형 정책 "+c.Name+"이(가) 있습니다", "The customer managed policy "+c.Name+" exists")
		}
		return pick("고객 관리형 정책 "+c.Name+"이(가) 있고 시험 요청 "+strconv.Itoa(n)+"개를 요구대로 결정합니다",
			"The customer managed policy "+c.Name+" exists and decides "+strconv.Itoa(n)+" test requests as required")
	case KindPolicyDecision:
		return pick(c.Principal+"의 "+c.Request.Action+" 요청: "+decisionName(c.Expect, false),
			c.Principal+"'s "+c.Request.Action+" request: "+decisionName(c.Expect, true))
	case KindEvent:
		who := c.Principal
		if who == "" {
			who = pick("누군가", "someone")
		}
		if c.SourceOutside.IsValid() {
			who += pick(" ("+c.SourceOutside.String()+" 밖에서)", " (from outside "+c.SourceOutside.String()+")")
		}
		if c.Decision == "" {
			return pick(who+"이(가) "+c.Action+" 을(를) 시도했습니다", who+" tried "+c.Action)
		}
		return pick(who+"의 "+c.Action+" 시도: "+decisionName(c.Decision, false),
			who+" tried "+c.Action+": "+decisionName(c.Decision, true))
	case KindQuiz:
		return c.Question.In(lang).Plain()
	}
	return string(c.Kind)
}

func planName(id string, en bool) string {
	var ko, enName string
	switch strings.ToLower(id) {
	case "basic":
		ko, enName = "기본 지원", "Basic support"
	case "developer":
		ko, enName = "개발자 지원", "Developer support"
	case "business":
		ko, enName = "비즈니스 지원", "Business support"
	default:
		return id
	}
	if en {
		return enName
	}
	return ko
}

func decisionName(d string, en bool) string {
	var ko, enName string
	switch d {
	case DecisionAllowed:
		ko, enName = "허용됨", "allowed"
	case DecisionImplicitlyDenied:
		ko, enName = "암시적으로 거부됨", "implicitly denied"
	case DecisionExplicitlyDenied:
		ko, enName = "명시적으로 거부됨", "explicitly denied"
	case DecisionDenied:
		ko, enName = "거부됨", "denied"
	default:
		return d
	}
	if en {
		return enName
	}
	return ko
}
