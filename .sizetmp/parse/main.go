package main

import (
	"fmt"
	"os"
	"labsim/sim/catalog"
)

func main() {
	a, err := catalog.ParseActions([]byte(os.Args[0]))
	fmt.Println(len(catalog.Regions()), len(catalog.ManagedPolicies()), a, err)
}
