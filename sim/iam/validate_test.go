package iam

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func validAccount(t *testing.T) Account {
	t.Helper()
	e := testEnv()
	var a Account
	_, err := a.CreateUser(e, "Luna", "/staff/", []Tag{{Key: "team", Value: "net"}})
	require.NoError(t, err)
	_, err = a.CreateGroup(e, "NetworkAdmin", "")
	require.NoError(t, err)
	require.NoError(t, a.AddUserToGroup("Luna", "NetworkAdmin"))
	p, err := a.CreatePolicy(e, "P", "", "", smallDoc, nil)
	require.NoError(t, err)
	require.NoError(t, a.AttachGroupPolicy("NetworkAdmin", p.ARN))
	require.NoError(t, a.AttachUserPolicy("Luna", "arn:aws:iam::aws:policy/IAMFullAccess"))
	require.NoError(t, a.PutUserPolicy("Luna", "inline", smallDoc+"\n  "))
	require.NoError(t, a.CreateLoginProfile(e, "Luna", "Labsim-Luna-2026!", true))
	_, _, err = a.CreateAccessKey(e, "Luna")
	require.NoError(t, err)
	return a
}

func TestValidateLoadedState(t *testing.T) {
	require.NoError(t, validAccount(t).Validate(acct))
	tests := []struct {
		name   string
		tamper func(a *Account)
	}{
		{"bad user name", func(a *Account) { a.Users[0].Name = "Lu na" }},
		{"ARN of another account", func(a *Account) { a.Users[0].ARN = UserARN("999999999999", "/staff/", "Luna") }},
		{"duplicate user", func(a *Account) { a.Users = append(a.Users, a.Users[0]) }},
		{"bad ID", func(a *Account) { a.Users[0].ID = "AGPA" + a.Users[0].ID[4:] }},
		{"unknown group", func(a *Account) { a.Users[0].Groups = []string{"Nope"} }},
		{"unknown policy", func(a *Account) { a.Groups[0].Attached = []string{"arn:aws:iam::123456789012:policy/Nope"} }},
		{"inline size lie", func(a *Account) { a.Users[0].Inline[0].Size = 1 }},
		{"no default version", func(a *Account) { a.Policies[0].DefaultVersion = "v9" }},
		{"future version", func(a *Account) { a.Policies[0].Versions[0].ID = "v7" }},
		{"three keys", func(a *Account) {
			a.Users[0].AccessKeys = append(a.Users[0].AccessKeys, a.Users[0].AccessKeys[0], a.Users[0].AccessKeys[0])
		}},
		{"bad password policy", func(a *Account) { a.PasswordPolicy = PasswordPolicy{Custom: true, MinLength: 2} }},
		{"bad tag", func(a *Account) { a.Users[0].Tags[0].Key = "aws:x" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validAccount(t)
			tt.tamper(&a)
			require.Error(t, a.Validate(acct))
		})
	}
}
