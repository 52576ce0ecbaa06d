// Package account holds the pure rules behind AWS sign-up and root sign-in:
// field validation for each sign-up step, root password hashing,
// verification codes, the security-check captcha (text and picture),
// account IDs, the support plans offered at sign-up and the country list.
// It has no UI: validators return [Problem] values (field, code,
// parameters) that the console translates into Korean or English.
//
// Time and randomness are always passed in. Card numbers, CVVs and typed
// passwords are never stored here: keep only [CardSummary] and
// [PasswordHash].
//
// # Validation style
//
// Each validator reports at most one problem per field, the first failing
// rule, in page order. Text fields (never passwords) are judged without
// surrounding white space ([Clean]); lengths count characters (runes).
// Control characters are refused in every text field (invalidChar).
//
// # Root password (AWS: 8–128 characters, three of four classes, not the
// email or account name; the rest is decided here)
//
//	Rule                   Decision
//	length                 8–128 characters
//	allowed characters     printable ASCII 0x21–0x7E only: letters, digits and
//	                       all ASCII punctuation. Space, Hangul, accented
//	                       letters, full-width forms and emoji are refused
//	                       (password.invalidChar, with the character), so a
//	                       Korean input method left on is caught at once.
//	classes (need 3 of 4)  upper A–Z; lower a–z; digits 0–9; symbols exactly
//	                       ! @ # $ % ^ & * ( ) < > [ ] { } | _ + - =
//	other punctuation      . , ? ~ ` ' " : ; / \ are allowed but count toward
//	                       no class (AWS names only the symbols above)
//	equals email           refused, ignoring case (the email is compared
//	                       without surrounding spaces)
//	equals account name    refused, ignoring case (Unicode case folding),
//	                       the name without surrounding spaces
//	confirmation           must equal the password exactly (case matters);
//	                       "Matches" shows only when non-empty and equal
//	check order            required, invalidChar, tooShort, tooLong,
//	                       classes, equalsEmail, equalsAccountName
//
// # Email address
//
//	Rule                   Decision
//	length                 at most 254 characters, local part at most 64
//	characters             7-bit ASCII, no white space or control characters
//	@                      exactly one
//	local part             non-empty; none of " ' ( ) < > [ ] : ; , \ | % &
//	                       (as AWS Organizations refuses); no leading,
//	                       trailing or doubled dot
//	domain                 at least one dot; labels of 1–63 letters, digits
//	                       or hyphens, not starting or ending with a hyphen;
//	                       no leading, trailing or doubled dot; last label
//	                       2+ characters and not all digits
//	already used           compared on the whole address, ignoring case
//	                       ([NormalizeEmail]: trimmed, lower-cased)
//	sign-in                the same comparison; a wrong email and a wrong
//	                       password give the same error
//
// # Other fields
//
//	Field                  Decision
//	account name           required, 1–50 characters, any script
//	full / organization    required (organization for Business only), 1–50,
//	name                   any script
//	address line 1/2,      Latin script only (ASCII, Latin-1, Latin Extended;
//	city, state, postal    the textbook asks for the address in English);
//	                       lines 1–60, city and state 1–50, postal 1–20 of
//	                       letters, digits, spaces and hyphens; state
//	                       required for US CA GB DE JP IN BR
//	country                ISO alpha-2 present in the dataset
//	contact phone          "+", a known calling code, then digits, spaces,
//	                       ( ) -; at most 20 characters and 15 digits, at
//	                       least 4 digits after the calling code
//	mobile (step 4)        national form; one leading trunk 0 is dropped
//	card number            12–19 digits with optional spaces/dashes, a known
//	                       brand range with its lengths, Luhn for every brand
//	                       (UnionPay included): Visa 4 (13, 16, 19 digits);
//	                       Mastercard 51–55, 2221–2720 (16); Amex 34, 37
//	                       (15); Diners 300–305, 3095, 36, 38–39 (14–19);
//	                       JCB 3528–3589 (16–19); Discover 6011, 644–649, 65
//	                       (16–19); UnionPay 62, 81 (16–19)
//	expiry                 month 1–12, year 2000..now+20; valid through the
//	                       end of its month in now's location
//	cardholder name        required, 1–50 characters, Latin script
//	CVV                    asked only for India billing addresses: 3 digits,
//	                       4 for American Express
//
// # Security check (captcha)
//
//	Rule                   Decision
//	text                   6 symbols from 3 4 6 7 9 A C E F H J K M N P R T V
//	                       W X Y, letters drawn upper or lower case
//	answer                 case-insensitive; white space anywhere ignored;
//	                       full-width letters and digits accepted
//	picture                200×70 PNG from a built-in 5×9 bitmap font drawn
//	                       with round strokes, slanted, wave-warped, with
//	                       noise curves and dots; a seed fixes the drawing
//	                       (same bytes for the same seed on one platform)
//
// # Verification codes and account IDs
//
// Email and SMS codes have 6 digits, voice-call PINs 4. Typed codes ignore
// white space and accept full-width digits; the comparison is constant-time.
// New account IDs have 12 digits and never start with 0 (any 12 digits are
// accepted as valid).
//
// # Country dataset
//
// countries.tsv is generated; regenerate it with the go:generate line
// below (needs Node 20+ with full ICU and the npm registry).
package account

//go:generate sh -c "cd ../../tools/countries-gen && npm ci --no-audit --no-fund && node generate.mjs ../../sim/account/countries.tsv"
