package powershell

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// textEncoding is one of the -Encoding values of the file cmdlets.
type textEncoding int

// The encodings pwsh 7 accepts by name.
const (
	encUTF8 textEncoding = iota // no BOM (pwsh 7's default)
	encUTF8BOM
	encASCII
	encUnicode // UTF-16LE with BOM
	encBigEndianUnicode
	encUTF32
	encBigEndianUTF32
	encLatin1
)

// textEncodingNames maps -Encoding names (and common .NET names) to encodings.
var textEncodingNames = map[string]textEncoding{
	"utf8": encUTF8, "utf8nobom": encUTF8, "utf-8": encUTF8, "default": encUTF8, "oem": encUTF8, "utf7": encUTF8, "utf-7": encUTF8,
	"utf8bom": encUTF8BOM,
	"ascii":   encASCII, "us-ascii": encASCII,
	"unicode": encUnicode, "utf-16": encUnicode, "utf-16le": encUnicode, "utf16": encUnicode,
	"bigendianunicode": encBigEndianUnicode, "utf-16be": encBigEndianUnicode, "unicodefffe": encBigEndianUnicode,
	"utf32": encUTF32, "utf-32": encUTF32, "utf-32le": encUTF32,
	"bigendianutf32": encBigEndianUTF32, "utf-32be": encBigEndianUTF32,
	"latin1": encLatin1, "iso-8859-1": encLatin1, "28591": encLatin1,
	"65001": encUTF8, "1200": encUnicode, "1201": encBigEndianUnicode, "12000": encUTF32, "20127": encASCII,
}

// textEncodingFrom reads a cmdlet's -Encoding through its handle; def
// applies when it is not given or $null.
func textEncodingFrom(c *engine.Call, enc engine.Param[any], def string) (textEncoding, error) {
	name := def
	if v, ok := enc.Lookup(c); ok && v != nil {
		name = value.ToString(v)
	}
	return textEncodingNamed(name)
}

// textEncodingNamed is the encoding of an -Encoding name, or pwsh's
// argument transformation error.
func textEncodingNamed(name string) (textEncoding, error) {
	if e, ok := textEncodingNames[strings.ToLower(strings.TrimSpace(name))]; ok {
		return e, nil
	}
	return encUTF8, engine.NewError("InvalidData", "ParameterArgumentTransformationError", name,
		"Cannot process argument transformation on parameter 'Encoding'. '%s' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')", name).
		WithException("System.Management.Automation.ParameterBindingArgumentTransformationException")
}

// encode converts text to bytes, with the preamble when bom is true.
func (e textEncoding) encode(text string, bom bool) []byte {
	var b bytes.Buffer
	switch e {
	case encUTF8BOM:
		if bom {
			b.WriteString("\xEF\xBB\xBF")
		}
		b.WriteString(text)
	case encASCII, encLatin1:
		limit := rune(0x7F)
		if e == encLatin1 {
			limit = 0xFF
		}
		for _, r := range text {
			if r > limit {
				r = '?'
			}
			b.WriteByte(byte(r))
		}
	case encUnicode, encBigEndianUnicode:
		var order binary.AppendByteOrder = binary.LittleEndian
		if e == encBigEndianUnicode {
			order = binary.BigEndian
		}
		if bom {
			b.Write(order.AppendUint16(nil, 0xFEFF))
		}
		for _, u := range utf16.Encode([]rune(text)) {
			b.Write(order.AppendUint16(nil, u))
		}
	case encUTF32, encBigEndianUTF32:
		var order binary.AppendByteOrder = binary.LittleEndian
		if e == encBigEndianUTF32 {
			order = binary.BigEndian
		}
		if bom {
			b.Write(order.AppendUint32(nil, 0xFEFF))
		}
		for _, r := range text {
			b.Write(order.AppendUint32(nil, uint32(r)))
		}
	default:
		b.WriteString(text)
	}
	return b.Bytes()
}

// decodeText turns file bytes into text: a byte-order mark wins, else the
// given encoding is used.
func decodeText(data []byte, e textEncoding) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		return decodeUTF32(data[4:], binary.LittleEndian)
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return decodeUTF32(data[4:], binary.BigEndian)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], binary.LittleEndian)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], binary.BigEndian)
	}
	switch e {
	case encUnicode:
		return decodeUTF16(data, binary.LittleEndian)
	case encBigEndianUnicode:
		return decodeUTF16(data, binary.BigEndian)
	case encUTF32:
		return decodeUTF32(data, binary.LittleEndian)
	case encBigEndianUTF32:
		return decodeUTF32(data, binary.BigEndian)
	case encASCII:
		r := make([]rune, len(data))
		for i, c := range data {
			if c > 0x7F {
				r[i] = '?'
			} else {
				r[i] = rune(c)
			}
		}
		return string(r)
	case encLatin1:
		r := make([]rune, len(data))
		for i, c := range data {
			r[i] = rune(c)
		}
		return string(r)
	}
	if utf8.Valid(data) {
		return string(data)
	}
	return strings.ToValidUTF8(string(data), "\uFFFD")
}

func decodeUTF16(data []byte, order binary.ByteOrder) string {
	u := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		u = append(u, order.Uint16(data[i:]))
	}
	return string(utf16.Decode(u))
}

func decodeUTF32(data []byte, order binary.ByteOrder) string {
	var b strings.Builder
	for i := 0; i+3 < len(data); i += 4 {
		r := rune(order.Uint32(data[i:]))
		if !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}
