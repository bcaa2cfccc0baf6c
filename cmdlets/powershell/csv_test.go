package powershell

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// csvAwkward are field values that stress CSV quoting and parsing.
var csvAwkward = []string{
	"plain",
	"",
	" leading and trailing ",
	"\ttab",
	"comma, inside",
	"semi;colon",
	`say "hi"`,
	`"`,
	`""`,
	`"quoted"`,
	"line\nfeed",
	"carriage\rreturn",
	"crlf\r\ninside",
	"\n",
	"\r\n\r\n",
	"trailing newline\n",
	"#not a comment",
	"#TYPE not a type",
	"café ☕ 日本 𝄞",
	"\x00nul",
	"=1+2",
	"a,\"b\",c\n\"d\"",
}

// csvSession runs script text in a runtime, failing the test on errors.
type csvSession struct {
	t   testing.TB
	rt  *engine.Runtime
	out *bytes.Buffer
}

func newCsvSession(t testing.TB) *csvSession {
	var buf bytes.Buffer
	rt := newTestRuntime(&buf)
	rt.SetLocation(t.TempDir())
	return &csvSession{t: t, rt: rt, out: &buf}
}

// run executes text and returns what it printed.
func (s *csvSession) run(text string) string {
	s.t.Helper()
	s.out.Reset()
	s.rt.Execute(context.Background(), "<csv test>", text)
	return s.out.String()
}

// strings reads a variable holding strings (or $null elements).
func (s *csvSession) strings(name string) []any {
	s.t.Helper()
	v, ok := s.rt.GetVariable(name)
	if !ok {
		s.t.Fatalf("$%s not set; output:\n%s", name, s.out.String())
	}
	items, isList := value.Enumerate(v)
	if !isList {
		items = []any{v}
	}
	return items
}

// csvValues makes the $values variable: the awkward values as objects
// with a value column and a fixed second column (a one-column row whose
// only value is empty reads back as a blank line, which pwsh skips).
func (s *csvSession) setValues(values []string) {
	items := make([]any, len(values))
	for i, v := range values {
		o := value.NewObject()
		o.Set("Value", v)
		o.Set("Index", int32(i))
		items[i] = o
	}
	s.rt.SetVariable("values", items)
}

// checkValues compares the Value column read back with the originals.
func checkValues(t *testing.T, what string, got []any, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d values, want %d: %q", what, len(got), len(want), got)
	}
	for i, w := range want {
		if g, ok := got[i].(string); !ok || g != w {
			t.Errorf("%s: value %d = %q, want %q", what, i, got[i], w)
		}
	}
}

func TestCsvConvertRoundTripAwkward(t *testing.T) {
	s := newCsvSession(t)
	for _, quotes := range []string{"Always", "AsNeeded"} {
		want := csvAwkward
		if quotes == "AsNeeded" {
			want = csvAsNeededSafe(csvAwkward)
		}
		s.setValues(want)
		for _, delim := range []string{",", ";", "\t", "|"} {
			s.rt.SetVariable("delim", delim)
			s.run("$back = @($values | ConvertTo-Csv -UseQuotes " + quotes + " -Delimiter $delim | ConvertFrom-Csv -Delimiter $delim | ForEach-Object Value)")
			checkValues(t, "ConvertTo/ConvertFrom "+quotes+" "+delim, s.strings("back"), want)
		}
	}
}

// csvAsNeededSafe keeps the values that survive -UseQuotes AsNeeded: pwsh
// quotes only for the delimiter, \n and ", so a bare \r ends the record,
// unquoted blanks around a field are dropped, and a line starting with #
// is read as a #TYPE line by ConvertFrom-Csv.
func csvAsNeededSafe(values []string) []string {
	var out []string
	for _, v := range values {
		if strings.Contains(v, "\r") || strings.HasPrefix(v, "#") || strings.TrimSpace(v) != v {
			continue
		}
		out = append(out, v)
	}
	return out
}

func TestCsvExportImportEncodings(t *testing.T) {
	cases := []struct {
		enc    string
		prefix []byte
		ascii  bool
	}{
		{"utf8", nil, false},
		{"utf8NoBOM", nil, false},
		{"utf8BOM", []byte{0xEF, 0xBB, 0xBF}, false},
		{"unicode", []byte{0xFF, 0xFE}, false},
		{"bigendianunicode", []byte{0xFE, 0xFF}, false},
		{"utf32", []byte{0xFF, 0xFE, 0, 0}, false},
		{"ascii", nil, true},
	}
	s := newCsvSession(t)
	for _, tc := range cases {
		values := csvAwkward
		if tc.ascii {
			values = nil
			for _, v := range csvAwkward {
				if isASCII(v) {
					values = append(values, v)
				}
			}
		}
		s.setValues(values)
		s.rt.SetVariable("enc", tc.enc)
		s.run("$values | Export-Csv out.csv -Encoding $enc; $back = @(Import-Csv out.csv | ForEach-Object Value)")
		checkValues(t, "Export/Import "+tc.enc, s.strings("back"), values)
		data, err := os.ReadFile(filepath.Join(s.rt.Location(), "out.csv"))
		if err != nil {
			t.Fatal(err)
		}
		if tc.prefix == nil {
			if data[0] != '"' {
				t.Errorf("%s: file starts with % x, want no BOM", tc.enc, data[:4])
			}
		} else if !bytes.HasPrefix(data, append(append([]byte{}, tc.prefix...), csvFirstChar(tc.enc)...)) {
			t.Errorf("%s: file starts with % x, want BOM % x", tc.enc, data[:min(8, len(data))], tc.prefix)
		}
		// Appending without -Encoding keeps the file's encoding, and
		// writes no second BOM.
		s.run("$values | Export-Csv out.csv -Append; $back = @(Import-Csv out.csv | ForEach-Object Value)")
		checkValues(t, "Append "+tc.enc, s.strings("back"), append(append([]string{}, values...), values...))
		data2, _ := os.ReadFile(filepath.Join(s.rt.Location(), "out.csv"))
		if len(tc.prefix) > 0 && bytes.Count(data2, tc.prefix) != 1 && tc.enc != "utf32" {
			t.Errorf("%s: appended file has %d BOMs", tc.enc, bytes.Count(data2, tc.prefix))
		}
	}
}

