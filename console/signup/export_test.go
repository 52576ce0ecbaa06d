package signup

// What the external tests (package signup_test) use directly.
var (
	ExpFieldSUCVV          = fieldSUCVV
	ExpFieldSUCaptcha      = fieldSUCaptcha
	ExpFieldSUCaptchaImage = fieldSUCaptchaImage
	ExpFieldSUCaptchaText  = fieldSUCaptchaText
	ExpFieldSUCardBrand    = fieldSUCardBrand
	ExpFieldSUCardLast4    = fieldSUCardLast4
	ExpFieldSUCode         = fieldSUCode
	ExpFieldSUDoneAccount  = fieldSUDoneAccount
	ExpFieldSUDoneEmail    = fieldSUDoneEmail
	ExpFieldSUExpMonth     = fieldSUExpMonth
	ExpFieldSUHash         = fieldSUHash
	ExpFieldSUPlan         = fieldSUPlan
	ExpFieldSUSMSItem      = fieldSUSMSItem
	ExpSpaced              = spaced
	ExpSuItem              = suItem
)
