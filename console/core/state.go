package core

import "labsim/sim/account"

// AuthState is the transient state of the sign-up, sign-in and password
// pages. Its slice is replaced, never changed in place.
type AuthState struct {
	// Problems are the validation problems of the page's last submit, by
	// account.Field* name (or a page's own field name).
	Problems []account.Problem
	// Busy names slow work (a password hash) waiting for its Next message:
	// "signup.hash", "signup.create", "signin.verify" or "signin.reset".
	// Its page shows progress and disables the button meanwhile.
	Busy string
	// Error is the catalog key of a page-level error box (sign-in).
	Error string
	// Info is the catalog key of a short confirmation shown on the page
	// ("A new code is on its way"); unlike a banner it does not follow the
	// student to other pages.
	Info string
	// Route is the page the problems, error and info belong to: another
	// page does not show them.
	Route string
}

// DrawerState is the transient state of the virtual devices drawer.
type DrawerState struct {
	// Tab is the open tab, "phone" or "inbox", or "" when the drawer is
	// closed.
	Tab string
	// App is the app open on the phone, "" for the home screen.
	App string
	// Email is the ID of the email open in the inbox, 0 for the list.
	Email int
	// Call is the ID of the call answered on the phone, 0 for none.
	Call int
	// Keypad holds the digits typed on the keypad during the call.
	Keypad string
}

// MFAState is the transient (never saved) state of the MFA pages: what the
// setup step reveals, the cached QR image, field errors, the authenticator
// app's screen and the MFA sign-in page's progress. Nothing in it is a
// secret except QR.URI and QR.DataURL, which encode the pending secret
// shown on screen; diagnostics never include any of it.
type MFAState struct {
	// ShowQR and ShowSecret are what the setup step reveals.
	ShowQR, ShowSecret bool
	// QR caches the setup step's QR image: drawing it costs ~40 ms under
	// WebAssembly, and the view runs on every clock tick.
	QR MFAQR
	// Errors are field errors by field name, shown while the route is
	// ErrRoute; the map is replaced, never changed in place.
	Errors   map[string]error
	ErrRoute string
	// Auth is the authenticator app's screen: "" (accounts), "add",
	// "scan" (nothing to scan) or "key" (typing a setup key).
	Auth string
	// AuthRemove is the ID of the app account waiting for confirmation of
	// its removal, 0 for none.
	AuthRemove int
	// Busy is "signin" or "alternative" while a sign-in (a slow password
	// hash) runs after the page showed that it is busy.
	Busy string
	// Failures counts refused MFA codes on the sign-in page.
	Failures int
	// Recovery is the alternative-factors step: "" (not started),
	// "email-sent", "email-verified" or "called".
	Recovery string
}

// MFAQR is a drawn QR code and the URI it encodes.
type MFAQR struct {
	URI     string
	DataURL string
	// Side is the image's width and height in pixels.
	Side int
}
