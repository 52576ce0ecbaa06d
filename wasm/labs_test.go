//go:build js && wasm && !entry

package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console"
)

func TestLoadInstructorLabsReadsTheIndexAndEachFile(t *testing.T) {
	g := js(t, `const files = {'labs/index.json': '["a.json", "gone.json", "../x.json"]', 'labs/a.json': '{"id": "a"}'};
		const g = { asked: [] };
		g.fetch = url => { g.asked.push(url); return Promise.resolve(url in files
			? { ok: true, status: 200, text: () => Promise.resolve(files[url]) }
			: { ok: false, status: 404, text: () => Promise.resolve('') }); };
		return g;`)
	got := make(chan console.Msg, 1)
	loadInstructorLabs(g, func(m console.Msg) { got <- m })
	var msg console.InstructorLabs
	select {
	case m := <-got:
		msg = m.(console.InstructorLabs)
	case <-time.After(5 * time.Second):
		t.Fatal("no InstructorLabs message")
	}
	require.Empty(t, msg.Err)
	require.Equal(t, []console.LabFile{{Name: "a.json", Data: `{"id": "a"}`}, {Name: "gone.json", Err: "HTTP 404"}, {Name: "../x.json"}}, msg.Files)
	asked, err := g.Get("asked")
	require.NoError(t, err)
	n, err := asked.Length()
	require.NoError(t, err)
	require.Equal(t, 3, n, "a name that is not a lab file's is never fetched")
}

func TestLoadInstructorLabsReportsAMissingIndex(t *testing.T) {
	for _, tc := range []struct{ name, fetch, err string }{
		{"404", `url => Promise.resolve({ ok: false, status: 404 })`, "HTTP 404"},
		{"refused", `url => Promise.reject(new TypeError('labs/index.json is not part of this single-file package'))`, "labs/index.json is not part of this single-file package"},
		{"not a list", `url => Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve('{}') })`, "not a JSON list of lab file names"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := js(t, `return { fetch: `+tc.fetch+` };`)
			got := make(chan console.Msg, 1)
			loadInstructorLabs(g, func(m console.Msg) { got <- m })
			select {
			case m := <-got:
				require.Contains(t, m.(console.InstructorLabs).Err, tc.err)
				require.Empty(t, m.(console.InstructorLabs).Files)
			case <-time.After(5 * time.Second):
				t.Fatal("no InstructorLabs message")
			}
		})
	}
}

func TestInstructorLabsAttribute(t *testing.T) {
	for attr, want := range map[string]bool{`'labs'`: true, `null`: false, `''`: false, `'elsewhere'`: false} {
		doc := js(t, `return { documentElement: { getAttribute: n => n === 'data-labs' ? `+attr+` : null } };`)
		require.Equal(t, want, instructorLabs(doc), attr)
	}
}
