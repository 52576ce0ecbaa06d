package signin_test

import (
	"testing"
	"time"

	"labsim/console"
	"labsim/console/i18n"
	"labsim/console/signin"
	"labsim/console/ui"
	ct "labsim/internal/consoletest"
	"labsim/sim"
	"labsim/sim/mfa"
)

// The package's own names and the shared harness, under the names these
// tests used inside the console package.
var (
	fieldSIEmail            = signin.ExpFieldSIEmail
	fieldSIIAMPass          = signin.ExpFieldSIIAMPass
	fieldSIPassword         = signin.ExpFieldSIPassword
	fieldSigninMFACode      = signin.ExpFieldSigninMFACode
	fieldSigninMFAEmailCode = signin.ExpFieldSigninMFAEmailCode
	hashSigninPassword      = signin.ExpHashSigninPassword
	secretSIVerified        = signin.ExpSecretSIVerified
)

type (
	Model         = console.Model
	Effect        = console.Effect
	Msg           = console.Msg
	Init          = console.Init
	Click         = console.Click
	Submit        = console.Submit
	Input         = console.Input
	Navigate      = console.Navigate
	Key           = console.Key
	Tick          = console.Tick
	Focus         = console.Focus
	Next          = console.Next
	Save          = console.Save
	SetURL        = console.SetURL
	Copy          = console.Copy
	Download      = console.Download
	Crashed       = console.Crashed
	EffectFailed  = console.EffectFailed
	StorageStatus = console.StorageStatus
)

var (
	t0                 = ct.T0
	mfaT1              = ct.T1
	View               = console.View
	Update             = console.Update
	Title              = console.Title
	Decode             = console.Decode
	suPass             = ct.SuPass
	suStart            = ct.SuStart
	suDeliver          = ct.Deliver
	suType             = ct.SuType
	suChoose           = ct.SuChoose
	suCheck            = ct.SuCheck
	suFormValues       = ct.SuFormValues
	suAttrIndex        = ct.SuAttrIndex
	suSubmitFx         = ct.SuSubmitFx
	suSubmit           = ct.SuSubmit
	suPress            = ct.PressDeliver
	suErrorOf          = ct.SuErrorOf
	suNoError          = ct.SuNoError
	suAttr             = ct.AttrOf
	suText             = ct.Shows
	suInLang           = ct.SuInLang
	suLastEvent        = ct.LastEvent
	lastEvent          = ct.LastEvent
	suFill1            = ct.SuFill1
	suFill2            = ct.SuFill2
	suFill3            = ct.SuFill3
	suToStep           = ct.SuToStep
	suKorean           = ct.SuKorean
	suAllScreens       = ct.SuAllScreens
	suToStep5ByVoice   = ct.SuToStep5ByVoice
	runNext            = ct.RunNext
	toSigninMFA        = ct.ToSigninMFA
	submitCode         = ct.SubmitCode
	siStart            = ct.SiStart
	suFormOf           = ct.SuFormOf
	requireFocusInView = ct.RequireFocusInView
	suDescription      = ct.Description
	demoModel          = ct.Demo
	send               = ct.Send
	click              = ct.Click
	find               = ct.Find
	press              = ct.Press
	checkPseudo        = ct.CheckPseudo
	mfaPseudo          = ct.Pseudo
	mfaCodeAt          = ct.CodeAt
	mfaPress           = ct.PressAt
	mfaSend            = ct.SubmitAt
	toSetup            = ct.ToMFASetup
	assigned           = ct.AssignedMFA
	start              = ct.Start
)

func effectsOf[T Effect](fx []Effect) []T           { return ct.EffectsOf[T](fx) }
func effectsWithout[T Effect](fx []Effect) []Effect { return ct.EffectsWithout[T](fx) }

var (
	_ = i18n.EN
	_ = ui.Node{}
	_ = sim.DemoEmail
	_ = mfa.DemoSecret
	_ time.Time
	_ *testing.T
)
