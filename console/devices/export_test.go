package devices

// What the external tests (package devices_test) look at directly.
var (
	AuthenticatorApp = authenticatorApp
	DevicesDrawer    = devicesDrawer
	TOTPParseURI     = totpParseURI
	PhoneApps        = phoneApps
)

// Element ids that focus moves to in the app.
const (
	TOTPTitleID  = totpTitleID
	TOTPAddBtnID = totpAddBtnID
)
