// Package services is the console of the services the labs visit besides
// IAM: the VPC console (the default network of the region selected in the
// top bar: VPCs, subnets, route tables, internet gateways, network ACLs
// and security groups, read-only), EC2's Instances and S3's Buckets. Each
// page is behind the EC2 or S3 action AWS's console calls to fill it: on
// arrival the page's read goes through the world's door (logged), and the
// view shows the list or, when the signed-in principal may not see it,
// AWS's access-denied message with a Why? disclosure (core.Denied).
package services

import (
	"strconv"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/catalog"
	"labsim/sim/ec2"
)

// Route pages of the three consoles.
const (
	PageVPC = "vpc"
	PageEC2 = "ec2"
	PageS3  = "s3"
)

// page is one list page: its route, the action that fills it (on "*"),
// its navigation label and title, and its tables.
type page struct {
	console, arg, action, key string
	tables                    func(n ec2.Network, known bool) []table
}

// table is one table of a page: a heading, column headings (catalog
// keys) and rows of cells; empty says what shows when there are no rows.
type table struct {
	title string
	cols  []string
	rows  [][]cell
	empty string
}

// cell is a table cell: data, or catalog text when key is set.
type cell struct{ v, key string }

func d(v string) cell   { return cell{v: v} }
func t(key string) cell { return cell{key: key} }

// pages lists every page; the first page of a console is its landing page
// ("#/vpc" is Your VPCs).
var pages = []page{
	{PageVPC, "", "ec2:DescribeVpcs", "vpc.nav.vpcs", vpcTables},
	{PageVPC, "subnets", "ec2:DescribeSubnets", "vpc.nav.subnets", subnetTables},
	{PageVPC, "route-tables", "ec2:DescribeRouteTables", "vpc.nav.routeTables", routeTables},
	{PageVPC, "internet-gateways", "ec2:DescribeInternetGateways", "vpc.nav.igws", igwTables},
	{PageVPC, "network-acls", "ec2:DescribeNetworkAcls", "vpc.nav.acls", aclTables},
	{PageVPC, "security-groups", "ec2:DescribeSecurityGroups", "vpc.nav.sgs", sgTables},
	{PageEC2, "", "ec2:DescribeInstances", "ec2.nav.instances", instanceTables},
	{PageS3, "", "s3:ListAllMyBuckets", "s3.nav.buckets", bucketTables},
}

// PageAction returns the IAM action that a console route needs (on "*"),
// for the enforcement table: "" for a route this package does not show.
func PageAction(r core.Route) string {
	if p, ok := pageFor(r); ok {
		return p.action
	}
	return ""
}

// pageFor finds a route's page.
func pageFor(r core.Route) (page, bool) {
	for _, p := range pages {
		if p.console == r.Page && p.arg == r.Arg && r.Rest == "" {
			return p, true
		}
	}
	return page{}, false
}

// VPCArea is the VPC console (vpc.…).
func VPCArea() core.Area { return area(PageVPC) }

// EC2Area is EC2's Instances page (ec2.…).
func EC2Area() core.Area { return area(PageEC2) }

// S3Area is S3's Buckets page (s3.…).
func S3Area() core.Area { return area(PageS3) }

func area(console string) core.Area {
	return core.Area{
		Pages:  []string{console},
		Prefix: console,
		View:   view,
		Title: func(m core.Model, c i18n.Catalog, r core.Route) string {
			if p, ok := pageFor(r); ok {
				return c.T(p.key) + " | " + c.T(p.console+".console")
			}
			return c.T("notfound.title")
		},
		Load: load,
		Click: func(m core.Model, action, arg string) (core.Model, []core.Effect) {
			if action == console+".why" {
				return m.ToggleWhy(), nil
			}
			return m, nil
		},
	}
}

// load makes the page's read request through the door.
func load(m core.Model, r core.Route) (core.Model, []core.Effect) {
	p, ok := pageFor(r)
	if !ok {
		return m, nil
	}
	return pageModel(m, p).ReadPage(p.action, "*"), nil
}

// pageModel is the model a page's requests see: S3's console is global,
// and AWS sends s3:ListAllMyBuckets to us-east-1.
func pageModel(m core.Model, p page) core.Model {
	if p.console == PageS3 {
		m.UI.Region = "us-east-1"
	}
	return m
}

