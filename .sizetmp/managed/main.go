package main

import (
	"fmt"
	"labsim/sim/catalog"
)

func main() { fmt.Println(len(catalog.Regions()), len(catalog.ManagedPolicies())) }
