package policies

import (
	"strconv"
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/iam/policies/visual"
	"labsim/console/ui"
	"labsim/sim/catalog"
)

// The visual editor's fields: the editor mode, the note shown when a text
// cannot be shown as a form, and per statement i the working fields
// "policies.v.<what>.<i>" (service search, chosen service before any
// action, action search, open access level, resource type, ARN parts,
// whole ARN, source IPs, the new condition's key, operator and values).
const (
	fieldMode = "policies.mode"
	fieldNote = "policies.v.note"
	vPrefix   = "policies.v."
)

// vField is statement i's working field what.
func vField(what string, i int) string { return vPrefix + what + "." + strconv.Itoa(i) }

// visualTpl is the Visual tab: a card per statement, rendered from data.
var visualTpl = ui.MustParse(`
<div id="pe-visual" role="tabpanel" aria-labelledby="pe-tab-visual">
	<section each="stmts" class="pv-stmt container" aria-labelledby="$hid">
		<div class="pv-head">
			<h3 id="$hid">{t visual.stmt n=$n svc=$svcName}</h3>
			<button type="button" class="btn btn-normal" data-action="policies.v.up" data-arg="$i" disabled="?first" aria-label="%visual.up">{"↑"}</button>
			<button type="button" class="btn btn-normal" data-action="policies.v.down" data-arg="$i" disabled="?last" aria-label="%visual.down">{"↓"}</button>
			<button type="button" class="btn btn-normal" data-action="policies.v.del" data-arg="$i">{t visual.remove}</button>
		</div>
		<fieldset class="pv-effect">
			<legend>{t visual.effect}</legend>
			<input id="$allowID" type="radio" name="$effName" checked="?allow" data-action="policies.v.effect" data-arg="$allowArg"/><label for="$allowID">{t visual.allow}</label>
			<input id="$denyID" type="radio" name="$effName" checked="?deny" data-action="policies.v.effect" data-arg="$denyArg"/><label for="$denyID">{t visual.deny}</label>
		</fieldset>
		<div class="pv-part">
			<h4>{t visual.service}</h4>
			<_ if="hasSvc">
				<p><strong>{d svcName}</strong>
				<button type="button" class="btn btn-normal" data-action="policies.v.svc" data-arg="$clearArg">{t visual.changeService}</button></p>
			</_>
			<_ if="!hasSvc">
				<label for="$svcqID">{t visual.serviceSearch}</label>
				<input id="$svcqID" type="search" name="$svcqName" value="$svcq" aria-describedby="pe-vpc-hint"/>
				<p id="pe-vpc-hint" class="field-hint">{t visual.vpcHint}</p>
				<p if="loading" class="field-hint">{t policies.panel.loading}</p>
				<ul class="pv-list">
					<li><button type="button" class="btn-link" data-action="policies.v.svc" data-arg="$allSvcArg">{t visual.allServices}</button></li>
					<li each="services"><button type="button" class="btn-link" data-action="policies.v.svc" data-arg="$arg">{d name}{" ("}{d prefix}{")"}</button></li>
				</ul>
			</_>
		</div>
		<div if="actionsPart" class="pv-part">
			<h4>{t visual.actions}</h4>
			<div class="pv-check"><input id="$allID" type="checkbox" checked="?all" data-action="policies.v.all" data-arg="$i"/><label for="$allID">{t visual.allActions svc=$svcName}</label></div>
			<label for="$actqID">{t visual.actionSearch}</label>
			<input id="$actqID" type="search" name="$actqName" value="$actq"/>
			<div each="levels" class="pv-level">
				<input id="$cid" type="checkbox" checked="?on" data-action="policies.v.level" data-arg="$arg"/><label for="$cid">{t visual.allLevel level=$level}</label>
				<span class="field-hint">{t visual.chosen n=$chosen total=$total}</span>
				<button type="button" class="btn-link" data-action="policies.v.open" data-arg="$arg" aria-expanded="$open">{t $toggle}</button>
			</div>
			<ul class="pv-list">
				<li each="actions" class="pv-check"><input id="$cid" type="checkbox" checked="?on" data-action="policies.v.act" data-arg="$arg"/><label for="$cid">{d name}</label><span class="field-hint">{d level}</span></li>
			</ul>
			<p if="more" class="field-hint">{t visual.more n=$more}</p>
		</div>
		<div class="pv-part">
			<h4>{t visual.resources}</h4>
			<div class="pv-check"><input id="$resAllID" type="radio" name="$resName" checked="?allRes" data-action="policies.v.res" data-arg="$resAll"/><label for="$resAllID">{t visual.resAll}</label></div>
			<div class="pv-check"><input id="$resSpecID" type="radio" name="$resName" checked="?specRes" data-action="policies.v.res" data-arg="$resSpec"/><label for="$resSpecID">{t visual.resSpecific}</label></div>
			<_ if="!allRes">
				<ul class="pv-list"><li each="arns"><span class="mono">{d arn}</span><button type="button" class="btn-link" data-action="policies.v.arnDel" data-arg="$arg">{t visual.remove}</button></li></ul>
				<_ if="rtypes">
					<label for="$rtID">{t visual.resType}</label>
					<select id="$rtID" name="$rtName"><option each="rtypes" value="$name" selected="?sel">{d name}</option></select>
					<p class="mono field-hint">{d format}</p>
					<div each="parts" class="form-field"><label for="$id">{d label}</label><input id="$id" name="$id" value="$val" placeholder="%visual.any"/></div>
					<button type="button" class="btn btn-normal" data-action="policies.v.arnAdd" data-arg="$i">{t visual.addARN}</button>
				</_>
				<label for="$arnID">{t visual.arnText}</label>
				<input id="$arnID" name="$arnID" value="$arnText" class="mono" aria-describedby="$arnErrID"/>
				<p if="arnErr" id="$arnErrID" class="field-error">{t $arnErr}</p>
				<button type="button" class="btn btn-normal" data-action="policies.v.arnText" data-arg="$i">{t visual.addThisARN}</button>
			</_>
		</div>
		<div class="pv-part">
			<h4>{t visual.conditions}</h4>
			<div class="pv-check"><input id="$mfaID" type="checkbox" checked="?mfa" data-action="policies.v.mfa" data-arg="$i"/><label for="$mfaID">{t visual.mfa}</label></div>
			<label for="$ipID">{t visual.sourceIP}</label>
			<input id="$ipID" name="$ipID" value="$ip" class="mono" aria-describedby="$ipErrID"/>
			<p if="ipErr" id="$ipErrID" class="field-error">{t visual.badIP list=$ipErr}</p>
			<button type="button" class="btn btn-normal" data-action="policies.v.ip" data-arg="$i">{t visual.setIP}</button>
			<ul class="pv-list"><li each="conds"><span class="mono">{d text}</span><button type="button" class="btn-link" data-action="policies.v.condDel" data-arg="$arg">{t visual.remove}</button></li></ul>
			<fieldset class="pv-cond">
				<legend>{t visual.addCondition}</legend>
				<label for="$ckID">{t visual.condKey}</label>
				<input id="$ckID" name="$ckID" value="$ck" list="pv-keys" class="mono"/>
				<label for="$coID">{t visual.condOp}</label>
				<select id="$coID" name="$coID"><option each="ops" value="$op" selected="?sel">{d op}</option></select>
				<label for="$cvID">{t visual.condValue}</label>
				<input id="$cvID" name="$cvID" value="$cv" class="mono" aria-describedby="$cvHint"/>
				<p id="$cvHint" class="field-hint">{t visual.condValueHint}</p>
				<p if="condErr" class="field-error" role="alert">{t $condErr}</p>
				<button type="button" class="btn btn-normal" data-action="policies.v.cond" data-arg="$i">{t visual.addCondition}</button>
			</fieldset>
		</div>
	</section>
	<datalist id="pv-keys"><option each="keys" value="$k"/></datalist>
	<button type="button" class="btn btn-normal" data-action="policies.v.add">{t visual.addMore}</button>
</div>`)

