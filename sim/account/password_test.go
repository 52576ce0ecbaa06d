package account

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestPasswordChecklist(t *testing.T) {
	tests := []struct {
		name, pw, email, acct string
		want                  Checklist
	}{
		{"empty", "", "", "", Checklist{MaxLength: true, AllowedChars: true, NotEmail: true, NotAccountName: true}},
		{"all four classes", "Abcdef1!", "a@b.com", "lab", Checklist{
			MinLength: true, MaxLength: true, Upper: true, Lower: true, Digit: true, Symbol: true,
			Classes: 4, ThreeClasses: true, AllowedChars: true, NotEmail: true, NotAccountName: true}},
		{"three classes without symbol", "Abcdefg1", "", "", Checklist{
			MinLength: true, MaxLength: true, Upper: true, Lower: true, Digit: true,
			Classes: 3, ThreeClasses: true, AllowedChars: true, NotEmail: true, NotAccountName: true}},
		{"other punctuation counts for nothing", "abcdefg1.,?~", "", "", Checklist{
			MinLength: true, MaxLength: true, Lower: true, Digit: true,
			Classes: 2, AllowedChars: true, NotEmail: true, NotAccountName: true}},
		{"seven characters", "Abcde1!", "", "", Checklist{
			MaxLength: true, Upper: true, Lower: true, Digit: true, Symbol: true,
			Classes: 4, ThreeClasses: true, AllowedChars: true, NotEmail: true, NotAccountName: true}},
		{"129 characters", "Aa1" + rep("x", 126), "", "", Checklist{
			MinLength: true, Upper: true, Lower: true, Digit: true,
			Classes: 3, ThreeClasses: true, AllowedChars: true, NotEmail: true, NotAccountName: true}},
		{"hangul", "Abcdef1한", "", "", Checklist{
			MinLength: true, MaxLength: true, Upper: true, Lower: true, Digit: true,
			Classes: 3, ThreeClasses: true, NotEmail: true, NotAccountName: true}},
		{"equals email ignoring case", "User1@Example.com", " user1@example.COM ", "", Checklist{
			MinLength: true, MaxLength: true, Upper: true, Lower: true, Digit: true, Symbol: true,
			Classes: 4, ThreeClasses: true, AllowedChars: true, NotAccountName: true}},
		{"equals account name ignoring case", "MyLab2024", "", "  mylab2024 ", Checklist{
			MinLength: true, MaxLength: true, Upper: true, Lower: true, Digit: true,
			Classes: 3, ThreeClasses: true, AllowedChars: true, NotEmail: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PasswordChecklist(tt.pw, tt.email, tt.acct)
			require.Equal(t, tt.want, got)
			require.Equal(t, tt.want.MinLength && tt.want.MaxLength && tt.want.ThreeClasses &&
				tt.want.AllowedChars && tt.want.NotEmail && tt.want.NotAccountName, got.OK())
		})
	}
}

func TestPasswordSymbolsEachCount(t *testing.T) {
	for _, c := range PasswordSymbols {
		require.True(t, PasswordChecklist("abcdefg"+string(c), "", "").Symbol, "symbol %q", c)
	}
	for _, c := range ".,?~`'\":;/\\" {
		cl := PasswordChecklist("abcdefg"+string(c), "", "")
		require.False(t, cl.Symbol, "%q is not a class symbol", c)
		require.True(t, cl.AllowedChars, "%q is allowed", c)
	}
}

