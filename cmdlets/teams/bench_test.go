package teams_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/internal/transcript"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/badgerstore"
)

var (
	bigTenantOnce sync.Once
	bigTenantDir  string
	bigTenantErr  error
)

// bigTenant builds (once per test binary) an on-disk demo tenant with
// 100 000 synthetic users and returns its directory.
func bigTenant(b *testing.B) string {
	bigTenantOnce.Do(func() {
		dir, err := os.MkdirTemp("", "csshell-100k")
		if err != nil {
			bigTenantErr = err
			return
		}
		bigTenantDir = filepath.Join(dir, "tenant")
		s, err := badgerstore.Open(bigTenantDir)
		if err != nil {
			bigTenantErr = err
			return
		}
		if err := storage.AddSyntheticUsers(s, 100_000); err != nil {
			bigTenantErr = err
		}
		if err := s.Close(); err != nil && bigTenantErr == nil {
			bigTenantErr = err
		}
	})
	if bigTenantErr != nil {
		b.Fatal(bigTenantErr)
	}
	return bigTenantDir
}

// benchGetUser runs `Get-CsOnlineDialInConferencingUser -Identity` on the
// tenant in dir.
func benchGetUser(b *testing.B, dir string) {
	store, err := badgerstore.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	var buf bytes.Buffer
	rt := transcript.NewRuntime(&buf, tenanttest.Setup(b, func() storage.Store { return store }))
	const cmd = "$null = Get-CsOnlineDialInConferencingUser -Identity amos.marble@contoso.com"
	rt.Execute(context.Background(), "<bench>", cmd)
	if buf.Len() != 0 {
		b.Fatalf("unexpected output: %s", buf.String())
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rt.Execute(context.Background(), "<bench>", cmd)
	}
}

// BenchmarkGetUserDemo looks a user up on the 12-user demo tenant: the
// baseline of BenchmarkGetUser100k (the ratio must be about 1: the lookup
// is indexed).
func BenchmarkGetUserDemo(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "tenant")
	s, err := badgerstore.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	benchGetUser(b, dir)
}

// BenchmarkGetUser100k looks the same user up on a 100 000-user tenant.
func BenchmarkGetUser100k(b *testing.B) {
	benchGetUser(b, bigTenant(b))
}