// visualVals is the view-model of the Visual tab for a document.
func visualVals(m core.Model, c i18n.Catalog, d visual.Doc) ui.Vals {
	var stmts []ui.Vals
	for i, s := range d.Statements {
		is := strconv.Itoa(i)
		arg := func(x string) string { return is + ":" + x }
		svc := s.Service
		if svc == "" {
			svc = m.Field(vField("svc", i))
		}
		var cs *catalog.Service
		if m.Actions != nil && svc != "" && svc != "*" {
			cs, _ = m.Actions.Service(svc)
		}
		svcName := svc
		if svc == "*" {
			svcName = c.T("visual.allServices")
		} else if cs != nil {
			svcName = cs.Name
		}
		v := ui.Vals{{K: "i", S: is}, {K: "n", S: strconv.Itoa(i + 1)}, {K: "hid", S: "pv-h-" + is},
			{K: "first", B: i == 0}, {K: "last", B: i == len(d.Statements)-1},
			{K: "effName", S: vField("eff", i)}, {K: "allow", B: s.Effect != "Deny"}, {K: "deny", B: s.Effect == "Deny"},
			{K: "allowArg", S: arg("Allow")}, {K: "allowID", S: "pv-allow-" + is}, {K: "denyID", S: "pv-deny-" + is}, {K: "allID", S: "pv-all-" + is},
			{K: "resAllID", S: "pv-resall-" + is}, {K: "resSpecID", S: "pv-resspec-" + is}, {K: "mfaID", S: "pv-mfa-" + is}, {K: "denyArg", S: arg("Deny")},
			{K: "hasSvc", B: svc != ""}, {K: "svcName", S: svcName}, {K: "clearArg", S: arg("")}, {K: "allSvcArg", S: arg("*")},
			{K: "svcqID", S: vField("svcq", i)}, {K: "svcqName", S: vField("svcq", i)}, {K: "svcq", S: m.Field(vField("svcq", i))},
			{K: "loading", B: m.Actions == nil},
			{K: "actionsPart", B: cs != nil}, {K: "all", B: s.All},
			{K: "actqID", S: vField("actq", i)}, {K: "actqName", S: vField("actq", i)}, {K: "actq", S: m.Field(vField("actq", i))},
			{K: "resName", S: vField("res", i)}, {K: "allRes", B: s.AllResources}, {K: "specRes", B: !s.AllResources}, {K: "resAll", S: arg("all")}, {K: "resSpec", S: arg("specific")},
			{K: "arnID", S: vField("arn", i)}, {K: "arnText", S: m.Field(vField("arn", i))}, {K: "arnErrID", S: vField("arn", i) + "-err"},
			{K: "mfa", B: s.Condition("Bool", visual.MFAKey) >= 0},
			{K: "ipID", S: vField("ip", i)}, {K: "ip", S: m.Field(vField("ip", i))}, {K: "ipErrID", S: vField("ip", i) + "-err"},
			{K: "ckID", S: vField("ck", i)}, {K: "ck", S: m.Field(vField("ck", i))}, {K: "coID", S: vField("co", i)},
			{K: "cvID", S: vField("cv", i)}, {K: "cv", S: m.Field(vField("cv", i))}, {K: "cvHint", S: vField("cv", i) + "-hint"},
		}
		if !s.AllResources {
			if t := m.Field(vField("arn", i)); t != "" {
				if p := visual.CheckARN(t, svc); p != "" {
					v = append(v, ui.V{K: "arnErr", S: p, B: true})
				}
			}
		}
		if t := m.Field(vField("ip", i)); t != "" {
			var probe visual.Statement
			if bad := probe.SetSourceIP(t); len(bad) > 0 {
				v = append(v, ui.V{K: "ipErr", S: strings.Join(bad, ", "), B: true})
			}
		}
		if e := m.Field(vField("err", i)); e != "" {
			v = append(v, ui.V{K: "condErr", S: e, B: true})
		}
		if svc == "" {
			v = append(v, ui.V{K: "services", L: serviceHits(m, m.Field(vField("svcq", i)), is)})
		}
		if cs != nil {
			v = append(v, actionVals(m, c, &s, cs, i)...)
			var rts []ui.Vals
			chosen := m.Field(vField("rt", i))
			var rt catalog.ResourceType
			for k, r := range cs.ResourceTypes {
				sel := r.Name == chosen || chosen == "" && k == 0
				if sel {
					rt = r
				}
				rts = append(rts, ui.Vals{{K: "name", S: r.Name}, {K: "sel", B: sel}})
			}
			var parts []ui.Vals
			for _, f := range visual.ARNFields(rt.ARN) {
				id := vField("arnp", i) + "." + f
				parts = append(parts, ui.Vals{{K: "id", S: id}, {K: "label", S: f}, {K: "val", S: m.Field(id)}})
			}
			v = append(v, ui.V{K: "rtypes", L: rts, B: len(rts) > 0}, ui.V{K: "rtID", S: vField("rt", i)}, ui.V{K: "rtName", S: vField("rt", i)},
				ui.V{K: "format", S: rt.ARN}, ui.V{K: "parts", L: parts})
		}
		var arns, conds []ui.Vals
		for _, a := range s.ARNs {
			arns = append(arns, ui.Vals{{K: "arn", S: a}, {K: "arg", S: arg(a)}})
		}
		for k, cd := range s.Conditions {
			conds = append(conds, ui.Vals{{K: "text", S: cd.Operator + " " + cd.Key + " " + strings.Join(cd.Values, ", ")}, {K: "arg", S: arg(strconv.Itoa(k))}})
		}
		keyType := "String"
		if k, ok := catalog.GlobalConditionKey(m.Field(vField("ck", i))); ok {
			keyType = strings.Split(k.Type, "|")[0]
		} else if m.Actions != nil {
			if k, ok := m.Actions.ConditionKey(m.Field(vField("ck", i))); ok {
				keyType = strings.Split(k.Type, "|")[0]
			}
		}
		var ops []ui.Vals
		op := m.Field(vField("co", i))
		for k, o := range visual.Operators(keyType) {
			ops = append(ops, ui.Vals{{K: "op", S: o}, {K: "sel", B: o == op || op == "" && k == 0}})
		}
		v = append(v, ui.V{K: "arns", L: arns}, ui.V{K: "conds", L: conds}, ui.V{K: "ops", L: ops})
		stmts = append(stmts, v)
	}
	var keys []ui.Vals
	for _, k := range catalog.GlobalConditionKeys() {
		keys = append(keys, ui.Vals{{K: "k", S: k.Name}})
	}
	return ui.Vals{{K: "stmts", L: stmts}, {K: "keys", L: keys}}
}

