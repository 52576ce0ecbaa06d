// Package entrytest holds the tests of the console as the first-visit
// binary builds it (build tag entry): `go test -tags entry
// ./console/entrytest` (make test-native runs them). Without the tag it
// is empty.
package entrytest
