package powershell

import (
	"strings"
	"unicode/utf8"
)

// csvReader is pwsh's ImportCsvHelper: a lenient CSV reader over one text
// (a file's decoded content, or one ConvertFrom-Csv input string). It keeps
// the header and the #TYPE name it has read, so that ConvertFrom-Csv can
// carry them from one input string to the next.
type csvReader struct {
	text   string
	pos    int
	delim  rune
	header []string // nil until read (or given by -Header)
	// typeName is the name of a "#TYPE x" first line ("" for none).
	typeName string
}

// csvDuplicateHeaderError reports a header name that occurs twice (pwsh's
// ExtendedTypeSystem.MemberAlreadyPresent).
type csvDuplicateHeaderError struct{ name string }

func (e *csvDuplicateHeaderError) Error() string {
	return `The member "` + e.name + `" is already present.`
}

// eof reports whether every character was read.
func (r *csvReader) eof() bool { return r.pos >= len(r.text) }

// read returns the next character (utf8.RuneError at the end).
func (r *csvReader) read() rune {
	if r.eof() {
		return utf8.RuneError
	}
	ch, n := utf8.DecodeRuneInString(r.text[r.pos:])
	r.pos += n
	return ch
}

// peekIs reports whether the next character is c, without reading it.
func (r *csvReader) peekIs(c rune) bool {
	if r.eof() {
		return false
	}
	ch, _ := utf8.DecodeRuneInString(r.text[r.pos:])
	return ch == c
}

// readLine reads up to and past the next \n, \r or \r\n (StreamReader.ReadLine).
func (r *csvReader) readLine() string {
	start := r.pos
	for !r.eof() {
		switch r.text[r.pos] {
		case '\n':
			line := r.text[start:r.pos]
			r.pos++
			return line
		case '\r':
			line := r.text[start:r.pos]
			r.pos++
			if r.peekIs('\n') {
				r.pos++
			}
			return line
		}
		r.pos++
	}
	return r.text[start:]
}

// newLine reports whether ch starts a line break, consuming the \n of \r\n,
// and returns the break as read.
func (r *csvReader) newLine(ch rune) (string, bool) {
	switch ch {
	case '\r':
		if r.peekIs('\n') {
			r.read()
			return "\r\n", true
		}
		return "\r", true
	case '\n':
		return "\n", true
	}
	return "", false
}

// readTypeInformation reads a "#TYPE name" first line. Any other first
// line starting with '#' is consumed and dropped, as pwsh does.
func (r *csvReader) readTypeInformation() string {
	if !r.peekIs('#') {
		return ""
	}
	line := r.readLine()
	if len(line) >= 5 && strings.EqualFold(line[:5], "#Type") {
		return strings.TrimSpace(line[5:])
	}
	return ""
}

// readHeader reads the #TYPE line and, unless a header is already known,
// the header row (skipping '#' comment lines; "#Fields: " starts a W3C
// extended log header). Duplicate names are an error.
func (r *csvReader) readHeader() error {
	if r.typeName == "" && !r.eof() {
		r.typeName = r.readTypeInformation()
	}
	for r.header == nil && !r.eof() {
		values := r.nextRecord()
		for len(values) > 1 && values[len(values)-1] == "" {
			values = values[:len(values)-1]
		}
		switch {
		case len(values) != 0 && strings.HasPrefix(values[0], "#Fields: "):
			values[0] = values[0][len("#Fields: "):]
			r.header = values
		case len(values) != 0 && strings.HasPrefix(values[0], "#"):
		default:
			if values == nil {
				values = []string{}
			}
			r.header = values
		}
	}
	return csvValidateNames(r.header)
}

// csvValidateNames rejects a header with a name twice (case-insensitively;
// empty names are allowed, they become H1, H2, …).
func csvValidateNames(names []string) error {
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		if n == "" {
			continue
		}
		k := strings.ToLower(n)
		if seen[k] {
			return &csvDuplicateHeaderError{name: n}
		}
		seen[k] = true
	}
	return nil
}

