package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"labsim/sim/policy"
)

const evalUsage = `usage: labsim policy eval --cases FILE|-

Evaluates each case of a JSON array against its identity-based policies and
prints one JSON line per case:
  {"id":…,"decision":"Allowed"|"ImplicitlyDenied"|"ExplicitlyDenied","matched":[{"policy":0,"statement":0,"sid":"","effect":"Allow"}]}
or {"id":…,"error":"…"} for a case that cannot be evaluated.
A case is {"id":…,"identityPolicies":[policy, …],"request":{"principal":ARN,
"action":"svc:Name","resource":ARN,"context":{key: value or [values]}}},
where a policy is a JSON object or a string holding the policy text.
Exit status: 0 when every case was evaluated, 1 when some case had an error,
2 for usage errors or unreadable input.
`

// runPolicyEval implements "labsim policy eval".
func runPolicyEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("labsim policy eval", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	casesPath := fs.String("cases", "", "JSON file of cases, or - for standard input")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, evalUsage)
			return 0
		}
		fmt.Fprintf(stderr, "labsim policy eval: %v\n%s", err, evalUsage)
		return 2
	}
	if *casesPath == "" || fs.NArg() != 0 {
		fmt.Fprint(stderr, evalUsage)
		return 2
	}
	data, err := evalReadInput(*casesPath, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "labsim policy eval: %v\n", err)
		return 2
	}
	var cases []json.RawMessage
	if err := json.Unmarshal(data, &cases); err != nil {
		fmt.Fprintf(stderr, "labsim policy eval: cases must be a JSON array: %v\n", err)
		return 2
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	status := 0
	for _, raw := range cases {
		var line any
		id, res, err := evalCaseJSON(raw)
		if err != nil {
			status = 1
			line = evalErrorLine{ID: id, Error: err.Error()}
		} else {
			line = evalResultLine(id, res)
		}
		if err := enc.Encode(line); err != nil {
			fmt.Fprintf(stderr, "labsim policy eval: write result: %v\n", err)
			return 2
		}
	}
	return status
}

