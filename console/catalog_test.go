package console

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/catalog"
)

// fakeActions is enough of a catalog to prove it is delivered.
type fakeActions struct{ catalog.Actions }

func TestCatalogIsRequestedOnceAndDelivered(t *testing.T) {
	m := demoModel(t)
	require.Nil(t, m.Actions, "nothing loads the catalog at start-up")
	m, fx := m.needCatalog()
	require.Equal(t, []Effect{LoadCatalog{}}, fx)
	m, fx = m.needCatalog()
	require.Empty(t, fx, "asked for once")
	m = send(m, CatalogLoaded{Now: t0, Actions: fakeActions{}})
	require.Equal(t, "loaded", m.CatalogState)
	require.NotNil(t, m.Actions)
}

func TestCatalogFailureIsReported(t *testing.T) {
	m := demoModel(t)
	m, _ = m.needCatalog()
	m = send(m, CatalogLoaded{Now: t0, Err: "HTTP 404"})
	require.Equal(t, "failed", m.CatalogState)
	require.Equal(t, "notice.catalog.failed", m.Notices[len(m.Notices)-1].Key)
	_, fx := m.needCatalog()
	require.Empty(t, fx, "a failed load is not retried in a loop")
}
