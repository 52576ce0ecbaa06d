package console

import "time"

// Commands the embedding page or the LMS may give (HostCommand.Command).
const (
	// CommandStartLab opens the lab Arg names: the running attempt of it
	// resumes, otherwise it starts (the current work is kept aside).
	CommandStartLab = "start-lab"
	// CommandSetLanguage switches the language to Arg ("ko" or "en", or a
	// tag such as "ko-KR").
	CommandSetLanguage = "set-language"
)

// HostCommand is a command from outside the page: a postMessage from the
// embedding page or the LMS's learner preference.
type HostCommand struct {
	Now     time.Time
	Command string
	Arg     string
}

// IsMsg marks HostCommand as a message.
func (HostCommand) IsMsg() {}

// LMSLaunched reports how a page launched as a SCORM SCO found its LMS.
type LMSLaunched struct {
	Now time.Time
	// Found reports whether the LMS's API was found and initialized.
	Found bool
	// Review reports that the LMS already holds a completed result, which
	// this launch can only improve.
	Review bool
	// Suspend is the LMS's suspend_data; Resume says to resume the attempt
	// (and the world) it holds unless the running attempt of the same lab
	// has more steps done, or as many and Local is set (this browser had
	// saved work of its own: the same computer, with its secrets).
	Suspend string
	Resume  bool
	Local   bool
}

// IsMsg marks LMSLaunched as a message.
func (LMSLaunched) IsMsg() {}

// LMSReport is what the bridge tells the console after the launch: the
// LMS refused a call (Error, the LMS's code and text: the student is told,
// since the result may not be recorded), or the world no longer fits
// suspend_data (WorldLeftOut).
type LMSReport struct {
	Now          time.Time
	Error        string
	WorldLeftOut bool
}

// IsMsg marks LMSReport as a message.
func (LMSReport) IsMsg() {}
