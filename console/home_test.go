package console_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/ui"
)

// TestConsoleHomeWidgets: Recently visited follows the student's own
// navigation (newest first, no repeats, IAM for the IAM console and My
// Security Credentials); Welcome to AWS, AWS Health, Cost and usage
// (zero) and Build a solution are there, and the service list stays.
func TestConsoleHomeWidgets(t *testing.T) {
	m := demoModel(t)
	home := send(m, Navigate{Now: t0, Hash: "#/"})
	for _, h := range []string{"Recently visited", "Welcome to AWS", "AWS Health", "Cost and usage", "Build a solution", "All services"} {
		find(t, home, "heading", h)
	}
	require.True(t, suText(home, "No recently visited services."))
	require.True(t, suText(home, "$0.00"))
	find(t, home, "link", "Create an IAM user")
	find(t, home, "link", "S3")
	checkPseudo(t, mfaPseudo(home))

	for _, h := range []string{"#/services/s3", "#/iam/users", "#/services/ec2", "#/security-credentials", "#/simulator", "#/"} {
		m = send(m, Navigate{Now: t0, Hash: h})
	}
	require.Equal(t, []string{"iam", "ec2", "s3"}, m.UI.Recent)
	var links []string
	View(m).Walk(func(n ui.Node) bool {
		if l, _ := n.Attr("aria-labelledby"); l == "home-recent" {
			n.Walk(func(a ui.Node) bool {
				if a.Tag == "a" {
					links = append(links, a.TextContent())
				}
				return true
			})
			return false
		}
		return true
	})
	require.Equal(t, []string{"IAM", "EC2", "S3"}, links)
}
