package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"labsim/sim/catalog"
)

var once = sync.OnceValue(func() int { return 1 })

func main() {
	var v map[string]any
	_ = json.Unmarshal([]byte(os.Args[0]), &v)
	s := []string{os.Args[0], "b"}
	slices.SortFunc(s, strings.Compare)
	sort.Strings(s)
	fmt.Println(v, s, strconv.Itoa(len(s)), time.Now().Format(time.RFC3339), once())
	a, err := catalog.ParseActions([]byte(os.Args[0]))
	if err == nil {
		fmt.Println(a.Action("iam", "x"))
		fmt.Println(a.ConditionKey("x"))
	}
	p, _ := catalog.LookupManagedPolicy("x")
	r, _ := catalog.LookupRegion("x")
	fmt.Println(len(catalog.Regions()), len(catalog.ManagedPolicies()), p.Name, r.Name, catalog.GlobalConditionKeys())
}