// layout is every page: the console's side navigation and the page with
// its breadcrumbs, heading, region line and content (tables or the
// access-denied box).
var layout = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-layout"}}, Kids: []ui.Tpl{
	{Tag: "nav", Attrs: []ui.Attr{{Key: "class", Val: "side-nav"}, {Key: "aria-labelledby", Val: "svc-nav-title"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "svc-nav-title"}}, T: "$console"},
		{Tag: "ul", Kids: []ui.Tpl{{Each: "nav", Tag: "li", Kids: []ui.Tpl{
			{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$href"}, {Key: "aria-current", Val: "?current:page"}}, T: "$label"},
		}}}},
	}},
	{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "page svc-page"}}, Kids: []ui.Tpl{
		{Tag: "nav", Attrs: []ui.Attr{{Key: "class", Val: "breadcrumbs"}, {Key: "aria-label", Val: "%nav.breadcrumbs"}}, Kids: []ui.Tpl{
			{Tag: "ol", Kids: []ui.Tpl{
				{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$home"}}, T: "$console"}}},
				{Tag: "li", Attrs: []ui.Attr{{Key: "aria-current", Val: "page"}}, T: "$title"},
			}},
		}},
		{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "$title"},
		{If: "regional", Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "subtitle"}}, T: "vpc.regionLine", Args: []string{"region", "$region"}},
		{Slot: "denied"},
		{Each: "tables", Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "$id"}}, Kids: []ui.Tpl{
			{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "$id"}}, T: "$tableTitle", Kids: []ui.Tpl{
				{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "count"}}, D: "count"},
			}},
			{If: "empty", Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "empty-note"}}, T: "$emptyKey"},
			{If: "!empty", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "table-wrap"}, {Key: "tabindex", Val: "0"}, {Key: "role", Val: "region"}, {Key: "aria-labelledby", Val: "$id"}}, Kids: []ui.Tpl{
				{Tag: "table", Attrs: []ui.Attr{{Key: "class", Val: "table"}, {Key: "aria-labelledby", Val: "$id"}}, Kids: []ui.Tpl{
					{Tag: "thead", Kids: []ui.Tpl{{Tag: "tr", Kids: []ui.Tpl{
						{Each: "cols", Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "$col"},
					}}}},
					{Tag: "tbody", Kids: []ui.Tpl{{Each: "rows", Tag: "tr", Kids: []ui.Tpl{
						// A cell is data (v) or catalog text the page translated (t).
						{Each: "cells", Tag: "td", T: "=t", D: "v"},
					}}}},
				}},
			}},
		}},
	}},
}}

// view renders a page of one of the three consoles.
func view(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	p, ok := pageFor(r)
	if !ok {
		return notFound.Root(c, nil)
	}
	var nav []ui.Vals
	for _, q := range pages {
		if q.console != p.console {
			continue
		}
		nav = append(nav, ui.Vals{{K: "href", S: core.Route{Page: q.console, Arg: q.arg}.Hash()},
			{K: "label", S: q.key}, {K: "current", B: q.arg == p.arg}})
	}
	region := m.UI.Region
	reg, _ := catalog.LookupRegion(region)
	regionName := reg.Name
	if c.Lang() == i18n.KO {
		regionName = reg.NameKO
	}
	vals := ui.Vals{
		{K: "console", S: p.console + ".console"},
		{K: "home", S: core.Route{Page: p.console}.Hash()},
		{K: "title", S: p.key},
		{K: "nav", L: nav},
		{K: "regional", B: p.console != PageS3},
		{K: "region", S: regionName + " " + region},
	}
	res := pageModel(m, p).AuthorizePage(p.action, "*")
	if res.Decision != sim.Allowed {
		vals = append(vals, ui.V{K: "denied", N: []ui.Node{core.Denied(c, m, res, p.console+".why")}})
		return layout.Root(c, vals)
	}
	acct, _ := m.Account()
	n, _ := ec2.Default(acct.ID, region)
	_, known := catalog.AvailabilityZones(region)
	var tables []ui.Vals
	for i, tb := range p.tables(n, known) {
		cols := make([]ui.Vals, len(tb.cols))
		for j, col := range tb.cols {
			cols[j] = ui.Vals{{K: "col", S: col}}
		}
		rows := make([]ui.Vals, len(tb.rows))
		for j, row := range tb.rows {
			cells := make([]ui.Vals, len(row))
			for k, cl := range row {
				if cl.key != "" {
					cells[k] = ui.Vals{{K: "t", S: c.T(cl.key)}}
				} else {
					cells[k] = ui.Vals{{K: "v", S: cl.v}}
				}
			}
			rows[j] = ui.Vals{{K: "cells", L: cells}}
		}
		tables = append(tables, ui.Vals{
			{K: "id", S: "svc-table-" + strconv.Itoa(i)},
			{K: "tableTitle", S: tb.title},
			{K: "count", S: " (" + strconv.Itoa(len(tb.rows)) + ")"},
			{K: "empty", B: len(tb.rows) == 0},
			{K: "emptyKey", S: tb.empty},
			{K: "cols", L: cols},
			{K: "rows", L: rows},
		})
	}
	vals = append(vals, ui.V{K: "tables", L: tables})
	return layout.Root(c, vals)
}

