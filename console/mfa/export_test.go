package mfa

// What the external tests (package mfa_test) look at directly.
const ModulePx = mfaModulePx

// PNGWidth is pngWidth.
var PNGWidth = pngWidth

const RemoveBtnID = mfaRemoveBtnID
