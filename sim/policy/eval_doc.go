// Package policy evaluates IAM identity-based policies: Compile turns a
// parsed Document into a Compiled policy once, and Evaluate (or an
// Evaluator, which allocates nothing) decides many requests against a
// user's policies.
//
// # Evaluation
//
// A request is explicitly denied when any Deny statement of any policy
// matches it; otherwise allowed when any Allow statement matches it;
// otherwise implicitly denied (IAM User Guide, "Policy evaluation logic").
// A statement matches when its Action (or NotAction), its Resource (or
// NotResource) and every one of its conditions match. Result.Matched lists
// the Deny statements that matched for ExplicitlyDenied, the Allow
// statements that matched for Allowed, and nothing for ImplicitlyDenied.
//
// Evaluate reads only the policies. Authorize adds the root rule: the
// root user of an account ("arn:aws:iam::123456789012:root", see
// IsRootARN) is always allowed, without reading any policy.
//
// The request context is used exactly as given: Evaluate adds no keys.
// Policy variables read it too (${aws:username} is the context key
// "aws:username").
//
// # Matching Action and Resource
//
//	element              case                    '*'                          '?'             variables
//	Action, NotAction    ignored (ASCII letters) any run, crosses ':'         one character   no (literal)
//	Resource,NotResource significant             any run, crosses ':' and '/' one character   yes
//	StringLike values    significant             any run                      one character   yes
//	ArnLike, ArnEquals   significant             within one of the 6 parts    one character   yes
//
// A Resource '*' crosses ARN colons: "arn:aws:iam::*" matches
// "arn:aws:iam::123456789012:user/Luna". The User Guide recommends
// wildcards within a segment but says a '*' that ends a segment can match
// beyond the colon; this package treats a Resource as one string, which
// gives that result and never rejects what AWS would match. The ARN
// condition operators, by contrast, split both ARNs into their six parts
// (arn, partition, service, region, account, resource; the resource keeps
// any further colons) and match each part separately, so there a '*'
// never crosses a colon. Matching is linear in practice and
// O(len(pattern) × len(text)) at worst; no regular expressions are used.
// Each Compiled indexes its statements by the service prefix of their
// actions, so a request only tests the statements that can apply to it.
//
// # Conditions
//
// Operators in a Condition block, and keys under one operator, are ANDed;
// the values of one key are ORed, and for negated operators (StringNot…,
// NumericNotEquals, DateNotEquals, NotIpAddress, ArnNot…) NORed: a negated
// operator is exactly the negation of its positive twin. Condition key
// names match ignoring ASCII case; operator names are case-sensitive, as
// IAM rejects "stringEquals".
//
//	key in request    plain op   negated op   …IfExists   ForAnyValue:   ForAllValues:   Null "true"/"false"
//	missing or []     false      true         true        false          true            true / false
//	one value v       op(v)      !op(v)       as plain    op(v)*         op(v)*          false / true
//	values v1…vn      any op(vi) no op(vi)    as plain    any op*(vi)    every op*(vi)   false / true
//
// op*(v) is op(v) for positive operators and !op(v) for negated ones, so
// ForAllValues:StringNotEquals means "every request value differs from
// every policy value". Set qualifiers on Null are ignored; NullIfExists is
// not an operator.
//
// # Decisions where AWS documents nothing
//
//	case                                   decision
//	malformed policy value                 Compile accepts it; the value matches no request value.
//	  (NumericEquals "abc", Date "soon",   Negated operators stay the negation of their twin, so
//	  IpAddress "1.2.3", Bool "yes",       NumericNotEquals "abc" is true for any present key.
//	  BinaryEquals "!!", Null "maybe")     Validation, not evaluation, reports such values.
//	malformed request value                matches no policy value: IpAddress false, NotIpAddress
//	  (aws:SourceIp "garbage")             true (the "Deny by source IP" example then denies).
//	numbers                                [+-]digits[.digits][e[+-]digits] (".5" too); no hex,
//	                                       Inf, NaN, spaces; compared as float64.
//	dates                                  epoch seconds (a run of up to 12 digits, optional '-';
//	                                       so "20240101" is epoch seconds), ISO 8601 extended
//	                                       YYYY-MM-DD[Thh:mm[:ss[.fffffffff]]] and basic
//	                                       YYYYMMDDThhmm[ss[.f]], zone Z, ±hh:mm, ±hhmm or ±hh;
//	                                       no zone is UTC; a plain date is midnight UTC.
//	Bool                                   "true"/"false" ignoring case; JSON true/false in the
//	                                       policy are the same.
//	BinaryEquals                           standard base64, padded or not, compared as bytes.
//	IpAddress                              IPv4 or IPv6 CIDR, or a plain address (one address);
//	                                       host bits ignored; IPv4-mapped IPv6 read as IPv4; a
//	                                       request address with an IPv6 zone never matches.
//	ARN value with fewer than 5 colons     matched as one wildcard string against the whole
//	                                       request value (so ArnLike "*" matches anything).
//	ArnEquals versus ArnLike               identical: both take wildcards, per the User Guide.
//	unknown operator                       Compile error, unless its block is {} (then ignored,
//	                                       as IAM accepts it).
//	policy key with an empty array         positive operators false, negated true.
//	request key with value ""              present, with one value: the empty string (only an
//	                                       empty list counts as absent).
//	CLI context numbers and booleans       "labsim policy eval" passes a JSON number as its
//	                                       literal text (3600 → "3600", 1.50 → "1.50") and a
//	                                       boolean as "true"/"false"; null or an object is an
//	                                       error for that case.
//	duplicate JSON keys                    the last one wins, everywhere.
//	context keys differing only in case    the exact spelling, else the lexically smallest.
//	StringEqualsIgnoreCase                 Unicode simple case folding (strings.EqualFold).
//	request Resource ""                    matched as the empty string: "*" matches it.
//	Action or Resource []                  matches nothing (NotAction [] matches everything).
//	Effect                                 exactly "Allow" or "Deny", else a Compile error.
//	Principal in an identity policy        ignored (validation reports it).
//
// # Policy variables
//
// Under "Version": "2012-10-17" only (with "2008-10-17", no Version or any
// other text, ${…} stays literal), in Resource, NotResource and the values
// of String and ARN condition operators (elsewhere literal):
//
//	${key}           the single value of context key "key" (any key:
//	                 aws:username, aws:userid, aws:PrincipalTag/team, …)
//	${key, 'text'}   the same, or text when the key cannot be resolved
//	${*} ${?} ${$}   a literal '*', '?' or '$' (not a wildcard)
//
// A variable whose key is missing, or has no value or several values, and
// has no default, makes that one pattern or value match nothing; so a
// NotResource or a negated operator holding it is then true. A substituted
// value is literal text: a '*' in a user's tag value is not a wildcard. A
// "${" that does not form a variable (no closing brace, empty key) is
// literal text.
package policy
