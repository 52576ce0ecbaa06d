package console

// DefaultDeployment is the deployment id of the site build (make build).
const DefaultDeployment = "site"

// maxDeploymentLen bounds a deployment id.
const maxDeploymentLen = 64

// ValidDeployment reports whether id may name a deployment: 1 to 64
// lowercase ASCII letters, digits, '-' and '.'.
func ValidDeployment(id string) bool {
	if id == "" || len(id) > maxDeploymentLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// StorageKeyFor returns the browser storage key of a deployment's saved
// document. Several builds can share one storage origin (an LMS serves
// every SCORM package from one origin; Chromium gives all file:// pages one
// origin), so each keeps its work under its own key: "labsim:state" for the
// site (where earlier builds saved) and "labsim@<id>:state" for any other
// deployment. Documents kept aside live under the key followed by ':', so
// no deployment's keys start with another's. An invalid id is the site's.
func StorageKeyFor(deployment string) string {
	if deployment == DefaultDeployment || !ValidDeployment(deployment) {
		return StorageKey
	}
	return "labsim@" + deployment + ":state"
}

// storageKey is the key this model saves under.
func (m Model) storageKey() string {
	if m.persist.key == "" {
		return StorageKey
	}
	return m.persist.key
}
