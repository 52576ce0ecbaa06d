package ui

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestHTMLEscapesTextAndAttributes(t *testing.T) {
	n := El("p", A("title", `a"b<'c`), Data(`<script>alert("x")</script> & co`))
	require.Equal(t, `<p title="a&quot;b&lt;&#39;c">&lt;script&gt;alert("x")&lt;/script&gt; &amp; co</p>`, HTML(n))
}

func TestHTMLDropsHandlersStylesAndUnsafeURLs(t *testing.T) {
	n := El("a", A("href", "javascript:alert(1)"), A("onclick", "x()"), A("style", "color:red"), A("ONLOAD", "y"), Text("go"))
	require.Equal(t, `<a href="#">go</a>`, HTML(n))
	for _, ok := range []string{"#/iam", "https://aws.amazon.com/", "data:image/png;base64,AAAA", "main.wasm", "mailto:a@b.c"} {
		require.True(t, SafeURL(ok), ok)
	}
	for _, bad := range []string{"javascript:x", "JaVaScRiPt:x", "data:text/html,x", "vbscript:x"} {
		require.False(t, SafeURL(bad), bad)
	}
}

func TestVoidElements(t *testing.T) {
	require.Equal(t, `<input id="a" type="text">`, HTML(El("input", ID("a"), A("type", "text"))))
}

func TestQueriesByRoleAndName(t *testing.T) {
	root := El("form",
		El("label", A("for", "email"), Text("Email address")),
		El("input", ID("email"), A("type", "email")),
		El("label", A("for", "agree"), Text("I agree")),
		El("input", ID("agree"), A("type", "checkbox")),
		El("span", ID("lbl"), Text("Region")),
		El("select", A("aria-labelledby", "lbl")),
		El("button", A("type", "submit"), Text("  Continue  (step 1 of 5)")),
		El("h1", Text("Sign up")),
		El("a", A("href", "#/x"), A("aria-label", "Home"), Text("x")),
	)
	_, ok := Find(root, "textbox", "Email address")
	require.True(t, ok)
	_, ok = Find(root, "checkbox", "I agree")
	require.True(t, ok)
	_, ok = Find(root, "combobox", "Region")
	require.True(t, ok)
	_, ok = Find(root, "button", "Continue (step 1 of 5)")
	require.True(t, ok)
	_, ok = Find(root, "heading", "Sign up")
	require.True(t, ok)
	_, ok = Find(root, "link", "Home")
	require.True(t, ok)
	_, ok = Find(root, "button", "Cancel")
	require.False(t, ok)
	require.True(t, ContainsText(root, "Continue (step 1 of 5)"))
}

func TestElRejectsBareStrings(t *testing.T) {
	require.Panics(t, func() { El("p", "raw") })
}
