package catalog

// The reference files were re-serialised by their source (MAMIP) with the
// statement members in the order Action, Resource, Effect, Condition, Sid,
// which is not AWS's. The console shows a managed policy's members in the
// order AWS stored it. That order was checked against older MAMIP snapshots
// (which kept AWS's order) and the AWS Managed Policy Reference pages:
// almost every policy writes Version, Statement, and in each statement Sid,
// Effect, Action or NotAction, Resource, Condition. The exceptions are
// listed in keyOrderExceptions.

// documentKeyOrder is AWS's usual order of a policy document's members.
var documentKeyOrder = []string{"Version", "Id", "Statement"}

// statementKeyOrder is AWS's usual order of a statement's members.
var statementKeyOrder = []string{
	"Sid", "Effect", "Principal", "NotPrincipal",
	"Action", "NotAction", "Resource", "NotResource", "Condition",
}

// alphabeticalStatement is the order of a statement whose members AWS
// stored sorted by name.
var alphabeticalStatement = []string{
	"Action", "Condition", "Effect", "NotAction", "NotPrincipal",
	"NotResource", "Principal", "Resource", "Sid",
}

// keyOrder overrides the usual order for one policy: document for the
// document's members, statements[i] for statement i (nil entries and
// statements past the end use allStatements, or the usual order).
type keyOrder struct {
	document      []string
	allStatements []string
	statements    [][]string
}

// keyOrderExceptions are the policies whose stored order is not the usual
// one.
var keyOrderExceptions = map[string]keyOrder{
	// AmazonEC2FullAccess v5: the first statement alone starts with Action.
	"AmazonEC2FullAccess": {statements: [][]string{{"Action", "Effect", "Resource"}}},
	// SystemAdministrator (v6 to v12): every member sorted by name, the
	// document's too.
	"SystemAdministrator": {
		document:      []string{"Statement", "Version"},
		allStatements: alphabeticalStatement,
	},
}

// orderKeys puts the members of a managed policy document in AWS's order.
func orderKeys(policyName string, doc *jsonNode) {
	ex := keyOrderExceptions[policyName]
	docOrder := documentKeyOrder
	if ex.document != nil {
		docOrder = ex.document
	}
	doc.reorder(docOrder)
	st := doc.member("Statement")
	if st == nil {
		return
	}
	statements := st.elems
	if st.kind == '{' {
		statements = []*jsonNode{st}
	}
	for i, s := range statements {
		order := statementKeyOrder
		if ex.allStatements != nil {
			order = ex.allStatements
		}
		if i < len(ex.statements) && ex.statements[i] != nil {
			order = ex.statements[i]
		}
		s.reorder(order)
	}
}
