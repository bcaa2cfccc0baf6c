package storage

import "slices"

// AddMail appends m to the outbox, setting m.Seq.
func (t *tx) AddMail(m *Mail) error {
	seq, err := t.nextSeq(counterMail)
	if err != nil {
		return err
	}
	m.Seq = seq
	sm, err := sealMail(t.b.secret, m)
	if err != nil {
		return err
	}
	return t.putJSON(mailKey(seq), sm)
}

// AddAudit appends a to the audit log, setting a.Seq.
func (t *tx) AddAudit(a *AuditRecord) error {
	seq, err := t.nextSeq(counterAudit)
	if err != nil {
		return err
	}
	a.Seq = seq
	return t.putJSON(auditKey(seq), a)
}

// nextSeq increments and returns a counter (Update is serialised, so no
// two transactions race for one number).
func (t *tx) nextSeq(name string) (uint64, error) {
	n, err := t.getU64(counterKey(name))
	if err != nil {
		return 0, err
	}
	n++
	return n, t.putU64(counterKey(name), n)
}

// Mail returns the last n messages (n <= 0: all) matching keep (nil: all),
// oldest first, reading the outbox backwards from its end.
func (t *tx) Mail(n int, keep func(*Mail) bool) ([]*Mail, error) {
	var out []*Mail
	err := t.each([]byte{nsMail}, true, true, func(_, v []byte) (bool, error) {
		sm := new(storedMail)
		if err := decode(v, sm); err != nil {
			return false, err
		}
		m := unsealMail(t.b.secret, sm)
		if keep == nil || keep(m) {
			out = append(out, m)
		}
		return n <= 0 || len(out) < n, nil
	})
	slices.Reverse(out)
	return out, err
}

// Audit returns the last n audit records (n <= 0: all) matching keep (nil:
// all), oldest first.
func (t *tx) Audit(n int, keep func(*AuditRecord) bool) ([]*AuditRecord, error) {
	var out []*AuditRecord
	err := t.each([]byte{nsAudit}, true, true, func(_, v []byte) (bool, error) {
		a := new(AuditRecord)
		if err := decode(v, a); err != nil {
			return false, err
		}
		if keep == nil || keep(a) {
			out = append(out, a)
		}
		return n <= 0 || len(out) < n, nil
	})
	slices.Reverse(out)
	return out, err
}
