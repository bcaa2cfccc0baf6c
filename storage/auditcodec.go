package storage

import "strconv"

// EncodeAudit is the stored form of an audit record: exactly the bytes
// json.Marshal writes for it (the tests hold the two to that), written
// without reflection — every change of a bulk pipeline writes one.
func EncodeAudit(a *AuditRecord) ([]byte, error) {
	e := recordEncoder{b: make([]byte, 0, 256)}
	e.open()
	e.key("Seq")
	e.b = strconv.AppendUint(e.b, a.Seq, 10)
	e.time("Time", a.Time)
	e.str("Account", a.Account)
	e.str("Cmdlet", a.Cmdlet)
	e.str("Target", a.Target)
	e.str("TargetID", a.TargetID)
	e.list("Changes", len(a.Changes), a.Changes == nil, func(i int) {
		c := a.Changes[i]
		e.open()
		e.str("Property", c.Property)
		e.str("Old", c.Old)
		e.str("New", c.New)
		e.b = append(e.b, '}')
	})
	e.b = append(e.b, '}')
	return e.result()
}
