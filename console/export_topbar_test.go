package console

// SearchTargets lists where every feature and documentation entry of the
// unified search leads, for the external tests.
func SearchTargets() []string {
	var out []string
	for _, f := range features {
		out = append(out, f.Href)
	}
	for _, d := range searchDocs {
		out = append(out, d.Href)
	}
	return out
}

// SearchOptionID is searchOptionID for the external tests.
var SearchOptionID = searchOptionID