// nextRecord parses the next record, exactly as pwsh's ParseNextRecord
// does: quoted fields may hold delimiters, doubled quotes and line breaks;
// leading blanks are skipped; text after a closing quote is appended; a
// quote inside an unquoted field is kept literally. It returns no values at
// the end of the text.
func (r *csvReader) nextRecord() []string {
	var result []string
	var cur strings.Builder
	// endField reads the rest of the field (readTillDelimiter), adds it to
	// the record and reports whether the record ended there.
	endField := func(eatBlanks bool) bool {
		end := r.readTillDelimiter(&cur, eatBlanks)
		result = append(result, cur.String())
		cur.Reset()
		return end
	}
	quoted := false
	for !r.eof() {
		ch := r.read()
		switch {
		case ch == r.delim:
			if quoted {
				cur.WriteRune(ch)
			} else {
				result = append(result, cur.String())
				cur.Reset()
			}
		case ch == '"':
			switch {
			case quoted:
				if r.peekIs('"') {
					r.read()
					cur.WriteByte('"')
					continue
				}
				quoted = false
				if endField(true) {
					return result
				}
			case cur.Len() == 0:
				quoted = true
			default:
				cur.WriteRune(ch)
				if endField(false) {
					return result
				}
			}
		case ch == ' ' || ch == '\t':
			switch {
			case quoted:
				cur.WriteRune(ch)
			case cur.Len() == 0:
			default:
				cur.WriteRune(ch)
				if endField(true) {
					return result
				}
			}
		default:
			if nl, ok := r.newLine(ch); ok {
				if quoted {
					cur.WriteString(nl)
					continue
				}
				result = append(result, cur.String())
				return result
			}
			cur.WriteRune(ch)
		}
	}
	if cur.Len() != 0 {
		result = append(result, cur.String())
	}
	return result
}

// readTillDelimiter appends the characters up to the next delimiter or line
// break to cur (trimmed when they are all blanks and eatBlanks is set) and
// reports whether the record ended.
func (r *csvReader) readTillDelimiter(cur *strings.Builder, eatBlanks bool) bool {
	var tmp strings.Builder
	nonBlank := false
	end := false
	for {
		if r.eof() {
			end = true
			break
		}
		ch := r.read()
		if ch == r.delim {
			break
		}
		if _, ok := r.newLine(ch); ok {
			end = true
			break
		}
		tmp.WriteRune(ch)
		if ch != ' ' && ch != '\t' {
			nonBlank = true
		}
	}
	if eatBlanks && !nonBlank {
		cur.WriteString(strings.TrimSpace(tmp.String()))
	} else {
		cur.WriteString(tmp.String())
	}
	return end
}

// csvRow is one parsed record ready to become an object: names (empty
// header names replaced by H1, H2, …) and values (nil for missing ones).
type csvRow struct {
	names  []string
	values []any
	// defaulted is set when an empty header name was replaced.
	defaulted bool
}

// row pairs a record's values with the header.
func (r *csvReader) row(values []string) csvRow {
	out := csvRow{names: make([]string, len(r.header)), values: make([]any, len(r.header))}
	unnamed := 1
	for i, name := range r.header {
		if name == "" {
			name = "H" + itoa(unnamed)
			unnamed++
			out.defaulted = true
		}
		out.names[i] = name
		if i < len(values) {
			out.values[i] = values[i]
		}
	}
	return out
}

// itoa formats a small non-negative int.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// records reads the header (if needed) and then every record of the text,
// calling emit for each non-blank one.
func (r *csvReader) records(emit func(csvRow) error) error {
	if err := r.readHeader(); err != nil {
		return err
	}
	for {
		values := r.nextRecord()
		if len(values) == 0 {
			return nil
		}
		if len(values) == 1 && values[0] == "" {
			continue
		}
		if err := emit(r.row(values)); err != nil {
			return err
		}
	}
}
