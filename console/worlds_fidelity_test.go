package console_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/i18n"
	"labsim/sim"
	"labsim/sim/mfa"
)

// TestPreparedWorldsAreTranslated: every prepared world has a title in
// both languages, the notice after loading names it by that title rather
// than its id, and the root-mfa world shows its published demo secret.
func TestPreparedWorldsAreTranslated(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
		c := i18n.For(l)
		for _, p := range sim.PreparedWorlds() {
			require.True(t, c.Has("world.title."+p.Name), "%s has no title in %s", p.Name, l)
			require.True(t, c.Has("world."+p.Name), "%s has no description in %s", p.Name, l)
		}
	}
	m, _ := start(t, map[string]string{"lang": "ko"}, "")
	m = send(m, Navigate{Now: t0, Hash: "#/simulator"})
	require.True(t, shows(m, string(mfa.DemoSecret)), "the root-mfa world shows its secret")
	m = click(click(m, "world", "fresh"), "world", "fresh")
	require.True(t, shows(m, "준비된 환경 “새로 시작”을(를) 불러왔습니다."))
	require.False(t, shows(m, "fresh을(를)"))
	m = click(m, "lang", "en")
	require.True(t, shows(m, "Loaded the prepared world “Fresh start”."), "the notice follows the language")
	for _, p := range sim.PreparedWorlds() {
		for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
			require.True(t, i18n.For(l).Has("notice.world.loaded."+p.Name), "%s in %s", p.Name, l)
		}
	}
}

func shows(m Model, s string) bool { return suText(m, s) }