// notFound is a console route with no page.
var notFound = ui.Tpl{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "page"}}, Kids: []ui.Tpl{
	{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "notfound.title"},
	{Tag: "p", T: "notfound.body"},
	{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/"}}, T: "notfound.home"},
}}

// dash is what the console shows for an empty value.
const dash = "–"

func yesNo(b bool) cell {
	if b {
		return t("vpc.yes")
	}
	return t("vpc.no")
}

func vpcTables(n ec2.Network, _ bool) []table {
	return []table{{title: "vpc.nav.vpcs", empty: "vpc.none",
		cols: []string{"vpc.col.name", "vpc.col.vpcId", "vpc.col.state", "vpc.col.ipv4", "vpc.col.dhcp", "vpc.col.mainRtb", "vpc.col.mainAcl", "vpc.col.tenancy", "vpc.col.default", "vpc.col.owner"},
		rows: [][]cell{{d(dash), d(n.VPC.ID), t("vpc.state." + n.VPC.State), d(n.VPC.CIDR), d(n.DHCPOptionsID), d(n.RouteTable.ID), d(n.NetworkACL.ID), d(n.VPC.Tenancy), yesNo(n.VPC.IsDefault), d(n.AccountID)}}}}
}

func subnetTables(n ec2.Network, known bool) []table {
	empty := "vpc.subnets.none"
	if !known {
		empty = "vpc.subnets.noZoneData"
	}
	tb := table{title: "vpc.nav.subnets", empty: empty,
		cols: []string{"vpc.col.name", "vpc.col.subnetId", "vpc.col.state", "vpc.col.vpc", "vpc.col.ipv4", "vpc.col.availableIPs", "vpc.col.az", "vpc.col.azId", "vpc.col.defaultSubnet", "vpc.col.autoPublic"}}
	for _, s := range n.Subnets {
		tb.rows = append(tb.rows, []cell{d(dash), d(s.ID), t("vpc.state.available"), d(n.VPC.ID), d(s.CIDR), d(strconv.Itoa(s.AvailableIPs)), d(s.AZ), d(s.AZID), yesNo(s.DefaultForAZ), yesNo(s.MapPublicIPv4)})
	}
	return []table{tb}
}

func routeTables(n ec2.Network, _ bool) []table {
	routes := table{title: "vpc.routes", cols: []string{"vpc.col.destination", "vpc.col.target", "vpc.col.status"}, empty: "vpc.none"}
	for _, r := range n.RouteTable.Routes {
		routes.rows = append(routes.rows, []cell{d(r.Destination), d(r.Target), t("vpc.state." + r.State)})
	}
	return []table{{title: "vpc.nav.routeTables", empty: "vpc.none",
		cols: []string{"vpc.col.name", "vpc.col.rtbId", "vpc.col.explicitSubnets", "vpc.col.main", "vpc.col.vpc", "vpc.col.owner"},
		rows: [][]cell{{d(dash), d(n.RouteTable.ID), d(dash), yesNo(n.RouteTable.Main), d(n.VPC.ID), d(n.AccountID)}}}, routes}
}

