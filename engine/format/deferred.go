package format

// Deferred is Format-* output whose layout depends on the consumer: Text
// is the plain rendering at Width (the console width), and Render lays the
// same data out again at another width or with the consumer's Style (the
// terminal may decorate headers, Out-String under PlainText may not), as
// pwsh's format objects are rendered by the Out-* that receives them. A
// Writer prints Text when its width is Width and it decorates nothing,
// else Render's result; a nil Render always means Text.
type Deferred struct {
	Text   string
	Width  int
	Render func(width int, style Style) string
}

// String returns the text at the console width.
func (d Deferred) String() string { return d.Text }

// at returns the text laid out at width with style.
func (d Deferred) at(width int, style Style) string {
	if d.Render == nil || width == d.Width && style == (Style{}) {
		return d.Text
	}
	return d.Render(width, style)
}
