package storage

import (
	"encoding/json"
	"fmt"
	"time"
)

// txnBudget is how many bytes of keys and values addSynthetic puts in one
// transaction: three quarters of what Badger accepts (15 % of a memtable).
const txnBudget = memTableSize * 15 / 100 * 3 / 4

// addSynthetic is AddSyntheticUsers on Badger: the plan already proved
// every new UPN, SIP address and conference id free, so users are written
// blind — no reads, no conflict tracking — each user whole in one durable
// transaction of a few hundred users.
func (b *Badger) addSynthetic(p *syntheticPlan, n int, now time.Time) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	hash := func(pin string) (PINHash, error) { return hashPIN(b.secret, pin, now) }
	txn := b.db.NewTransaction(true)
	defer func() { txn.Discard() }()
	size := 0
	for i := p.next; i < p.next+n; i++ {
		u, err := p.user(i, hash, now)
		if err != nil {
			return err
		}
		if p.sipTaken[lowerSIP(u.SipAddress)] {
			return &DuplicateError{What: "SIP address", Value: u.SipAddress}
		}
		val, err := json.Marshal(u)
		if err != nil {
			return err
		}
		entries := append(userIndex(u), indexEntry{userKey(u.ID), val})
		need := 0
		for _, e := range entries {
			need += len(e.key) + len(e.val) + 16
		}
		if size+need > txnBudget {
			if err := txn.Commit(); err != nil {
				return fmt.Errorf("storage: writing synthetic users: %w", err)
			}
			txn, size = b.db.NewTransaction(true), 0
		}
		for _, e := range entries {
			if err := txn.Set(e.key, e.val); err != nil {
				return fmt.Errorf("storage: writing synthetic users: %w", err)
			}
		}
		size += need
	}
	if err := txn.Commit(); err != nil {
		return fmt.Errorf("storage: writing synthetic users: %w", err)
	}
	return nil
}
