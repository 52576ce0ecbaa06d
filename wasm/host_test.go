//go:build js && wasm && !entry

package main

import (
	"testing"
	"time"

	"github.com/hack-pad/safejs"
	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/lab"
	"labsim/internal/scorm"
)

// answerRight answers the running quiz's current question right.
func answerRight(t *testing.T, m console.Model) console.Model {
	l, a := lab.Running(m.Model)
	require.NotNil(t, a)
	st := l.Steps[a.Current()]
	m, _ = console.Update(m, console.Click{Now: t0, Action: "lab.answer", Arg: st.ID + ":" + st.Quiz().Answer})
	return m
}

// frames builds a window whose parent is a cross-origin frame (every read
// throws, as a SecurityError does) whose parent is the LMS's top window
// with the API object named name.
func frames(t *testing.T, name string) safejs.Value {
	return js(t, `
		const top = { `+name+`: { LMSInitialize: () => "true", Initialize: () => true, GetValue: () => "", LMSGetValue: () => "" } };
		top.parent = top; top.top = top;
		const cross = new Proxy({}, { get(o, k) { if (k === 'parent') return top; throw new DOMException('Blocked a frame', 'SecurityError'); } });
		const win = { Reflect, parent: cross, top };
		win.window = win;
		return win;`)
}

func TestFindAPIThroughACrossOriginFrame(t *testing.T) {
	for _, v := range []scorm.Version{scorm.V12, scorm.V2004} {
		win := frames(t, v.APIName())
		api, ok := findAPI(win, win, v.APIName(), hops12)
		require.True(t, ok, v.APIName())
		require.Equal(t, safejs.TypeObject, api.Type())
		_, ok = findAPI(win, win, "API_other", hops12)
		require.False(t, ok)
	}
}

func TestFindAPIInTheOpener(t *testing.T) {
	win := js(t, `const opener = { API: {} }; opener.parent = opener;
		const win = { Reflect }; win.parent = win; win.top = win; win.opener = opener; return win;`)
	_, ok := findAPI(win, win, "API", hops12)
	require.True(t, ok)
}

func TestFindAPIHopLimit(t *testing.T) {
	win := js(t, `let w = { API: {} }; w.parent = w;
		for (let i = 0; i < 10; i++) w = { parent: w };
		w.Reflect = Reflect; w.top = w; return w;`)
	_, ok := findAPI(win, win, "API", hops12)
	require.False(t, ok, "more than 7 parents up")
	_, ok = findAPI(win, win, "API", 20)
	require.True(t, ok)
}

func TestJSAPIConvertsResults(t *testing.T) {
	api := jsAPI{js(t, `return { S: (a, b) => a + "|" + b, B: () => true, F: () => false, N: () => 101, U: () => undefined,
		T: () => { throw new Error("boom") } };`)}
	for method, want := range map[string]string{"S": "x|y", "B": "true", "F": "false", "N": "101", "U": ""} {
		got, err := api.Call(method, "x", "y")
		require.NoError(t, err)
		require.Equal(t, want, got, method)
	}
	_, err := api.Call("T")
	require.ErrorContains(t, err, "boom")
	_, err = api.Call("Missing")
	require.Error(t, err)
}

// embeddedHost returns a host whose parent records posted messages.
func embeddedHost(t *testing.T) (*host, safejs.Value) {
	g := js(t, `const sent = []; const parent = { postMessage: (m, o) => sent.push([JSON.stringify(m), o]) };
		const g = { Reflect, parent, sent, console: { warn() {} } }; g.window = g; return g;`)
	h := newHost(g)
	require.True(t, h.embedded())
	sent, err := g.Get("sent")
	require.NoError(t, err)
	return h, sent
}

func sentMessages(t *testing.T, sent safejs.Value) []string {
	n, err := sent.Length()
	require.NoError(t, err)
	var out []string
	for i := range n {
		e, err := sent.Index(i)
		require.NoError(t, err)
		m, _ := e.Index(0)
		o, _ := e.Index(1)
		ms, _ := m.String()
		os, _ := o.String()
		require.Equal(t, "*", os)
		out = append(out, ms)
	}
	return out
}

