package policy

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		err  string
	}{
		{"not an object", `["Statement"]`, "Document: policy must be a JSON object"},
		{"no statement", `{"Version":"2012-10-17"}`, "Statement: policy has no Statement"},
		{"statement string", `{"Statement":"x"}`, "Statement: must be an object or an array of objects"},
		{"statement item not object", `{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},5]}`, "statement 1: Statement: must be an object"},
		{"version not string", `{"Version":2012,"Statement":[]}`, "Version: must be a string"},
		{"sid not string", `{"Statement":[{"Sid":1,"Effect":"Allow","Action":"*","Resource":"*"}]}`, "statement 0: Sid: must be a string"},
		{"no effect", `{"Statement":[{"Action":"*","Resource":"*"}]}`, "Effect: statement has no Effect"},
		// Section 5.3: Effect in the wrong case fails legacy parsing.
		{"effect wrong case", `{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}`, `Effect: must be "Allow" or "Deny"`},
		{"effect not string", `{"Statement":[{"Effect":true,"Action":"*","Resource":"*"}]}`, `Effect: must be "Allow" or "Deny"`},
		{"action and notaction", `{"Statement":[{"Effect":"Allow","Action":"*","NotAction":"*","Resource":"*"}]}`, "statement has both Action and NotAction"},
		{"no action", `{"Statement":[{"Effect":"Allow","Resource":"*"}]}`, "statement has neither Action nor NotAction"},
		{"action number", `{"Statement":[{"Effect":"Allow","Action":5,"Resource":"*"}]}`, "Action: must be a string or an array of strings"},
		{"notaction mixed array", `{"Statement":[{"Effect":"Allow","NotAction":["a:b",1],"Resource":"*"}]}`, "NotAction: must be a string or an array of strings"},
		{"resource and notresource", `{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"*"}]}`, "statement has both Resource and NotResource"},
		{"no resource", `{"Statement":[{"Effect":"Allow","Action":"*"}]}`, "statement has neither Resource nor NotResource"},
		{"resource object", `{"Statement":[{"Effect":"Allow","Action":"*","Resource":{}}]}`, "Resource: must be a string or an array of strings"},
		{"condition unknown operator", `{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Foo":{"k":"v"}}}]}`, "unknown condition operator Foo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CompileText(tt.text)
			require.ErrorContains(t, err, tt.err)
			var ce *CompileError
			require.True(t, errors.As(err, &ce))
			require.Equal(t, awserr.MalformedPolicyDocument, awserr.Code(err))
		})
	}
}

func TestCompileErrorPosition(t *testing.T) {
	_, err := CompileText("{\"Statement\": [\n  {\"Effect\": \"allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}")
	require.EqualError(t, err, `compile policy: line 2, column 14: statement 0: Effect: must be "Allow" or "Deny"`)
	_, err = Compile(nil)
	require.ErrorContains(t, err, "no document")
	_, err = CompileText("{")
	require.ErrorContains(t, err, "parse policy")
}

func TestCompileAccepts(t *testing.T) {
	// What validation reports but evaluation can still give a meaning to.
	for _, text := range []string{
		`{"Statement":[]}`,
		`{"Version":"2013-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"adf","Condition":{"Whatever":{},"NumericEquals":{"k":"abc"},"DateLessThan":{"k":"soon"}}}]}`,
	} {
		_, err := CompileText(text)
		require.NoError(t, err, text)
	}
}
