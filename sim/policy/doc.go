// Package policy is the simulator's IAM policy language: a JSON parser
// that keeps positions and duplicate keys (Parse), IAM's acceptance of an
// identity policy with its exact MalformedPolicyDocument messages
// (CheckIAM), Access Analyzer-style findings in English and Korean
// (Validate), and evaluation (the eval*.go files).
//
// # Front half
//
//   - Parse(text) returns a *Document whose every value and key has a Span
//     (1-based line and rune column, 0-based byte offset), or a
//     *SyntaxError. The policy elements (Version, Statement, …) are filled
//     from the JSON tree.
//   - CheckIAM(doc, text, type) returns nil when IAM would accept the
//     document, else a *Malformed with IAM's error code, message and the
//     span of the offending element. Checks run in IAM's order (moto
//     policy_validation.py): characters, syntax, version, principal,
//     legacy parsing, unique Sids, actions present, resource format, action
//     format, resources present, then the size quota.
//   - Validate(doc, Options{Type, Actions}) returns Access Analyzer-style
//     findings. Actions is the action catalog (catalog.Actions) or nil
//     while it loads; the checks that need it are then skipped. A
//     Validator built once per catalog is cheaper for repeated calls.
//
// # Decisions where AWS documents nothing
//
// Each row is tested (decisions_test.go names the row).
//
//	D1  JSON is strict RFC 8259: no comments, trailing commas, byte order
//	    mark, NaN or single quotes; invalid UTF-8 is a syntax error; a lone
//	    \uD800-style surrogate escape decodes to U+FFFD (as encoding/json).
//	D2  Limits: nesting deeper than MaxDepth (64) or text longer than
//	    MaxInput (1 MiB) is a *SyntaxError; no input panics or recurses
//	    without bound.
//	D3  Lines end at LF, CR LF or a lone CR; columns count runes.
//	D4  Duplicate keys stay in the tree in order; policy elements take the
//	    last one (Value.Last), as JSON readers that overwrite do (terraform-
//	    provider-aws#33570 warns that duplicated Condition keys are
//	    overwritten). Validate reports each ignored earlier key as
//	    DUPLICATE_KEY, a WARNING of the simulator's own (Access Analyzer
//	    has no such check; the finding has no Learn more link).
//	D5  Size counts runes that are not Unicode white space, inside strings
//	    too (IAM "does not count white space").
//	D6  Characters outside tab, LF, CR and U+0020–U+00FF (and invalid
//	    UTF-8) are refused before anything else as the API parameter
//	    check does: code ValidationError, message "1 validation error
//	    detected: Value at 'policyDocument' failed to satisfy constraint:
//	    Member must satisfy regular expression pattern:
//	    [\u0009\u000A\u000D\u0020-\u00FF]+" (AWS echoes the value; the
//	    simulator leaves it out). An empty text gets the length message.
//	D7  "Policy document should not specify a principal." (Principal or
//	    NotPrincipal in an identity policy) comes after the version check
//	    and before legacy parsing.
//	D8  Condition values may be JSON strings, numbers or booleans, alone
//	    or in an array (real policies write "aws:SecureTransport": false);
//	    objects, null and nested arrays are "Syntax errors in policy.". In
//	    findings they are checked by their text; mixing JSON types in one
//	    array is INVALID_CONDITION_DATA_TYPE.
//	D9  The reported resource format error is the first offending resource
//	    in document order (Resource elements of all statements, then
//	    NotResource); an IAM ARN whose resource field is exactly "*"
//	    (arn:aws:iam::123456789012:*) is accepted, as the message says; the
//	    legacy colon check looks at the service field.
//	D10 The size quota (LimitExceeded) is checked last, after grammar.
//	    Messages: "Cannot exceed quota for PolicySize: 6144" (managed);
//	    "Maximum policy size of 2048 bytes exceeded for user" and "… 5120
//	    bytes exceeded for group", completed with the entity's name by
//	    Malformed.ForEntity. The quotas of inline policies apply to all of
//	    an entity's inline policies together; CheckIAM sees one document.
//	D11 JSON_SYNTAX_ERROR: index is the 0-based byte offset, line and column
//	    are 1-based (the same position the CLI prints).
//	D12 A finding about a missing element points at the opening brace of
//	    the object that lacks it. Findings are sorted by position.
//	D13 Element names, Effect values and condition operators are
//	    case-sensitive ("resource", "allow", "stringEquals" are reported);
//	    action prefixes and names and condition key names are not.
//	D14 With the catalog: an unknown service gives INVALID_SERVICE_IN_ACTION,
//	    an unknown name INVALID_ACTION; a wildcard name that matches no
//	    action of the service is INVALID_ACTION too. "Did you mean" offers the
//	    catalog name nearest by edit distance (ASCII case ignored) when the
//	    distance is at most 1 + len/4 and less than the length; on a tie the
//	    first in catalog order wins; with nothing close the sentence is left
//	    out ("The action athena:RunQuery does not exist.").
//	D15 An action without a vendor or with two colons is INVALID_ACTION. A
//	    partial wildcard in a service name (actions "s3*:Get*" as well as
//	    ARNs "arn:aws:*code*:…") is WILDCARD_IN_SERVICE_NAME.
//	D16 ARN fields are split at colons outside ${…} variables. A wildcard
//	    never stands for missing fields: "arn:aws:*" is MISSING_ARN_FIELD;
//	    inside the resource field '*' may match '/' and ':'. An empty
//	    service is MISSING_ARN_FIELD, an empty resource field
//	    INVALID_ARN_RESOURCE.
//	D17 The partition must match "aws" (the console is the commercial
//	    partition; "*" and "aw?" match). The Region must look like a Region
//	    code (two letters, words, a number) unless it holds a wildcard or a
//	    variable. The account is 12 digits, "aws" (AWS managed policy ARNs),
//	    or digits and wildcards that can still match 12 digits.
//	D18 With the catalog, an ARN's resource field must be able to match
//	    some resource type of its service (format variables stand for any
//	    text); Region and account rules come from those matching types. An
//	    ARN service that is neither an ARN namespace nor an action prefix is
//	    INVALID_SERVICE. Without the catalog only IAM's "no Region" is known.
//	D19 Policy variables are allowed in Resource, NotResource and Condition
//	    values, and only with Version 2012-10-17 (else
//	    VARIABLE_UNSUPPORTED_IN_VERSION, also when Version is missing). In
//	    Action or NotAction: VARIABLE_UNSUPPORTED_IN_ELEMENT. In values of
//	    other than String and Arn operators: INVALID_VARIABLE_FOR_OPERATOR.
//	D20 Condition values: Bool and Null accept "true"/"false" in any ASCII
//	    case; numbers are decimal with optional sign, fraction and exponent;
//	    dates are what the evaluator reads (ISO 8601 extended or basic, with
//	    optional time, fraction and zone, or epoch seconds); epoch seconds
//	    are INVALID_DATE_VALUE (a warning), anything else TYPE_MISMATCH_DATE;
//	    IP values are an address or a CIDR, host bits set give
//	    IMPROVE_IP_RANGE with the masked block.
//	D21 Private ranges for aws:SourceIp are 10/8, 172.16/12, 192.168/16 and
//	    fc00::/7; a value counts as private only when its whole block is.
//	D22 WILDCARD_WITHOUT_LIKE_OPERATOR applies to the String operators that
//	    are not Like (Arn operators match wildcards anyway); ${*} and ${?}
//	    do not count; reported once per key.
//	D23 Key types come from catalog.GlobalConditionKey (the global keys) and
//	    the catalog. ARN keys accept String operators, but StringLike on
//	    them is STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS; Null suits any
//	    key. ArrayOf keys without ForAllValues/ForAnyValue (Null aside) are
//	    MISSING_QUALIFIER; ForAllValues with a known single-valued key is
//	    FORALLVALUES_WITH_SINGLE_VALUED_KEY. A Bool operator with an array of
//	    several values is INVALID_CONDITION_MULTIPLE_BOOLEAN. Numeric
//	    LessThan/GreaterThan operators with several numbers and no
//	    qualifier are REDUNDANT_CONDITION_VALUE_NUM.
//	D24 Condition key prefixes with a dot (accounts.google.com:aud) are
//	    identity providers, not services, and are not checked. A tag key
//	    without its tag ("aws:ResourceTag", "ec2:ResourceTag/") is
//	    MISSING_TAG_KEY_IN_CONDITION.
//	D25 REDUNDANT_ACTION and REDUNDANT_RESOURCE: one finding per element,
//	    with the count, pointing at the first redundant entry. Of equal
//	    entries the later ones are redundant. An entry is redundant when
//	    another live entry's pattern covers it (actions ignore case,
//	    resources do not; a variable in the covered ARN stands for any
//	    text); with the catalog a wildcard action is also redundant when the
//	    other entries of its service together grant every action it matches.
//	D26 REDUNDANT_STATEMENT: two statements equal after ignoring Sid, the
//	    order of members and the order of array entries.
//	D27 PassRole and CreateServiceLinkedRole checks apply to Allow
//	    statements. A "star" resource is "*" or an ARN covering every IAM
//	    role name (arn:aws:iam::123456789012:role/*; role/Service* does not
//	    count). A
//	    condition on iam:PassedToService (PassRole) or iam:AWSServiceName
//	    (CreateServiceLinkedRole) silences the star-resource findings. The
//	    finding points at the granting action, or at the NotAction key.
//	D28 Validate runs for every policy type, group inline included, though
//	    the real console runs no Access Analyzer checks on group inline
//	    policies (the console decides what to show). The size finding uses
//	    the type's quota (6,144, 2,048 or 5,120).
//	D29 "Conditions" at the top level is accepted by IAM (moto) but is
//	    INVALID_POLICY_ELEMENT in findings.
//	D30 Services the dataset no longer lists are INVALID_SERVICE_IN_ACTION,
//	    even inside AWS managed policies (deepcomposer in ReadOnlyAccess).
//	D31 Work budgets keep any input fast enough for the editor: per
//	    validation at most 5,000 quadratic pattern comparisons for the
//	    redundancy checks (cheap literal matches count one sixteenth), 5,000
//	    comparisons of ARNs with resource types, and 64 "Did you mean"
//	    searches. Past a budget that check stays silent: it never reports a
//	    wrong finding, only fewer.
//
// # Cost
//
// The console runs Parse, CheckIAM, Validate, Compile and an evaluation on
// every keystroke, in WebAssembly, where allocating and hashing cost much
// more than natively. So the parser and Compile carve their many small
// parts out of a few larger allocations (slab.go), Parse also counts the
// size and checks IAM's character set as it reads, a Validator reuses its
// working memory and remembers catalog answers between calls, and the
// catalog's ARN formats are held as ranges of one text rather than as
// thousands of strings (fewer pointers for every garbage collection).
//
// # Evaluation
//
// The package evaluates IAM identity-based policies: Compile turns a
// parsed Document into a Compiled policy once, and Evaluate (or an
// Evaluator, which allocates nothing) decides many requests against a
// user's policies.
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
