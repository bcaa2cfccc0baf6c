package teams_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/internal/transcript"
	"github.com/csshell/csshell/storage"
)

// benchList runs a listing of every user of a 2 000-user in-memory tenant.
func benchList(b *testing.B, cmd string) {
	store := tenanttest.OpenMemory(b)
	if err := storage.AddSyntheticUsers(store, 2000); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	rt := transcript.NewRuntime(&buf, tenanttest.Setup(b, func() storage.Store { return store }))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rt.Execute(context.Background(), "<bench>", cmd)
	}
}

// BenchmarkGetOnlineUsers2k lists every user with today's Get-CsOnlineUser
// (96 properties).
func BenchmarkGetOnlineUsers2k(b *testing.B) { benchList(b, "$null = Get-CsOnlineUser") }

// BenchmarkGetOnlineUsersFiltered2k lists the users of one city of
// 2 000 (none): the filter reads its one property, not the 96.
func BenchmarkGetOnlineUsersFiltered2k(b *testing.B) {
	benchList(b, "$null = Get-CsOnlineUser -Filter {City -eq 'Atlantis'}")
}

// BenchmarkGetConferencingUsers2k is the baseline: the same users through
// Get-CsOnlineDialInConferencingUser (14 properties).
func BenchmarkGetConferencingUsers2k(b *testing.B) {
	benchList(b, "$null = Get-CsOnlineDialInConferencingUser")
}
