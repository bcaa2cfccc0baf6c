package value

// TypeNameSecureString is the type of the password of a PSCredential.
const TypeNameSecureString = "System.Security.SecureString"

// NewSecureString makes a System.Security.SecureString holding text. As in
// .NET it shows and converts only as its type name (it has no property
// to show); SecureText is the one way back to the text
// (Connect-MicrosoftTeams -Credential reads a PSCredential's password
// with it).
func NewSecureString(text string) *Object {
	o := NewObject(TypeNameSecureString, "System.Object")
	o.secure = &text
	o.Stringer = func(*Object) string { return TypeNameSecureString }
	return o
}

// SecureText returns the text of a SecureString made by NewSecureString.
func SecureText(v any) (string, bool) {
	if o, ok := v.(*Object); ok && o != nil && o.secure != nil {
		return *o.secure, true
	}
	return "", false
}