// serviceHits are the services whose name or prefix holds the search
// (VPC, a part of EC2, finds ec2), at most 12.
func serviceHits(m core.Model, q, is string) []ui.Vals {
	q = strings.ToLower(strings.TrimSpace(q))
	if m.Actions == nil || q == "" {
		return nil
	}
	var out []ui.Vals
	for _, p := range m.Actions.Prefixes() {
		s, _ := m.Actions.Service(p)
		hit := strings.Contains(strings.ToLower(s.Name), q) || strings.HasPrefix(p, q) || p == "ec2" && strings.Contains("vpc", q)
		if hit && len(out) < 12 {
			out = append(out, ui.Vals{{K: "name", S: s.Name}, {K: "prefix", S: p}, {K: "arg", S: is + ":" + p}})
		}
	}
	return out
}

// actionVals are a statement's access level groups and the actions
// listed: those of the open group, or with a search those matching it
// (at most 60).
func actionVals(m core.Model, c i18n.Catalog, s *visual.Statement, cs *catalog.Service, i int) ui.Vals {
	is := strconv.Itoa(i)
	open := m.Field(vField("open", i))
	var lv []ui.Vals
	for _, l := range levels {
		chosen, total := s.LevelState(cs, l)
		if total == 0 {
			continue
		}
		lt := string(catalog.LevelLetter(l))
		toggle := "visual.show"
		if open == lt {
			toggle = "visual.hide"
		}
		lv = append(lv, ui.Vals{{K: "level", S: c.T("visual.level." + lt)}, {K: "arg", S: is + ":" + lt}, {K: "cid", S: "pv-lvl-" + is + "-" + lt}, {K: "on", B: chosen == total},
			{K: "chosen", S: strconv.Itoa(chosen)}, {K: "total", S: strconv.Itoa(total)}, {K: "open", S: core.BoolAttr(open == lt)}, {K: "toggle", S: toggle}})
	}
	q := strings.ToLower(strings.TrimSpace(m.Field(vField("actq", i))))
	var acts []ui.Vals
	more := 0
	for _, a := range cs.Actions {
		// Listed: the open group's actions, or those matching the filter,
		// or with neither the chosen ones.
		lt := string(catalog.LevelLetter(a.Level))
		show := q == "" && (lt == open || open == "" && s.HasAction(a.Name)) || q != "" && strings.Contains(strings.ToLower(a.Name), q)
		if !show {
			continue
		}
		if len(acts) >= 60 {
			more++
			continue
		}
		acts = append(acts, ui.Vals{{K: "name", S: a.Name}, {K: "cid", S: "pv-act-" + is + "-" + a.Name}, {K: "level", S: c.T("visual.level." + string(catalog.LevelLetter(a.Level)))}, {K: "arg", S: is + ":" + a.Name}, {K: "on", B: s.All || s.HasAction(a.Name)}})
	}
	return ui.Vals{{K: "levels", L: lv}, {K: "actions", L: acts}, {K: "more", S: strconv.Itoa(more), B: more > 0}}
}
