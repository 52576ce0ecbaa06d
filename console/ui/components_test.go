package ui

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestKVAlertConfirm(t *testing.T) {
	kv := KV{Items: []KVItem{{Label: "Name", Value: "<kim>"}, {Label: "ARN", Value: "arn:aws:iam::1:user/kim", Mono: true}}}
	require.Equal(t, `<dl class="kv"><dt>Name</dt><dd>&lt;kim&gt;</dd><dt>ARN</dt><dd class="mono">arn:aws:iam::1:user/kim</dd></dl>`,
		HTML(kv.Render(fakeCatalog{})))

	a := Alert{ID: "x-error", Kind: "error", Title: "Failed", Text: "No <b>", Focusable: true}
	require.Equal(t, `<div id="x-error" class="alert alert-error" role="alert" tabindex="-1"><p class="alert-title">Failed</p><p>No &lt;b&gt;</p></div>`,
		HTML(a.Render(fakeCatalog{})))
	ok := Alert{Kind: "success", Text: "Done"}
	require.Equal(t, `<div class="alert alert-success" role="status"><p>Done</p></div>`, HTML(ok.Render(fakeCatalog{})))

	k := Confirm{ID: "rm", Text: "Remove kim?", YesLabel: "Remove", CancelLabel: "Cancel", YesAction: "iam.remove", YesArg: "kim", CancelAction: "cancel"}
	root := k.Render(fakeCatalog{})
	d, found := Find(root, "alertdialog", "Remove kim?")
	require.True(t, found)
	b, found := Find(d, "button", "Remove")
	require.True(t, found)
	require.Equal(t, "kim", attr(b, "data-arg"))
}

func TestTabsMarkTheSelectedTab(t *testing.T) {
	tabs := Tabs{ID: "user", Label: "User details", Action: "iam.tab", Tabs: []Tab{{ID: "perms", Label: "Permissions", Selected: true}, {ID: "groups", Label: "Groups"}},
		Panel: El("p", Data("policies"))}
	root := tabs.Render(fakeCatalog{})
	sel, found := Find(root, "tab", "Permissions")
	require.True(t, found)
	require.Equal(t, "true", attr(sel, "aria-selected"))
	require.Equal(t, "0", attr(sel, "tabindex"))
	other, _ := Find(root, "tab", "Groups")
	require.Equal(t, "false", attr(other, "aria-selected"))
	require.Equal(t, "groups", attr(other, "data-arg"))
	panel, found := Find(root, "tabpanel", "")
	require.True(t, found)
	require.Equal(t, "user-perms", attr(panel, "aria-labelledby"))
	require.Equal(t, "policies", panel.TextContent())
}

func TestWizardShowsTheCurrentStep(t *testing.T) {
	w := Wizard{Steps: []string{"Details", "Permissions", "Review"}, Current: 1, Progress: "progress", Body: El("form")}
	got := HTML(w.Render(fakeCatalog{}))
	require.Contains(t, got, `<li class="wizard-step done">Details</li><li aria-current="step" class="wizard-step current">Permissions</li><li class="wizard-step">Review</li>`)
	require.Contains(t, got, `<p class="wizard-progress">PROGRESS step=2 steps=3</p><h1 id="page-title" tabindex="-1">Permissions</h1><form></form>`)
}

func attr(n Node, k string) string {
	v, _ := n.Attr(k)
	return v
}
