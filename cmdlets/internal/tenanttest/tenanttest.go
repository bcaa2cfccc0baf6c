// Package tenanttest gives the tests of the tenant cmdlets (packages teams
// and emulator) a shell session over a fresh demo tenant, in memory or on
// disk, with every cmdlet module registered and a fixed clock.
package tenanttest

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/internal/transcript"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/badgerstore"
)

// Clock is the fixed time tenant tests run at.
var Clock = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// OpenMemory opens a fresh in-memory demo tenant whose clock reads Clock,
// closed when the test ends.
func OpenMemory(t testing.TB) storage.Store {
	t.Helper()
	s, err := badgerstore.Options{Now: clock}.OpenInMemory()
	if err != nil {
		t.Fatalf("open in-memory tenant: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// OpenDir opens (creating it with the demo tenant when new) the tenant
// store in dir, its clock reading Clock; the caller closes it.
func OpenDir(t testing.TB, dir string) storage.Store {
	t.Helper()
	s, err := badgerstore.Options{Now: clock}.Open(dir)
	if err != nil {
		t.Fatalf("open tenant %s: %v", dir, err)
	}
	return s
}

// clock is the stores' one clock in tests: Clock.
func clock() time.Time { return Clock }

// Connect signs in to store as its first Global Administrator.
func Connect(t testing.TB, store storage.Store) *teams.Tenant {
	t.Helper()
	tn, err := teams.NewTenant(store)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	return tn
}

// Setup returns a runtime setup that registers every cmdlet module over
// the tenant that open gives, signed in as its Global Administrator (for
// transcript.RunFile and transcript.NewRuntime).
func Setup(t testing.TB, open func() storage.Store) func(*engine.Runtime) {
	return func(rt *engine.Runtime) {
		cmdlets.Register(rt)
		cmdlets.RegisterTenant(rt, Connect(t, open()))
	}
}

// Session is a shell session over a tenant for Go tests.
type Session struct {
	T      testing.TB
	RT     *engine.Runtime
	Buf    *bytes.Buffer
	Store  storage.Store
	Tenant *teams.Tenant
}

// NewSession opens a session over store; input is what a person types at
// prompts, and interactive says whether one is at the keyboard.
func NewSession(t testing.TB, store storage.Store, input string, interactive bool) *Session {
	t.Helper()
	tn := Connect(t, store)
	buf := &bytes.Buffer{}
	h := engine.NewHost(strings.NewReader(input), buf, buf)
	h.Interactive = interactive
	h.Getenv = func(string) string { return "" }
	rt := engine.New(h)
	cmdlets.Register(rt)
	cmdlets.RegisterTenant(rt, tn)
	return &Session{T: t, RT: rt, Buf: buf, Store: store, Tenant: tn}
}

// NewMemorySession is NewSession over a fresh in-memory demo tenant.
func NewMemorySession(t testing.TB, input string, interactive bool) *Session {
	t.Helper()
	return NewSession(t, OpenMemory(t), input, interactive)
}

// Run executes one input and returns its output (both streams), trimmed.
func (s *Session) Run(script string) string {
	s.Buf.Reset()
	s.RT.Execute(context.Background(), "<test>", script)
	return strings.TrimSpace(s.Buf.String())
}

// Expect runs script and fails the test unless its output is want.
func (s *Session) Expect(script, want string) {
	s.T.Helper()
	if got := s.Run(script); got != want {
		s.T.Errorf("%s\n--- got ---\n%s\n--- want ---\n%s", script, got, want)
	}
}

// Update changes the store directly (what no cmdlet can do).
func (s *Session) Update(fn func(w storage.Writer) error) {
	s.T.Helper()
	if err := s.Store.Update(fn); err != nil {
		s.T.Fatalf("update: %v", err)
	}
}

// RunTranscripts runs every transcript of dir (see package
// internal/transcript) twice, against an in-memory tenant and against an
// on-disk one; each file starts from a fresh demo tenant.
func RunTranscripts(t *testing.T, dir string) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no tenant transcripts in %s: %v", dir, err)
	}
	for _, kind := range []string{"memory", "disk"} {
		t.Run(kind, func(t *testing.T) {
			for _, file := range files {
				t.Run(filepath.Base(file), func(t *testing.T) {
					t.Parallel()
					open := func() storage.Store { return OpenMemory(t) }
					if kind == "disk" {
						dir := filepath.Join(t.TempDir(), "tenant")
						open = func() storage.Store {
							s := OpenDir(t, dir)
							t.Cleanup(func() { s.Close() })
							return s
						}
					}
					transcript.RunFile(t, file, Setup(t, open))
				})
			}
		})
	}
}
