package catalog

import (
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strings"
)

// EncodeActions writes services in the plain-text catalog format described
// in format.go. source and version name the dataset the services came from.
// Services must be sorted by prefix and their actions by name, both by
// CompareNames and unique without regard to case. EncodeActions checks every
// field so that ParseActions reads back exactly what was written.
func EncodeActions(w io.Writer, source, version string, services []Service) error {
	if err := checkField("source", source); err != nil {
		return err
	}
	if err := checkField("version", version); err != nil {
		return err
	}
	var nActions, nResources, nKeys int
	for i := range services {
		if err := checkService(services, i); err != nil {
			return err
		}
		nActions += len(services[i].Actions)
		nResources += len(services[i].ResourceTypes)
		nKeys += len(services[i].ConditionKeys)
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s\n%s\t%s\t%s\n%s\t%d\t%d\t%d\t%d\n",
		dataMagic, metaSource, source, version,
		metaCounts, len(services), nActions, nResources, nKeys)
	for _, s := range services {
		fmt.Fprintf(bw, "@%s\t%d\t%d\t%d\t%s\n", s.Prefix,
			len(s.Actions), len(s.ResourceTypes), len(s.ConditionKeys), s.Name)
		for _, a := range s.Actions {
			bw.WriteString(a.Name)
			bw.WriteByte('\t')
			bw.WriteByte(LevelLetter(a.Level))
			bw.WriteByte('\n')
		}
		for _, r := range s.ResourceTypes {
			fmt.Fprintf(bw, "=%s\t%s\n", r.Name, r.ARN)
		}
		for _, k := range s.ConditionKeys {
			fmt.Fprintf(bw, "?%s\t%s\n", k.Name, k.Type)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write action catalog: %w", err)
	}
	return nil
}

// checkService validates services[i] and its order after services[i-1].
func checkService(services []Service, i int) error {
	s := services[i]
	if err := checkField("service prefix", s.Prefix); err != nil {
		return err
	}
	if i > 0 && foldCompare(services[i-1].Prefix, s.Prefix) >= 0 {
		return fmt.Errorf("service %q: prefixes not sorted or not unique (ignoring case)", s.Prefix)
	}
	if err := checkField("service name of "+s.Prefix, s.Name); err != nil {
		return err
	}
	for j, a := range s.Actions {
		if err := checkField("action of "+s.Prefix, a.Name); err != nil {
			return err
		}
		if c := a.Name[0]; c == '@' || c == '=' || c == '?' {
			return fmt.Errorf("action %s:%s: name starts with a record marker", s.Prefix, a.Name)
		}
		if LevelLetter(a.Level) == 0 {
			return fmt.Errorf("action %s:%s: unknown access level %q", s.Prefix, a.Name, a.Level)
		}
		if j > 0 && foldCompare(s.Actions[j-1].Name, a.Name) >= 0 {
			return fmt.Errorf("action %s:%s: actions not sorted or not unique (ignoring case)", s.Prefix, a.Name)
		}
	}
	for _, r := range s.ResourceTypes {
		if err := checkField("resource type of "+s.Prefix, r.Name); err != nil {
			return err
		}
		if err := checkField("ARN of "+s.Prefix+" "+r.Name, r.ARN); err != nil {
			return err
		}
	}
	for _, k := range s.ConditionKeys {
		if err := checkField("condition key of "+s.Prefix, k.Name); err != nil {
			return err
		}
		if err := checkField("type of "+k.Name, k.Type); err != nil {
			return err
		}
	}
	return nil
}

// checkField rejects empty fields and fields that would break the format.
func checkField(what, v string) error {
	if v == "" {
		return fmt.Errorf("%s: empty", what)
	}
	if strings.ContainsAny(v, "\t\n\r") {
		return fmt.Errorf("%s %q: contains a tab or newline", what, v)
	}
	return nil
}

// CompareNames orders action names as the catalog does: by their ASCII
// lower-case form, then byte-wise. It returns -1, 0 or +1.
func CompareNames(a, b string) int {
	if c := foldCompare(a, b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// CompressActions compresses catalog text with DEFLATE at the best level,
// as actiondata/actions.dat stores it.
func CompressActions(text []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("compress action catalog: %w", err)
	}
	if _, err := zw.Write(text); err != nil {
		return nil, fmt.Errorf("compress action catalog: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress action catalog: %w", err)
	}
	return buf.Bytes(), nil
}

// DecompressActions returns the catalog text inside a compressed data file.
// maxActionText bounds the result so that a corrupt file cannot exhaust
// memory.
func DecompressActions(data []byte) ([]byte, error) {
	zr := flate.NewReader(bytes.NewReader(data))
	defer zr.Close()
	var buf bytes.Buffer
	buf.Grow(8 * len(data))
	n, err := buf.ReadFrom(io.LimitReader(zr, maxActionText+1))
	if err != nil {
		return nil, fmt.Errorf("decompress action catalog: %w", err)
	}
	if n > maxActionText {
		return nil, fmt.Errorf("decompress action catalog: larger than %d bytes", maxActionText)
	}
	return buf.Bytes(), nil
}

// maxActionText is the largest catalog text accepted (the 2026 catalog is
// about 1 MB).
const maxActionText = 16 << 20

// lowerASCII lower-cases one ASCII letter and leaves every other byte.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}
