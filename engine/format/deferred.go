package format

// Deferred is Format-* output whose layout depends on the width of the
// consumer: Text is the rendering at Width (the console width, what
// Out-Default shows), and Render lays the same data out again at another
// width, as Out-String -Width and Out-File -Width ask for. A Writer prints
// Text when its width is Width, else Render's result; a nil Render always
// means Text.
type Deferred struct {
	Text   string
	Width  int
	Render func(width int) string
}

// String returns the text at the console width.
func (d Deferred) String() string { return d.Text }

// at returns the text laid out at width.
func (d Deferred) at(width int) string {
	if d.Render == nil || width == d.Width {
		return d.Text
	}
	return d.Render(width)
}
