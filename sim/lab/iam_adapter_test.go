package lab_test

import (
	"labsim/sim"
	"labsim/sim/lab"
)

// The world's LabIAM answers the lab engine's IAM questions.
var _ lab.IAM = sim.LabIAM{}
