package iam_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	ct "labsim/internal/consoletest"
	"labsim/sim"
)

// Add permissions on a user's and on a group's page attaches the chosen
// managed policies through the door, closes the dialog with a banner and
// focuses the permissions table; more than IAM's 10 managed policies per
// identity are refused in the dialog with nothing attached.
func TestAddPermissionsToAUserAndAGroup(t *testing.T) {
	m := ct.StartCheap(t, map[string]string{"world": "delegation-done", "lang": "en"})
	m.Session = sim.RootSession(m.World.Accounts[sim.DemoAccountID], ct.T1, false)
	many := []string{"AmazonEC2FullAccess", "AmazonEC2ReadOnlyAccess", "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess",
		"AmazonVPCReadOnlyAccess", "Billing", "DatabaseAdministrator", "IAMReadOnlyAccess", "PowerUserAccess",
		"SecurityAudit", "SystemAdministrator"}
	tests := []struct {
		route, open, form, prefix, focus, banner string
		attached                                 func(m console.Model) []string
	}{
		{"#/iam/users/Luna", "iam.u.attachOpen", "iam.u.attach", "iam.ua.p.", "iam-u-policies",
			"Attached ReadOnlyAccess to Luna.", func(m console.Model) []string {
				u, _ := m.World.Accounts[sim.DemoAccountID].IAM.User("Luna")
				return u.Attached
			}},
		{"#/iam/groups/NetworkAdmin", "iam.g.attachOpen", "iam.g.attach", "iam.ga.p.", "iam-g-policies",
			"Attached ReadOnlyAccess to NetworkAdmin.", func(m console.Model) []string {
				g, _ := m.World.Accounts[sim.DemoAccountID].IAM.Group("NetworkAdmin")
				return g.Attached
			}},
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			open := ct.Click(goTo(m, tt.route), tt.open, "")
			before := tt.attached(open)
			values := map[string]string{}
			for _, n := range many {
				values[tt.prefix+n] = "true"
			}
			refused, fx := ct.SubmitAt(open, ct.T1, tt.form, values)
			require.Equal(t, before, tt.attached(refused), "nothing is attached past the quota")
			require.NotEmpty(t, refused.IAM.Dialog, "the dialog stays open")
			require.Equal(t, "iam-dialog-title", focusOf(fx))

			done, fx := ct.SubmitAt(open, ct.T1, tt.form, map[string]string{tt.prefix + "ReadOnlyAccess": "true"})
			require.Contains(t, tt.attached(done), "arn:aws:iam::aws:policy/ReadOnlyAccess")
			require.Len(t, tt.attached(done), len(before)+1)
			require.Empty(t, done.IAM.Dialog)
			require.Equal(t, tt.focus, focusOf(fx))
			require.True(t, ct.Shows(done, tt.banner), "the banner names the policy and the identity")
		})
	}
}
