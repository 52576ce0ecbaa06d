package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"labsim/sim/catalog"
	"labsim/sim/catalog/actiondata"
	"labsim/sim/policy"
)

const validateUsage = `usage: labsim policy validate [--json] [--type managed|user-inline|group-inline] [--lang en|ko] FILE|-

Checks an identity policy as IAM would (accept or MalformedPolicyDocument)
and reports Access Analyzer-style findings. Exit status: 0 when IAM accepts
the policy, 1 when it refuses it, 2 for usage errors or unreadable input.
`

// validateOptions are the parsed command-line options of policy validate.
type validateOptions struct {
	json bool
	typ  policy.PolicyType
	lang string
	file string
}

// runPolicyValidate implements "labsim policy validate".
func runPolicyValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, err := parseValidateArgs(args, stderr)
	if err != nil {
		if err != flag.ErrHelp {
			fmt.Fprintf(stderr, "labsim policy validate: %v\n", err)
		}
		fmt.Fprint(stderr, validateUsage)
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	text, name, err := readPolicyInput(opts.file, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "labsim policy validate: %v\n", err)
		return 2
	}
	cat, err := actiondata.Load()
	if err != nil {
		fmt.Fprintf(stderr, "labsim policy validate: %v (checks that need the action catalog are skipped)\n", err)
		cat = nil
	}
	return reportValidation(text, name, opts, cat, stdout, stderr)
}

// parseValidateArgs reads the flags, which may come before or after FILE.
func parseValidateArgs(args []string, stderr io.Writer) (validateOptions, error) {
	fs := flag.NewFlagSet("policy validate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	jsonOut := fs.Bool("json", false, "print one JSON object")
	typ := fs.String("type", "managed", "policy type: managed, user-inline or group-inline")
	lang := fs.String("lang", policy.LangEnglish, "language of finding messages: en or ko")
	var flags, files []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			files = append(files, args[i+1:]...)
			i = len(args)
		case a == "-" || !strings.HasPrefix(a, "-"):
			files = append(files, a)
		default:
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if (name == "type" || name == "lang") && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		}
	}
	if err := fs.Parse(flags); err != nil {
		return validateOptions{}, err
	}
	pt, err := policy.ParsePolicyType(*typ)
	if err != nil {
		return validateOptions{}, err
	}
	if *lang != policy.LangEnglish && *lang != policy.LangKorean {
		return validateOptions{}, fmt.Errorf("unknown language %q (want en or ko)", *lang)
	}
	if len(files) != 1 {
		return validateOptions{}, fmt.Errorf("want exactly one FILE (or - for standard input), got %d", len(files))
	}
	return validateOptions{json: *jsonOut, typ: pt, lang: *lang, file: files[0]}, nil
}

// readPolicyInput reads the policy text from a file or, for "-", from
// stdin; it reads at most one byte more than the parser accepts, so that
// an oversized input is reported without being held in memory.
func readPolicyInput(file string, stdin io.Reader) (text, name string, err error) {
	var r io.Reader
	name = file
	if file == "-" {
		r, name = stdin, "<stdin>"
	} else {
		f, err := os.Open(file)
		if err != nil {
			return "", "", fmt.Errorf("read policy: %w", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, policy.MaxInput+1))
	if err != nil {
		return "", "", fmt.Errorf("read policy %s: %w", name, err)
	}
	return string(b), name, nil
}

// validateJSON is the --json output.
type validateJSON struct {
	Valid     bool          `json:"valid"`
	Malformed string        `json:"malformed"`
	Findings  []findingJSON `json:"findings"`
}

type findingJSON struct {
	Type    string `json:"type"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Offset  int    `json:"offset"`
}

// reportValidation checks the text and prints the result.
func reportValidation(text, name string, opts validateOptions, cat catalog.Actions, stdout, stderr io.Writer) int {
	doc, _ := policy.Parse(text) // nil on a syntax error; both checks report it
	m := policy.CheckIAM(doc, text, opts.typ)
	var findings []policy.Finding
	v := policy.NewValidator(cat)
	if doc != nil {
		findings = v.Validate(doc, opts.typ)
	} else {
		findings = v.ValidateText(text, opts.typ)
	}
	status := 0
	if m != nil {
		status = 1
	}
	if opts.json {
		out := validateJSON{Valid: m == nil, Findings: make([]findingJSON, 0, len(findings))}
		if m != nil {
			out.Malformed = m.Message
		}
		for _, f := range findings {
			out.Findings = append(out.Findings, findingJSON{
				Type: string(f.Type), Code: f.Code, Message: f.Message(opts.lang),
				Line: f.Span.Start.Line, Column: f.Span.Start.Column, Offset: f.Span.Start.Offset,
			})
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "labsim policy validate: write output: %v\n", err)
			return 2
		}
		return status
	}
	if m == nil {
		fmt.Fprintf(stdout, "%s: IAM accepts this policy\n", name)
	} else {
		fmt.Fprintf(stdout, "%s:%d:%d: %s: %s\n", name, m.Span.Start.Line, m.Span.Start.Column, m.Code, m.Message)
	}
	for _, f := range findings {
		fmt.Fprintf(stdout, "%s:%d:%d: %s %s %s\n", name, f.Span.Start.Line, f.Span.Start.Column,
			findingKind(f.Type), f.Code, f.Message(opts.lang))
	}
	return status
}

// findingKind is the lower-case kind the text output prints.
func findingKind(t policy.FindingType) string {
	return strings.ReplaceAll(strings.ToLower(string(t)), "_", "-")
}