// evalReadInput reads the cases file, or standard input for "-".
func evalReadInput(path string, stdin io.Reader) ([]byte, error) {
	if path == "-" {
		data, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		return data, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	return data, nil
}

// evalLine is the output for an evaluated case.
type evalLine struct {
	ID       json.RawMessage `json:"id"`
	Decision string          `json:"decision"`
	Matched  []evalMatched   `json:"matched"`
}

type evalMatched struct {
	Policy    int    `json:"policy"`
	Statement int    `json:"statement"`
	Sid       string `json:"sid"`
	Effect    string `json:"effect"`
}

// evalErrorLine is the output for a case that could not be evaluated.
type evalErrorLine struct {
	ID    json.RawMessage `json:"id"`
	Error string          `json:"error"`
}

func evalResultLine(id json.RawMessage, r policy.Result) evalLine {
	line := evalLine{ID: id, Decision: r.Decision.String(), Matched: make([]evalMatched, len(r.Matched))}
	for i, m := range r.Matched {
		line.Matched[i] = evalMatched{Policy: m.Policy, Statement: m.Statement, Sid: m.Sid, Effect: m.Effect}
	}
	return line
}

// evalCaseIn is one case as read; unknown fields are ignored.
type evalCaseIn struct {
	IdentityPolicies json.RawMessage `json:"identityPolicies"`
	Request          json.RawMessage `json:"request"`
}

type evalRequestIn struct {
	Principal json.RawMessage `json:"principal"`
	Action    json.RawMessage `json:"action"`
	Resource  json.RawMessage `json:"resource"`
	Context   json.RawMessage `json:"context"`
}

// evalCaseJSON evaluates one case and returns its id (JSON null when it
// has none) and result. The root user of an account is always allowed.
func evalCaseJSON(raw json.RawMessage) (json.RawMessage, policy.Result, error) {
	id := json.RawMessage("null")
	if evalJSONKind(raw) != '{' {
		return id, policy.Result{}, errors.New("case must be a JSON object")
	}
	var idOnly struct {
		ID json.RawMessage `json:"id"`
	}
	if err := json.Unmarshal(raw, &idOnly); err == nil && len(idOnly.ID) > 0 {
		id = idOnly.ID
	}
	var in evalCaseIn
	if err := json.Unmarshal(raw, &in); err != nil {
		return id, policy.Result{}, fmt.Errorf("read case: %w", err)
	}
	policies, err := evalCompilePolicies(in.IdentityPolicies)
	if err != nil {
		return id, policy.Result{}, err
	}
	req, err := evalCaseRequest(in.Request)
	if err != nil {
		return id, policy.Result{}, err
	}
	return id, policy.Authorize(policies, req), nil
}

// evalCompilePolicies compiles identityPolicies: an array of policy
// objects or strings holding policy texts. A missing list means none.
func evalCompilePolicies(raw json.RawMessage) ([]*policy.Compiled, error) {
	if len(raw) == 0 || evalJSONKind(raw) == 'n' {
		return nil, nil
	}
	var docs []json.RawMessage
	if evalJSONKind(raw) != '[' || json.Unmarshal(raw, &docs) != nil {
		return nil, errors.New("identityPolicies must be an array")
	}
	out := make([]*policy.Compiled, len(docs))
	for i, d := range docs {
		var text string
		switch evalJSONKind(d) {
		case '{':
			text = string(d)
		case '"':
			if err := json.Unmarshal(d, &text); err != nil {
				return nil, fmt.Errorf("identityPolicies[%d]: %w", i, err)
			}
		default:
			return nil, fmt.Errorf("identityPolicies[%d] must be a JSON object or a string holding the policy text", i)
		}
		c, err := policy.CompileText(text)
		if err != nil {
			return nil, fmt.Errorf("identityPolicies[%d]: %w", i, err)
		}
		out[i] = c
	}
	return out, nil
}

// evalCaseRequest reads the request of a case. The action is required; the
// principal and resource may be left out. Context values that are JSON
// numbers keep their literal text, booleans become "true" or "false".
func evalCaseRequest(raw json.RawMessage) (policy.Request, error) {
	var req policy.Request
	if evalJSONKind(raw) != '{' {
		return req, errors.New("request must be a JSON object")
	}
	var in evalRequestIn
	if err := json.Unmarshal(raw, &in); err != nil {
		return req, fmt.Errorf("read request: %w", err)
	}
	var err error
	if req.Principal, err = evalOptionalString("request.principal", in.Principal); err != nil {
		return req, err
	}
	if req.Action, err = evalOptionalString("request.action", in.Action); err != nil {
		return req, err
	}
	if req.Action == "" {
		return req, errors.New("request.action is required")
	}
	if req.Resource, err = evalOptionalString("request.resource", in.Resource); err != nil {
		return req, err
	}
	req.Context, err = evalCaseContext(in.Context)
	return req, err
}

func evalOptionalString(name string, raw json.RawMessage) (string, error) {
	if len(raw) == 0 || evalJSONKind(raw) == 'n' {
		return "", nil
	}
	var s string
	if evalJSONKind(raw) != '"' || json.Unmarshal(raw, &s) != nil {
		return "", fmt.Errorf("%s must be a string", name)
	}
	return s, nil
}

// evalCaseContext converts the context object: each key maps to a scalar or
// to an array of scalars (strings, numbers, booleans).
func evalCaseContext(raw json.RawMessage) (map[string][]string, error) {
	if len(raw) == 0 || evalJSONKind(raw) == 'n' {
		return nil, nil
	}
	var obj map[string]json.RawMessage
	if evalJSONKind(raw) != '{' || json.Unmarshal(raw, &obj) != nil {
		return nil, errors.New("request.context must be a JSON object")
	}
	ctx := make(map[string][]string, len(obj))
	for k, v := range obj {
		if evalJSONKind(v) == '[' {
			var items []json.RawMessage
			if err := json.Unmarshal(v, &items); err != nil {
				return nil, fmt.Errorf("request.context[%q]: %w", k, err)
			}
			vals := make([]string, len(items))
			for i, it := range items {
				s, ok := evalContextScalar(it)
				if !ok {
					return nil, fmt.Errorf("request.context[%q][%d] must be a string, number or boolean", k, i)
				}
				vals[i] = s
			}
			ctx[k] = vals
			continue
		}
		s, ok := evalContextScalar(v)
		if !ok {
			return nil, fmt.Errorf("request.context[%q] must be a string, number or boolean, or an array of them", k)
		}
		ctx[k] = []string{s}
	}
	return ctx, nil
}

// evalContextScalar converts a JSON string, number or boolean to its text.
func evalContextScalar(raw json.RawMessage) (string, bool) {
	switch c := evalJSONKind(raw); {
	case c == '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return "", false
		}
		return s, true
	case c == 't' || c == 'f':
		var b bool
		if json.Unmarshal(raw, &b) != nil {
			return "", false
		}
		if b {
			return "true", true
		}
		return "false", true
	case c == '-' || (c >= '0' && c <= '9'):
		return string(bytes.TrimSpace(raw)), true
	}
	return "", false
}

// evalJSONKind returns the first non-space byte of a JSON value, or 0.
func evalJSONKind(raw json.RawMessage) byte {
	t := bytes.TrimLeft(raw, " \t\r\n")
	if len(t) == 0 {
		return 0
	}
	return t[0]
}
