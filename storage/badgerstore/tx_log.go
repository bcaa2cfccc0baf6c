package badgerstore

import (
	"slices"

	"github.com/csshell/csshell/storage"
)

// AddMail appends m to the outbox, setting m.Seq.
func (t *tx) AddMail(m *storage.Mail) error {
	seq, err := t.nextSeq(storage.CounterMail)
	if err != nil {
		return err
	}
	m.Seq = seq
	sm, err := sealMail(t.b.secret, m)
	if err != nil {
		return err
	}
	return t.putJSON(storage.MailKey(seq), sm)
}

// AddAudit appends a to the audit log, setting a.Seq.
func (t *tx) AddAudit(a *storage.AuditRecord) error {
	seq, err := t.nextSeq(storage.CounterAudit)
	if err != nil {
		return err
	}
	a.Seq = seq
	val, err := storage.EncodeAudit(a)
	if err != nil {
		return err
	}
	return t.set(storage.AuditKey(seq), val)
}

// nextSeq increments and returns a counter (Update is serialised, so no
// two transactions race for one number).
func (t *tx) nextSeq(name string) (uint64, error) {
	n, err := t.getU64(storage.CounterKey(name))
	if err != nil {
		return 0, err
	}
	n++
	return n, t.putU64(storage.CounterKey(name), n)
}

// Mail returns the last n messages (n <= 0: all) matching keep (nil: all),
// oldest first, reading the outbox backwards from its end.
func (t *tx) Mail(n int, keep func(*storage.Mail) bool) ([]*storage.Mail, error) {
	var out []*storage.Mail
	err := t.each([]byte{storage.NSMail}, true, true, func(_, v []byte) (bool, error) {
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
func (t *tx) Audit(n int, keep func(*storage.AuditRecord) bool) ([]*storage.AuditRecord, error) {
	var out []*storage.AuditRecord
	err := t.each([]byte{storage.NSAudit}, true, true, func(_, v []byte) (bool, error) {
		a := new(storage.AuditRecord)
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
