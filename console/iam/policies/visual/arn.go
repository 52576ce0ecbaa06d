package visual

import "strings"

// ARNFields lists the parts of an ARN format that the ARN builder asks for,
// in order: the ${…} variables except ${Partition} ("Region", "Account",
// "UserNameWithPath").
func ARNFields(format string) []string {
	var out []string
	for rest := format; ; {
		i := strings.Index(rest, "${")
		if i < 0 {
			return out
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return out
		}
		if name := rest[i+2 : i+j]; name != "Partition" {
			out = append(out, name)
		}
		rest = rest[i+j+1:]
	}
}

// BuildARN fills an ARN format: ${Partition} is "aws", each other variable
// the value get gives it, or "*" when that is empty ("Any").
func BuildARN(format string, get func(field string) string) string {
	var b strings.Builder
	for rest := format; ; {
		i := strings.Index(rest, "${")
		j := -1
		if i >= 0 {
			j = strings.IndexByte(rest[i:], '}')
		}
		if j < 0 {
			b.WriteString(rest)
			return b.String()
		}
		b.WriteString(rest[:i])
		name, v := rest[i+2:i+j], ""
		if name == "Partition" {
			v = "aws"
		} else {
			v = strings.TrimSpace(get(name))
		}
		if v == "" {
			v = "*"
		}
		b.WriteString(v)
		rest = rest[i+j+1:]
	}
}

// CheckARN says what is wrong with an ARN typed for a statement of a
// service ("" when nothing): a problem key of the message catalog.
func CheckARN(arn, service string) string {
	parts := strings.SplitN(arn, ":", 6)
	switch {
	case arn == "":
		return "visual.arn.empty"
	case strings.ContainsAny(arn, " \t\n\""):
		return "visual.arn.space"
	case len(parts) < 6 || parts[0] != "arn":
		return "visual.arn.form"
	case parts[1] != "aws" && parts[1] != "aws-cn" && parts[1] != "aws-us-gov" && parts[1] != "*":
		return "visual.arn.partition"
	case service != "" && service != "*" && parts[2] != "*" && !strings.EqualFold(parts[2], service):
		return "visual.arn.service"
	case parts[5] == "":
		return "visual.arn.resource"
	}
	return ""
}
