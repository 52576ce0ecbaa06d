package iam

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"labsim/sim/awserr"
)

// tagPattern is the API's pattern for tag keys and values.
const tagPattern = `[\p{L}\p{Z}\p{N}_.:/=+\-@]*`

// checkTagText checks a tag key or value's characters: Unicode letters,
// separators and numbers, and _ . : / = + - @.
func checkTagText(field, s string) error {
	if _, bad := BadTagRune(s); bad {
		return validation(field, "pattern", s, "pattern", tagPattern)
	}
	return nil
}

// BadTagRune returns the first character of a tag key or value that the
// tag pattern refuses (utf8.RuneError for invalid UTF-8), so that a form
// can name it.
func BadTagRune(s string) (rune, bool) {
	for _, r := range s {
		if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.Is(unicode.Z, r) || unicode.IsNumber(r) || strings.ContainsRune("_.:/=+-@", r)) {
			return r, true
		}
	}
	return 0, false
}

// checkTagKey checks a tag key: 1–128 characters, not starting with
// "aws:" (reserved for AWS, in any case).
func checkTagKey(k string) error {
	if n := utf8.RuneCountInString(k); n < 1 || n > MaxTagKeyLen {
		return validation(FieldTagKey, "length", k, "min", "1", "max", itoa(MaxTagKeyLen))
	}
	if err := checkTagText(FieldTagKey, k); err != nil {
		return err
	}
	if len(k) >= 4 && strings.EqualFold(k[:4], "aws:") {
		return validation(FieldTagKey, "reserved", k)
	}
	return nil
}

// checkTags checks new tags and the 50-tag limit once merged with have.
// Keys repeated within tags (ignoring case) are refused.
func checkTags(have, tags []Tag) error {
	for i, t := range tags {
		if err := checkTagKey(t.Key); err != nil {
			return err
		}
		if utf8.RuneCountInString(t.Value) > MaxTagValueLen {
			return validation(FieldTagValue, "length", t.Value, "min", "0", "max", itoa(MaxTagValueLen))
		}
		if err := checkTagText(FieldTagValue, t.Value); err != nil {
			return err
		}
		for _, u := range tags[:i] {
			if foldEqual(u.Key, t.Key) {
				return awserr.New(awserr.InvalidInput, "field", FieldTagKey, "reason", "duplicateTagKey", "value", t.Key)
			}
		}
	}
	if len(mergeTags(have, tags)) > MaxTagsPerEntity {
		return limit("TagsPerUser", MaxTagsPerEntity)
	}
	return nil
}

// mergeTags returns have with tags added or their values replaced.
func mergeTags(have, tags []Tag) []Tag {
	out := slices.Clone(have)
	for _, t := range tags {
		if i := slices.IndexFunc(out, func(o Tag) bool { return foldEqual(o.Key, t.Key) }); i >= 0 {
			out[i].Value = t.Value
			continue
		}
		out = append(out, t)
	}
	return out
}