func TestHostPostsReadyProgressAndComplete(t *testing.T) {
	h, sent := embeddedHost(t)
	m, _ := console.Update(console.Model{}, console.Init{Now: t0, Query: map[string]string{"lang": "en", "lab": "cloud-concepts"}})
	h.observe(m)
	require.Empty(t, sentMessages(t, sent), "nothing before the first paint")
	h.markReady(m)
	msgs := sentMessages(t, sent)
	require.Len(t, msgs, 2)
	require.JSONEq(t, `{"type":"labsim:ready","version":1}`, msgs[0])
	require.Contains(t, msgs[1], `"type":"labsim:progress"`)
	require.Contains(t, msgs[1], `"lab":"cloud-concepts"`)
	require.Contains(t, msgs[1], `"completed":0`)
	h.observe(m)
	require.Len(t, sentMessages(t, sent), 2, "an unchanged status is not posted again")

	// Answer every question right.
	for {
		s, _ := m.LabStatus()
		if s.Completed {
			break
		}
		m = answerRight(t, m)
		h.observe(m)
	}
	msgs = sentMessages(t, sent)
	require.Contains(t, msgs[len(msgs)-1], `"type":"labsim:complete"`)
	require.Contains(t, msgs[len(msgs)-1], `"score":100`)
	require.Contains(t, msgs[len(msgs)-1], `"passed":true`)
	h.observe(m)
	require.Len(t, sentMessages(t, sent), len(msgs))
}

func TestHostAcceptsOnlyTheParentsDocumentedCommands(t *testing.T) {
	h, _ := embeddedHost(t)
	parent, err := h.global.Get("parent")
	require.NoError(t, err)
	ev := func(src string, data string) safejs.Value {
		f := js(t, `return (parent, data) => ({ source: `+src+`, data: data });`)
		d := js(t, `return `+data+`;`)
		v, err := f.Invoke(parent, d)
		require.NoError(t, err)
		return v
	}
	now := time.Now()
	tests := []struct {
		src, data string
		want      console.Msg
	}{
		{"parent", `{type: "labsim:start-lab", lab: "cloud-concepts", extra: 1}`, console.HostCommand{Now: now, Command: console.CommandStartLab, Arg: "cloud-concepts"}},
		{"parent", `{type: "labsim:set-language", lang: "en"}`, console.HostCommand{Now: now, Command: console.CommandSetLanguage, Arg: "en"}},
		{"{}", `{type: "labsim:start-lab", lab: "cloud-concepts"}`, nil},
		{"null", `{type: "labsim:set-language", lang: "en"}`, nil},
		{"parent", `{type: "labsim:start-lab", lab: 4}`, nil},
		{"parent", `{type: "labsim:start-lab"}`, nil},
		{"parent", `{type: "labsim:start-lab", lab: "x".repeat(65)}`, nil},
		{"parent", `{type: "labsim:reset", lab: "x"}`, nil},
		{"parent", `"labsim:start-lab"`, nil},
		{"parent", `null`, nil},
		{"parent", `{get type() { throw new Error("no") }}`, nil},
	}
	for _, tc := range tests {
		got, ok := h.command(ev(tc.src, tc.data), now)
		require.Equal(t, tc.want != nil, ok, tc.data)
		if tc.want != nil {
			require.Equal(t, tc.want, got)
		}
	}
}

func TestScormVersions(t *testing.T) {
	doc := func(attr string) safejs.Value {
		return js(t, `return { documentElement: { getAttribute: n => n === "data-scorm" && `+attr+` !== "" ? `+attr+` : null } };`)
	}
	require.Equal(t, []scorm.Version{scorm.V12}, scormVersions(doc(`"1.2"`), ""))
	require.Equal(t, []scorm.Version{scorm.V2004}, scormVersions(doc(`""`), "2004"))
	require.Equal(t, []scorm.Version{scorm.V2004, scorm.V12}, scormVersions(doc(`""`), "1"))
	require.Empty(t, scormVersions(doc(`""`), ""))
}

