package account

import "strings"

// How the account will be used (the "How do you plan to use AWS?" radio).
const (
	UsageBusiness = "business"
	UsagePersonal = "personal"
)

// Contact field limits, in characters (Account Management API
// ContactInformation).
const (
	MaxFullNameLength         = 50
	MaxOrganizationNameLength = 50
	MaxAddressLineLength      = 60
	MaxCityLength             = 50
	MaxStateLength            = 50
	MaxPostalCodeLength       = 20
)

// stateRequired lists the countries whose addresses need a state, province
// or region.
var stateRequired = map[string]bool{"US": true, "CA": true, "GB": true, "DE": true, "JP": true, "IN": true, "BR": true}

// StateRequired reports whether addresses in the country (ISO alpha-2, any
// case) must name a state, province or region.
func StateRequired(country string) bool { return stateRequired[strings.ToUpper(Clean(country))] }

// Address is a postal address as typed on the contact and billing pages.
type Address struct {
	Country       string // ISO 3166-1 alpha-2
	Line1         string
	Line2         string // optional
	City          string
	StateOrRegion string // required in StateRequired countries
	PostalCode    string
}

// ContactInput is step 2 of 5, contact information.
type ContactInput struct {
	Usage            string // UsageBusiness or UsagePersonal
	OrganizationName string // required for UsageBusiness, ignored otherwise
	FullName         string
	Phone            string // with "+" and calling code, e.g. "+82 10-1234-5678"
	Address          Address
	Agreed           bool // the AWS Customer Agreement checkbox
}

var (
	fullNameRule = textRule{field: FieldFullName, required: true, max: MaxFullNameLength, tooLong: CodeFullNameTooLong}
	orgNameRule  = textRule{field: FieldOrganizationName, required: true, max: MaxOrganizationNameLength, tooLong: CodeOrganizationTooLong}
	line1Rule    = textRule{field: FieldAddressLine1, required: true, max: MaxAddressLineLength, tooLong: CodeAddressTooLong, latin: true}
	line2Rule    = textRule{field: FieldAddressLine2, max: MaxAddressLineLength, tooLong: CodeAddressTooLong, latin: true}
	cityRule     = textRule{field: FieldCity, required: true, max: MaxCityLength, tooLong: CodeCityTooLong, latin: true}
	postalRule   = textRule{field: FieldPostalCode, required: true, max: MaxPostalCodeLength, tooLong: CodePostalTooLong, latin: true}
)

// ValidateContact checks step 2 of 5 in page order: usage, full name,
// organization name (business only), phone, then the address, then the
// agreement checkbox. Address text must be in Latin script (the textbook
// asks for the address in English); names may use any script.
func ValidateContact(in ContactInput) []Problem {
	var problems []Problem
	switch in.Usage {
	case UsageBusiness, UsagePersonal:
	case "":
		problems = append(problems, problem(FieldUsage, CodeRequired))
	default:
		problems = append(problems, problem(FieldUsage, CodeChoiceInvalid))
	}
	problems = fullNameRule.appendCheck(problems, in.FullName)
	if in.Usage == UsageBusiness {
		problems = orgNameRule.appendCheck(problems, in.OrganizationName)
	}
	if p, bad := contactPhoneProblem(in.Phone); bad {
		problems = append(problems, p)
	}
	problems = append(problems, ValidateAddress(in.Address)...)
	if !in.Agreed {
		problems = append(problems, problem(FieldAgreement, CodeAgreementRequired))
	}
	return problems
}

// ValidateAddress checks an address in page order: country, line 1, line 2,
// city, state/province/region, postal code.
func ValidateAddress(a Address) []Problem {
	var problems []Problem
	country := strings.ToUpper(Clean(a.Country))
	switch _, ok := CountryByCode(country); {
	case country == "":
		problems = append(problems, problem(FieldCountry, CodeRequired))
	case !ok:
		problems = append(problems, problem(FieldCountry, CodeCountryUnknown))
	}
	problems = line1Rule.appendCheck(problems, a.Line1)
	problems = line2Rule.appendCheck(problems, a.Line2)
	problems = cityRule.appendCheck(problems, a.City)
	stateRule := textRule{field: FieldStateOrRegion, required: StateRequired(country),
		max: MaxStateLength, tooLong: CodeStateTooLong, latin: true}
	problems = stateRule.appendCheck(problems, a.StateOrRegion)
	if p, bad := postalRule.check(a.PostalCode); bad {
		problems = append(problems, p)
	} else if c := firstBadPostalChar(Clean(a.PostalCode)); c != "" {
		problems = append(problems, problem(FieldPostalCode, CodePostalInvalid, "char", c))
	}
	return problems
}

// firstBadPostalChar returns the first character that is not an ASCII
// letter, digit, space or hyphen.
func firstBadPostalChar(s string) string {
	for _, r := range s {
		if r > 0x7F || (!isASCIILetter(byte(r)) && !isDigit(byte(r)) && r != ' ' && r != '-') {
			return string(r)
		}
	}
	return ""
}
