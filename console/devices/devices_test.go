package devices_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/devices"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/account"
)

// devWithItems is a signed-out console whose phone and inbox hold one
// unread text and one unread email.
func devWithItems(t *testing.T) Model {
	t.Helper()
	m := suStart(t, map[string]string{"lang": "en"})
	env := m.Env()
	w, err := m.World.Do(m.Session, sim.SendSignUpSMS{To: "+821012345678"}, env)
	require.NoError(t, err)
	// Signing up mails the welcome message.
	w, err = w.Do(m.Session, sim.SignUp{AccountID: "111122223333", Email: "kim@example.com", AccountName: "lab",
		Password: "Secret-Pass1", Contact: sim.Contact{Usage: account.UsagePersonal, FullName: "Kim Minji",
			Phone: "+82 10-1234-5678", Address: account.Address{Country: "KR", Line1: "1 Sejong-daero", City: "Seoul", PostalCode: "04524"}},
		Card: account.Summarize(account.TestCardNumber), SupportPlan: account.PlanBasic}, env)
	require.NoError(t, err)
	m.World = w
	return m
}

func TestDevicesButtonsOnEveryPageWithUnreadBadges(t *testing.T) {
	m := devWithItems(t)
	for _, hash := range []string{"#/", "#/signup/1", "#/signin", "#/simulator"} {
		m2 := send(m, Navigate{Now: t0, Hash: hash})
		require.Equal(t, "1 unread", suDescription(t, m2, "button", "Virtual phone"), hash)
		require.Equal(t, "1 unread", suDescription(t, m2, "button", "Inbox"), hash)
	}
	signedIn := demoModel(t)
	find(t, signedIn, "button", "Virtual phone")
	find(t, signedIn, "button", "Inbox")
	require.Equal(t, "0 unread", suDescription(t, signedIn, "button", "Inbox"))
}

func TestDevicesDrawerOpensClosesAndMovesFocus(t *testing.T) {
	m := devWithItems(t)
	m, fx := Update(m, Click{Now: t0, Action: "devices.open", Arg: "phone"})
	require.Equal(t, []Effect{Focus{ID: "devices-title"}}, effectsWithout[Save](fx))
	require.Equal(t, "true", suAttr(find(t, m, "button", "Virtual phone"), "aria-expanded"))
	find(t, m, "complementary", "Virtual devices")
	// The home screen shows the text as a notification and the apps.
	require.True(t, suText(m, "Your Amazon Web Services verification code is"))
	find(t, m, "button", "Messages")
	find(t, m, "button", "Phone")
	require.Equal(t, "1 unread", suDescription(t, m, "button", "Virtual phone"), "the home screen does not mark read")

	m = suPress(t, m, "button", "Messages")
	require.Equal(t, "0 unread", suDescription(t, m, "button", "Virtual phone"))
	require.Equal(t, "devices:MarkRead", suLastEvent(m).Action)
	require.True(t, suText(m, "To +821012345678"))
	m = suPress(t, m, "button", "Home")
	require.Equal(t, "", m.Drawer.App)

	// Switch to the inbox, open the email, go back.
	m = suPress(t, m, "button", "Inbox")
	require.Equal(t, "inbox", m.Drawer.Tab)
	m = suPress(t, m, "button", "Welcome to Amazon Web Services")
	find(t, m, "heading", "Welcome to Amazon Web Services")
	require.True(t, suText(m, "Account ID: 111122223333"))
	require.Equal(t, "0 unread", suDescription(t, m, "button", "Inbox"))
	m = suPress(t, m, "button", "Back to the inbox")
	require.Equal(t, 0, m.Drawer.Email)

	m, fx = Update(m, Click{Now: t0, Action: "devices.close"})
	require.Equal(t, []Effect{Focus{ID: "devices-btn-inbox"}}, effectsWithout[Save](fx))
	_, open := findMaybe(m, "complementary", "Virtual devices")
	require.False(t, open)

	// The same button toggles.
	m = click(m, "devices.open", "inbox")
	m, fx = Update(m, Click{Now: t0, Action: "devices.open", Arg: "inbox"})
	require.Equal(t, "", m.Drawer.Tab)
	require.Equal(t, []Effect{Focus{ID: "devices-btn-inbox"}}, effectsWithout[Save](fx))
}

func TestDevicesIgnoreForgedClicks(t *testing.T) {
	m := devWithItems(t)
	for _, c := range []Click{
		{Action: "devices.open", Arg: "tv"},
		{Action: "devices.key", Arg: "5"},
		{Action: "devices.key", Arg: "x"},
		{Action: "devices.answer", Arg: "99"},
		{Action: "devices.decline", Arg: "1"},
		{Action: "devices.email", Arg: "abc"},
	} {
		c.Now = t0
		m2, _ := Update(m, c)
		require.Equal(t, m.World.Events, m2.World.Events, "%v changes nothing", c)
		require.Equal(t, "", m2.Drawer.Tab)
	}
}

func TestPhoneAppsIncludeMessages(t *testing.T) {
	m := devWithItems(t)
	var ids []string
	for _, a := range devices.PhoneApps(m.Model, m.Catalog()) {
		ids = append(ids, a.ID)
		require.NotNil(t, a.View)
		require.True(t, m.Catalog().Has(a.TitleKey), a.TitleKey)
	}
	require.Contains(t, ids, "messages")
	require.Contains(t, ids, "calls")
}

// findMaybe is find without failing.
func findMaybe(m Model, role, name string) (any, bool) {
	n, ok := ui.Find(View(m), role, name)
	return n, ok
}

// TestReadingANotificationClearsTheBadge: pressing a text's notification
// on the home screen opens it in Messages and clears the unread badge.
func TestReadingANotificationClearsTheBadge(t *testing.T) {
	m := click(devWithItems(t), "devices.open", "phone")
	var note ui.Node
	View(m).Walk(func(n ui.Node) bool {
		if c, _ := n.Attr("class"); c == "notification" {
			note = n
		}
		return true
	})
	require.Equal(t, "button", note.Tag, "the notification is a button")
	action, _ := note.Attr("data-action")
	arg, _ := note.Attr("data-arg")
	m, fx := Update(m, Click{Now: t0, Action: action, Arg: arg})
	require.Equal(t, "0 unread", suDescription(t, m, "button", "Virtual phone"))
	require.True(t, suText(m, "To +821012345678"))
	requireFocusInView(t, m, fx)
}
