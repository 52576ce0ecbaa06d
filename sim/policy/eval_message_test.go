package policy

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDeniedMessage(t *testing.T) {
	tests := []struct {
		name                        string
		principal, action, resource string
		d                           Decision
		want                        string
	}{
		{"implicit with resource", "arn:aws:iam::123456789012:user/Luna", "iam:ListUsers", "arn:aws:iam::123456789012:user/", ImplicitlyDenied,
			"User: arn:aws:iam::123456789012:user/Luna is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ because no identity-based policy allows the iam:ListUsers action"},
		{"explicit with resource", "arn:aws:iam::123456789012:user/Luna", "iam:ListUsers", "arn:aws:iam::123456789012:user/", ExplicitlyDenied,
			"User: arn:aws:iam::123456789012:user/Luna is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ with an explicit deny in an identity-based policy"},
		// Section 5.1: the implicit-deny example without a resource.
		{"implicit without resource", "arn:aws:iam::123456789012:user/JohnDoe", "codecommit:ListRepositories", "", ImplicitlyDenied,
			"User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: codecommit:ListRepositories because no identity-based policy allows the codecommit:ListRepositories action"},
		{"explicit without resource", "arn:aws:iam::123456789012:user/JohnDoe", "s3:ListAllMyBuckets", "", ExplicitlyDenied,
			"User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: s3:ListAllMyBuckets with an explicit deny in an identity-based policy"},
		{"allowed", "arn:aws:iam::123456789012:user/Luna", "iam:ListUsers", "", Allowed, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, DeniedMessage(tt.principal, tt.action, tt.resource, tt.d))
		})
	}
}
