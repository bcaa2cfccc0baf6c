package binding

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// validate runs p's validation attributes on a converted value (each
// element of an array, for the per-element ones), then pwsh's mandatory
// check: a parameter mandatory in some set refuses $null, "" and empty
// arrays unless AllowNull / AllowEmptyString / AllowEmptyCollection.
func (b *binder) validate(p *pinfo, v any) error {
	items, isArr := v.([]any)
	elems := items
	if !isArr {
		elems = []any{v}
	}
	if p.ValidateNotNull {
		if v == nil || (isArr && hasNil(items)) {
			return errValidation(p.Name, "The argument is null. Provide a valid value for the argument, and then try the command again.", nil)
		}
	}
	if p.ValidateNotNullOrEmpty {
		if v == nil || v == "" || (isArr && len(items) == 0) {
			return errValidation(p.Name, "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.", nil)
		}
		if isArr {
			for _, it := range items {
				if it == nil || it == "" {
					return errValidation(p.Name, "The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.", nil)
				}
			}
		}
	}
	for _, e := range elems {
		if err := b.validateElement(p, e); err != nil {
			return err
		}
	}
	if p.mandatorySomewhere() {
		if v == nil && !p.AllowNull {
			return errNullNotAllowed(p.Name)
		}
		if v == "" && !p.AllowEmptyString {
			return errEmptyStringNotAllowed(p.Name)
		}
		if isArr {
			if len(items) == 0 && !p.AllowEmptyCollection {
				return errEmptyArrayNotAllowed(p.Name)
			}
			for _, it := range items {
				if it == nil && !p.AllowNull {
					return errNullNotAllowed(p.Name)
				}
				if it == "" && !p.AllowEmptyString {
					return errEmptyStringNotAllowed(p.Name)
				}
			}
		}
	}
	return nil
}

func hasNil(items []any) bool {
	for _, it := range items {
		if it == nil {
			return true
		}
	}
	return false
}

// validateElement runs ValidateSet, ValidateRange, ValidatePattern and
// ValidateScript on one value.
func (b *binder) validateElement(p *pinfo, e any) error {
	if len(p.ValidateSet) > 0 {
		s := value.ToString(e)
		ok := false
		for _, m := range p.ValidateSet {
			if s == m || (!p.ValidateSetCaseSensitive && strings.EqualFold(s, m)) {
				ok = true
				break
			}
		}
		if !ok && p.ValidateSetMessage != "" {
			return errValidation(p.Name, customMessage(p.ValidateSetMessage, e, strings.Join(p.ValidateSet, ",")), nil)
		}
		if !ok {
			return errValidation(p.Name, fmt.Sprintf("The argument \"%s\" does not belong to the set \"%s\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
				s, strings.Join(p.ValidateSet, ",")), nil)
		}
	}
	if r := p.ValidateRange; r != nil && e != nil {
		if err := checkRange(p.Name, e, r[0], r[1]); err != nil {
			return err
		}
	}
	if p.ValidatePattern != "" && e != nil {
		s := value.ToString(e)
		re, err := value.NewRegex(p.ValidatePattern, true)
		if err != nil {
			return errValidation(p.Name, err.Error(), err)
		}
		ok, err := re.IsMatch(s)
		if err != nil {
			return errValidation(p.Name, err.Error(), err)
		}
		if !ok && p.ValidatePatternMessage != "" {
			return errValidation(p.Name, customMessage(p.ValidatePatternMessage, e, p.ValidatePattern), nil)
		}
		if !ok {
			return errValidation(p.Name, fmt.Sprintf("The argument \"%s\" does not match the \"%s\" pattern. Supply an argument that matches \"%s\" and try the command again.",
				s, p.ValidatePattern, p.ValidatePattern), nil)
		}
	}
	if p.ValidateScript != nil {
		if err := p.ValidateScript(e); err != nil {
			return errValidation(p.Name, err.Error(), err)
		}
	}
	return nil
}

// customMessage formats a validation attribute's ErrorMessage with the
// value ({0}) and what it was checked against ({1}); a format that does
// not format is shown as written.
func customMessage(format string, v any, against string) string {
	out, err := value.Format(format, []any{v, against})
	if err != nil {
		return format
	}
	return out
}

func checkRange(param string, e any, lo, hi float64) error {
	n, err := value.ConvertTo(e, value.TDouble)
	f, ok := n.(float64)
	if err != nil || !ok {
		tn := value.TypeOf(e).Name
		return errValidation(param, fmt.Sprintf("The argument cannot be validated because its type \"%s\" is not the same type (%s) as the maximum and minimum limits of the parameter. Make sure the argument is of type %s and then try the command again.",
			tn, "Int32", "Int32"), err)
	}
	arg := value.ToString(e)
	if f < lo {
		min := value.ToString(lo)
		return errValidation(param, fmt.Sprintf("The %s argument is less than the minimum allowed range of %s. Supply an argument that is greater than or equal to %s and then try the command again.", arg, min, min), nil)
	}
	if f > hi {
		max := value.ToString(hi)
		return errValidation(param, fmt.Sprintf("The %s argument is greater than the maximum allowed range of %s. Supply an argument that is less than or equal to %s and then try the command again.", arg, max, max), nil)
	}
	return nil
}
