package console

import engine "labsim/sim/lab"

// labEngineReasons names the engine's reasons for the shell's hooks.
const (
	labLoad    = engine.ReasonLoad
	labImport  = engine.ReasonImport
	labRestore = engine.ReasonRestore
)
