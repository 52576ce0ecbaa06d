//go:build !entry

package console

import (
	"labsim/console/cloudtrail"
	"labsim/console/core"
	"labsim/console/devices"
	"labsim/console/iam"
	"labsim/console/iam/policies"
	"labsim/console/info"
	"labsim/console/lab"
	"labsim/console/mfa"
	"labsim/console/policysim"
	"labsim/console/services"
	"labsim/console/signin"
	"labsim/console/signup"
)

// areas lists the console's areas. A capability adds its line here.
func areas() []core.Area {
	return []core.Area{
		mfa.Area(),                  // My Security Credentials, Activate MFA, Manage (mfa.…)
		iam.Area(),                  // IAM dashboard (iam.…)
		devices.AuthenticatorArea(), // the virtual phone's Authenticator app (auth.…)
		policies.Area(),             // IAM policies, the JSON policy editor, inline policies (policies.…)
		signin.MFAArea(),            // MFA step of the root sign-in (signinmfa.…)
		signup.Area(),               // Sign up for AWS in 5 steps (signup.…)
		signin.Area(),               // root sign-in, IAM user form, password reset (signin.…)
		devices.Area(),              // virtual phone and inbox drawer (devices.…)
		lab.Area(),                  // the lab guide panel (lab.…; lab.begin is the shell's)
		services.VPCArea(),          // VPC console, read-only (vpc.…)
		services.EC2Area(),          // EC2 instances (ec2.…)
		services.S3Area(),           // S3 buckets (s3.…)
		policysim.Area(),            // IAM policy simulator (policysim.…)
		cloudtrail.Area(),           // CloudTrail Event history, the world's log (cloudtrail.…)
		info.Area(),                 // information pages of the account menu and sign-up links (#/info/…)
	}
}
