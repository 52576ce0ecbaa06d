package policy

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/catalog/actiondata"
)

// The IUG's policy check reference lists the AWS managed policies that
// trigger some checks; the managed policy documents must give exactly
// those (and no errors besides services the dataset no longer has).
func TestManagedPoliciesFindings(t *testing.T) {
	cat, err := actiondata.Load()
	require.NoError(t, err)
	withCat := NewValidator(cat)
	without := NewValidator(nil)
	// Retired services missing from the generated dataset.
	retired := map[string]bool{"deepcomposer": true, "iot1click": true, "deepracer": true}
	for name, doc := range managedPolicyDocs(t) {
		t.Run(name, func(t *testing.T) {
			for _, v := range []*Validator{withCat, without} {
				for _, f := range v.ValidateText(doc, ManagedPolicy) {
					if f.Type == FindingError {
						require.Equal(t, CodeInvalidServiceInAction, f.Code, f.Message(LangEnglish))
						require.True(t, retired[f.Params["service"]], f.Message(LangEnglish))
					}
				}
			}
		})
	}
	docs := managedPolicyDocs(t)
	codes := func(name string) []string { return findingCodes(withCat.ValidateText(docs[name], ManagedPolicy)) }
	// "Pass role with star in action and resource" and "Create SLR with
	// star in action and resource": AdministratorAccess, IAMFullAccess.
	for _, n := range []string{"AdministratorAccess", "IAMFullAccess"} {
		require.Equal(t, []string{CodePassRoleWithStarInActionAndRes, CodeCreateSLRWithStarInActionAndRes}, codes(n), n)
	}
	// "Create SLR with star in resource": PowerUserAccess.
	require.Equal(t, []string{CodeCreateSLRWithStarInResource}, codes("PowerUserAccess"))
	// "Policy size exceeds identity policy quota": ReadOnlyAccess.
	require.Contains(t, codes("ReadOnlyAccess"), CodePolicySizeExceedsIdentityQuota)
	// AmazonEC2FullAccess scopes CreateServiceLinkedRole: nothing to say.
	require.Empty(t, codes("AmazonEC2FullAccess"))
	require.Empty(t, codes("IAMUserChangePassword"))
	// Redundant action: "ec2:Describe*" then "ec2:DescribeInstanceImageMetadata".
	require.Contains(t, codes("ReadOnlyAccess"), CodeRedundantAction)
}