func TestValidatePassword(t *testing.T) {
	tests := []struct {
		name, pw, confirm, email, acct string
		want                           []string
		params                         map[string]string // of the first problem
	}{
		{"valid", "Abcdef1!", "Abcdef1!", "a@b.com", "lab", []string{}, nil},
		{"valid 8 exactly three classes", "abcdef1!", "abcdef1!", "", "", []string{}, nil},
		{"valid 128", "Aa1" + rep("b", 125), "Aa1" + rep("b", 125), "", "", []string{}, nil},
		{"valid other punctuation", "Abc.def~1", "Abc.def~1", "", "", []string{}, nil},
		{"both empty", "", "", "", "", []string{"password:required", "confirmPassword:required"}, nil},
		{"confirm empty", "Abcdef1!", "", "", "", []string{"confirmPassword:required"}, nil},
		{"mismatch", "Abcdef1!", "Abcdef1?", "", "", []string{"confirmPassword:password.mismatch"}, nil},
		{"mismatch by case", "Abcdef1!", "abcdef1!", "", "", []string{"confirmPassword:password.mismatch"}, nil},
		{"space", "Abc def1!", "Abc def1!", "", "", []string{"password:password.invalidChar"}, map[string]string{"char": " "}},
		{"hangul", "Abcdef1ㅁ", "Abcdef1ㅁ", "", "", []string{"password:password.invalidChar"}, map[string]string{"char": "ㅁ"}},
		{"accented", "Abcdéf1!", "Abcdéf1!", "", "", []string{"password:password.invalidChar"}, map[string]string{"char": "é"}},
		{"full-width", "Ａbcdef1!", "Ａbcdef1!", "", "", []string{"password:password.invalidChar"}, map[string]string{"char": "Ａ"}},
		{"emoji", "Abcdef1😀", "Abcdef1😀", "", "", []string{"password:password.invalidChar"}, map[string]string{"char": "😀"}},
		{"tab", "Abcdef1\t", "Abcdef1\t", "", "", []string{"password:password.invalidChar"}, map[string]string{"char": "U+0009"}},
		{"nul", "Abcdef1\x00", "Abcdef1\x00", "", "", []string{"password:password.invalidChar"}, map[string]string{"char": "U+0000"}},
		{"invalid utf8", "Abcdef1\xff", "Abcdef1\xff", "", "", []string{"password:password.invalidChar"}, map[string]string{"char": "U+FFFD"}},
		{"invalid char before short", "한", "한", "", "", []string{"password:password.invalidChar"}, nil},
		{"too short", "Ab1!", "Ab1!", "", "", []string{"password:password.tooShort"}, map[string]string{"min": "8"}},
		{"too long", "Aa1" + rep("b", 126), "Aa1" + rep("b", 126), "", "", []string{"password:password.tooLong"}, map[string]string{"max": "128"}},
		{"two classes", "abcdefgh1", "abcdefgh1", "", "", []string{"password:password.classes"}, map[string]string{"min": "3", "have": "2"}},
		{"one class", "abcdefghij", "abcdefghij", "", "", []string{"password:password.classes"}, map[string]string{"min": "3", "have": "1"}},
		{"equals email", "Me1@mail.com", "Me1@mail.com", "me1@MAIL.com", "", []string{"password:password.equalsEmail"}, nil},
		{"equals account name", "MyLab2024!", "MyLab2024!", "", "mylab2024!", []string{"password:password.equalsAccountName"}, nil},
		{"both problems", "abc", "abd", "", "", []string{"password:password.tooShort", "confirmPassword:password.mismatch"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ValidatePassword(tt.pw, tt.confirm, tt.email, tt.acct)
			require.Equal(t, tt.want, codes(got))
			if tt.params != nil {
				require.Equal(t, tt.params, got[0].Params)
			}
		})
	}
}

func TestConfirmMatches(t *testing.T) {
	tests := []struct {
		pw, confirm string
		want        bool
	}{
		{"Abcdef1!", "Abcdef1!", true},
		{"Abcdef1!", "Abcdef1", false},
		{"Abcdef1!", "abcdef1!", false},
		{"", "", false},
		{"Abcdef1!", "", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, ConfirmMatches(tt.pw, tt.confirm), "%q/%q", tt.pw, tt.confirm)
	}
}

func TestValidateStep1(t *testing.T) {
	taken := func(n string) bool { return n == "used@example.com" }
	ok := Step1Input{Email: "new@example.com", Password: "Abcdef1!", ConfirmPassword: "Abcdef1!", AccountName: "my-lab"}
	tests := []struct {
		name string
		edit func(*Step1Input)
		want []string
	}{
		{"valid", func(*Step1Input) {}, []string{}},
		{"korean account name", func(in *Step1Input) { in.AccountName = "나의 실습 계정" }, []string{}},
		{"all empty", func(in *Step1Input) { *in = Step1Input{} },
			[]string{"email:required", "password:required", "confirmPassword:required", "accountName:required"}},
		{"email taken", func(in *Step1Input) { in.Email = "USED@example.com" }, []string{"email:email.taken"}},
		{"account name 50", func(in *Step1Input) { in.AccountName = rep("가", 50) }, []string{}},
		{"account name 51", func(in *Step1Input) { in.AccountName = rep("가", 51) }, []string{"accountName:accountName.tooLong"}},
		{"account name spaces only", func(in *Step1Input) { in.AccountName = "   " }, []string{"accountName:required"}},
		{"account name control", func(in *Step1Input) { in.AccountName = "lab\x00" }, []string{"accountName:invalidChar"}},
		{"password equals email", func(in *Step1Input) {
			in.Email, in.Password, in.ConfirmPassword = "Ab1@x.io", "ab1@X.IO", "ab1@X.IO"
		}, []string{"password:password.equalsEmail"}},
		{"password equals account name", func(in *Step1Input) {
			in.AccountName, in.Password, in.ConfirmPassword = "Lab-2024!", "lab-2024!", "lab-2024!"
		}, []string{"password:password.equalsAccountName"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.edit(&in)
			require.Equal(t, tt.want, codes(ValidateStep1(in, taken)))
		})
	}
	p := ValidateStep1(Step1Input{Email: "a@b.com", Password: "Abcdef1!", ConfirmPassword: "Abcdef1!", AccountName: rep("x", 51)}, nil)
	require.Equal(t, map[string]string{"max": "50"}, p[0].Params)
}

func TestValidateEmailAndName(t *testing.T) {
	require.Empty(t, ValidateEmailAndName("a@b.com", "lab", nil))
	require.Equal(t, []string{"email:email.invalid", "accountName:required"}, codes(ValidateEmailAndName("ab", "", nil)))
	require.Equal(t, []string{"accountName:required"}, codes(ValidateAccountName("")))
}
