package core

import "strings"

// Route is a parsed URL fragment: "#/services/s3" → {Page: "services", Arg: "s3"}.
type Route struct {
	Page string
	Arg  string
	Rest string
}

// ParseRoute parses a fragment such as "#/iam/users". Unknown or empty
// fragments give the home route.
func ParseRoute(hash string) Route {
	h := strings.TrimPrefix(hash, "#")
	h = strings.Trim(h, "/")
	if h == "" {
		return Route{Page: "home"}
	}
	parts := strings.SplitN(h, "/", 3)
	r := Route{Page: parts[0]}
	if len(parts) > 1 {
		r.Arg = parts[1]
	}
	if len(parts) > 2 {
		r.Rest = parts[2]
	}
	return r
}

// Hash renders the route as a URL fragment.
func (r Route) Hash() string {
	if r.Page == "home" || r.Page == "" {
		return "#/"
	}
	h := "#/" + r.Page
	if r.Arg != "" {
		h += "/" + r.Arg
	}
	if r.Rest != "" {
		h += "/" + r.Rest
	}
	return h
}