func igwTables(n ec2.Network, _ bool) []table {
	return []table{{title: "vpc.nav.igws", empty: "vpc.none",
		cols: []string{"vpc.col.name", "vpc.col.igwId", "vpc.col.state", "vpc.col.vpcId", "vpc.col.owner"},
		rows: [][]cell{{d(dash), d(n.InternetGateway.ID), t("vpc.state." + n.InternetGateway.State), d(n.VPC.ID), d(n.AccountID)}}}}
}

func aclTables(n ec2.Network, _ bool) []table {
	in := table{title: "vpc.inbound", cols: []string{"vpc.col.rule", "vpc.col.type", "vpc.col.protocol", "vpc.col.ports", "vpc.col.source", "vpc.col.allowDeny"}, empty: "vpc.none"}
	out := table{title: "vpc.outbound", cols: []string{"vpc.col.rule", "vpc.col.type", "vpc.col.protocol", "vpc.col.ports", "vpc.col.destination", "vpc.col.allowDeny"}, empty: "vpc.none"}
	for _, e := range n.NetworkACL.Entries {
		rule := "*"
		if e.RuleNumber != 0 {
			rule = strconv.Itoa(e.RuleNumber)
		}
		row := []cell{d(rule), t("vpc.allTraffic"), t("vpc.all"), t("vpc.all"), d(e.CIDR), t("vpc.acl." + e.Action)}
		if e.Egress {
			out.rows = append(out.rows, row)
		} else {
			in.rows = append(in.rows, row)
		}
	}
	return []table{{title: "vpc.nav.acls", empty: "vpc.none",
		cols: []string{"vpc.col.name", "vpc.col.aclId", "vpc.col.associated", "vpc.col.default", "vpc.col.vpcId", "vpc.col.inRules", "vpc.col.outRules", "vpc.col.owner"},
		rows: [][]cell{{d(dash), d(n.NetworkACL.ID), d(strconv.Itoa(len(n.Subnets))), yesNo(n.NetworkACL.Default), d(n.VPC.ID), d(strconv.Itoa(len(in.rows))), d(strconv.Itoa(len(out.rows))), d(n.AccountID)}}}, in, out}
}

func sgTables(n ec2.Network, _ bool) []table {
	in := table{title: "vpc.inbound", cols: []string{"vpc.col.type", "vpc.col.protocol", "vpc.col.ports", "vpc.col.source"}, empty: "vpc.none"}
	out := table{title: "vpc.outbound", cols: []string{"vpc.col.type", "vpc.col.protocol", "vpc.col.ports", "vpc.col.destination"}, empty: "vpc.none"}
	for _, r := range n.SecurityGroup.Rules {
		peer := r.CIDR
		if r.SourceGroupID != "" {
			peer = r.SourceGroupID + " / " + n.SecurityGroup.Name
		}
		row := []cell{t("vpc.allTraffic"), t("vpc.all"), t("vpc.all"), d(peer)}
		if r.Egress {
			out.rows = append(out.rows, row)
		} else {
			in.rows = append(in.rows, row)
		}
	}
	sg := n.SecurityGroup
	return []table{{title: "vpc.nav.sgs", empty: "vpc.none",
		cols: []string{"vpc.col.name", "vpc.col.sgId", "vpc.col.sgName", "vpc.col.vpcId", "vpc.col.description", "vpc.col.owner", "vpc.col.inRules", "vpc.col.outRules"},
		rows: [][]cell{{d(dash), d(sg.ID), d(sg.Name), d(n.VPC.ID), d(sg.Description), d(n.AccountID), d(strconv.Itoa(len(in.rows))), d(strconv.Itoa(len(out.rows)))}}}, in, out}
}

func instanceTables(ec2.Network, bool) []table {
	return []table{{title: "ec2.nav.instances", empty: "ec2.none",
		cols: []string{"vpc.col.name", "ec2.col.instanceId", "ec2.col.state", "ec2.col.type", "vpc.col.az", "ec2.col.publicIP"}}}
}

func bucketTables(ec2.Network, bool) []table {
	return []table{{title: "s3.buckets", empty: "s3.none",
		cols: []string{"vpc.col.name", "s3.col.region", "s3.col.created"}}}
}
