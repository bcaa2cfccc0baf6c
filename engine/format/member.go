package format

// getMember is the object model's property lookup.
var getMember = func(v any, name string) (any, bool) { return nil, false } // TEMP until value.GetMember lands