// csvFirstChar is '"' in an encoding.
func csvFirstChar(enc string) []byte {
	switch enc {
	case "unicode":
		return []byte{'"', 0}
	case "bigendianunicode":
		return []byte{0, '"'}
	case "utf32":
		return []byte{'"', 0, 0, 0}
	}
	return []byte{'"'}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] > 0x7F {
			return false
		}
	}
	return true
}

func TestCsvImportLayouts(t *testing.T) {
	cases := []struct {
		name, text string
		want       string // rows rendered as a|b|c, $null as <null>
	}{
		{"crlf", "a,b\r\n1,2\r\n3,4\r\n", "1|2;3|4"},
		{"cr only", "a,b\r1,2\r3,4", "1|2;3|4"},
		{"blank lines", "a,b\n\n1,2\n   \n\n3,4\n\n", "1|2;3|4"},
		{"ragged short", "a,b,c\n1\n1,2\n", "1|<null>|<null>;1|2|<null>"},
		{"ragged long", "a,b\n1,2,3,4\n", "1|2"},
		{"trailing delimiter at EOF", "a,b\n1,", "1|<null>"},
		{"trailing delimiter and newline", "a,b\n1,\n", "1|"},
		{"trailing empty header names", "a,b,,\n1,2,3,4\n", "1|2"},
		{"quoted newlines", "a,b\n\"x\r\ny\",\"p\rq\"\n", "x\r\ny|p\rq"},
		{"doubled quotes", "a\n\"he said \"\"no\"\"\"\n", "he said \"no\""},
		{"quote inside unquoted", "a,b\nfoo \"ba,r\"\n", "foo \"ba|r\""},
		{"comment lines before header", "#TYPE X\n#note\na\n1\n", "1"},
		{"unterminated quote", "a,b\n\"open,2\n", "open,2\n|<null>"},
		{"empty file", "", ""},
		{"header only", "a,b\n", ""},
	}
	s := newCsvSession(t)
	for _, tc := range cases {
		if err := os.WriteFile(filepath.Join(s.rt.Location(), "in.csv"), []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		s.run(`$rows = @(Import-Csv in.csv | ForEach-Object { @($_.PSObject.Properties | ForEach-Object { if ($null -eq $_.Value) { '<null>' } else { $_.Value } }) -join '|' }) -join ';'`)
		got := s.strings("rows")
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: got %q, want %q (output %q)", tc.name, got, tc.want, s.out.String())
		}
	}
}

func TestCsvImportBOMs(t *testing.T) {
	s := newCsvSession(t)
	text := "Name,Value\nx,ä€𝄞\n"
	for _, enc := range []textEncoding{encUTF8BOM, encUnicode, encBigEndianUnicode, encUTF32, encBigEndianUTF32} {
		if err := os.WriteFile(filepath.Join(s.rt.Location(), "bom.csv"), enc.encode(text, true), 0o644); err != nil {
			t.Fatal(err)
		}
		// The BOM wins over a wrong -Encoding.
		s.run(`$r = Import-Csv bom.csv -Encoding ascii; $names = @($r.PSObject.Properties.Name) -join ','; $v = $r.Value`)
		if n := s.strings("names"); len(n) != 1 || n[0] != "Name,Value" {
			t.Errorf("encoding %d: names %q", enc, n)
		}
		if v := s.strings("v"); len(v) != 1 || v[0] != "ä€𝄞" {
			t.Errorf("encoding %d: value %q", enc, v)
		}
	}
}

func TestCsvReaderNoPanicOnOddInput(t *testing.T) {
	for _, text := range []string{"\"", "\"\"\"", ",,,\n,,,", "#", "#TYPE", "#Fields: a b\n1 2", "\r", "a\n\"", "a\n\"x\"\"", "\xff\xfe"} {
		for _, d := range []rune{',', '"', ' ', '\n', '#'} {
			r := &csvReader{text: text, delim: d}
			_ = r.records(func(csvRow) error { return nil })
		}
	}
}

// fuzzSession is one runtime shared by the fuzz inputs of a process.
var fuzzSession struct {
	sync.Mutex
	s *csvSession
}

func FuzzCsvConvertRoundTrip(f *testing.F) {
	for _, v := range csvAwkward {
		f.Add(v, v+"2")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			t.Skip()
		}
		fuzzSession.Lock()
		defer fuzzSession.Unlock()
		if fuzzSession.s == nil {
			fuzzSession.s = newCsvSession(t)
		}
		s := fuzzSession.s
		s.t = t
		s.setValues([]string{a, b})
		s.run("$back = @($values | ConvertTo-Csv | ConvertFrom-Csv | ForEach-Object Value)")
		checkValues(t, "fuzz round trip", s.strings("back"), []string{a, b})
		// The raw reader never panics on the text, whatever it is.
		r := &csvReader{text: a + "\n" + b, delim: ','}
		_ = r.records(func(csvRow) error { return nil })
	})
}