func TestHostReportsToTheLMS(t *testing.T) {
	g := js(t, `const data = { "cmi.core.lesson_status": "not attempted", "cmi.student_preference.language": "ko" }; const calls = [];
		const API = { data, calls,
			LMSInitialize: () => { calls.push("init"); return "true" },
			LMSGetValue: k => data[k] || "",
			LMSSetValue: (k, v) => { data[k] = String(v); return "true" },
			LMSCommit: () => { calls.push("commit"); return "true" },
			LMSFinish: () => { calls.push("finish"); return "true" },
			LMSGetLastError: () => "0", LMSGetErrorString: () => "" };
		const top = { API }; top.parent = top; top.top = top;
		const g = { Reflect, parent: top, top, console: { warn() {} }, postMessage() {} }; g.window = g;
		top.postMessage = () => {};
		return g;`)
	h := newHost(g)
	q := newQueue()
	h.startLMS([]scorm.Version{scorm.V12}, false, q)
	msgs := q.drain()
	require.Equal(t, []console.Msg{console.HostCommand{Now: msgs[0].(console.HostCommand).Now, Command: console.CommandSetLanguage, Arg: "ko"},
		console.LMSLaunched{Now: msgs[1].(console.LMSLaunched).Now, Found: true, Resume: true}}, msgs)

	m, _ := console.Update(console.Model{}, console.Init{Now: t0, Query: map[string]string{"lang": "en", "lab": "cloud-concepts"}})
	for {
		h.observe(m)
		s, _ := m.LabStatus()
		if s.Completed {
			break
		}
		m = answerRight(t, m)
	}
	h.finish()
	api, _ := g.Get("parent")
	api, _ = api.Get("API")
	data, _ := api.Get("data")
	get := func(k string) string { v, _ := data.Get(k); s, _ := v.String(); return s }
	require.Equal(t, "passed", get("cmi.core.lesson_status"))
	require.Equal(t, "100", get("cmi.core.score.raw"))
	require.Equal(t, "", get("cmi.core.exit"))
	require.Regexp(t, `^\d{4}:\d\d:\d\d$`, get("cmi.core.session_time"))
	sd, withWorld := m.SuspendData()
	require.True(t, withWorld)
	require.Equal(t, sd, get("cmi.suspend_data"))
	calls, _ := api.Get("calls")
	last, _ := calls.Call("at", -1)
	ls, _ := last.String()
	require.Equal(t, "finish", ls)
}

func TestNoLMSIsReported(t *testing.T) {
	g := js(t, `const g = { Reflect, console: { warn() {} } }; g.parent = g; g.top = g; g.window = g; return g;`)
	h := newHost(g)
	q := newQueue()
	h.startLMS([]scorm.Version{scorm.V2004, scorm.V12}, false, q)
	msgs := q.drain()
	require.Len(t, msgs, 1)
	require.False(t, msgs[0].(console.LMSLaunched).Found)
	h.startLMS(nil, false, q)
	require.Empty(t, q.drain(), "a page that is not a SCO does not look")
}

// TestHostTellsLMSErrors: a commit the LMS refuses reaches the console as
// an LMSReport with the LMS's code and text, once while it repeats.
func TestHostTellsLMSErrors(t *testing.T) {
	g := js(t, `const data = {};
		const API = { data,
			LMSInitialize: () => "true",
			LMSGetValue: k => data[k] || "",
			LMSSetValue: (k, v) => { data[k] = String(v); return "true" },
			LMSCommit: () => "false",
			LMSFinish: () => "true",
			LMSGetLastError: () => "301", LMSGetErrorString: c => c === "301" ? "Not initialized" : "" };
		const top = { API }; top.parent = top; top.top = top;
		const g = { Reflect, parent: top, top, console: { warn() {} }, postMessage() {} }; g.window = g;
		top.postMessage = () => {};
		return g;`)
	h := newHost(g)
	q := newQueue()
	h.q = q
	h.startLMS([]scorm.Version{scorm.V12}, false, q)
	q.drain()
	m, _ := console.Update(console.Model{}, console.Init{Now: t0, Query: map[string]string{"lang": "en", "lab": "cloud-concepts"}})
	h.observe(m)
	msgs := q.drain()
	require.Len(t, msgs, 1)
	r := msgs[0].(console.LMSReport)
	require.Equal(t, "LMSCommit failed: LMS error 301 (Not initialized)", r.Error)
	m = answerRight(t, m)
	h.observe(m)
	require.Empty(t, q.drain(), "the same error is told once")
}
