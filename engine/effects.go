package engine

import (
	"context"
	"io"
	"io/fs"
	"net/smtp"
	"os"
)

// Effects: how files and mail leave a session.
//
// The product promises that a change is durable before any byte about it
// leaves the process. Terminal output keeps that promise through
// DurableWriter (barrier.go); files and mail keep it by construction, as
// mvdan/sh's interp routes every redirection through its OpenHandler: the
// host holds one handler per kind of effect (open a file for writing,
// replace a file atomically, hand a mail to a relay), the handlers are
// unexported so a cmdlet cannot call them directly, and the only way to
// reach them is a Runtime (or Call) method that runs the barrier first.
// Tests install their own handlers to watch the order of events.

// WritableFile is a file an OpenHandlerFunc opened for writing; *os.File
// is one.
type WritableFile interface {
	io.Writer
	// Sync commits the written bytes to stable storage (fsync).
	Sync() error
	Close() error
}

// OpenHandlerFunc opens path for writing with os.OpenFile's flag and perm.
// The runtime calls it only after the durability barrier.
type OpenHandlerFunc func(ctx context.Context, path string, flag int, perm fs.FileMode) (WritableFile, error)

// ReplaceHandlerFunc replaces path atomically and durably with what fill
// writes, leaving it as it was when fill fails. The runtime calls it only
// after the durability barrier.
type ReplaceHandlerFunc func(ctx context.Context, path string, perm fs.FileMode, fill func(w io.Writer) error) error

// MailHandlerFunc hands one message to a mail relay. The runtime calls it
// only after the durability barrier.
type MailHandlerFunc func(ctx context.Context, m *OutboundMail) error

// OutboundMail is a message on its way to a mail relay.
type OutboundMail struct {
	Relay string   // the relay's host:port
	From  string   // envelope sender
	To    []string // envelope recipients
	Data  []byte   // the RFC 5322 message, CRLF lines
}

// DefaultOpenHandler opens files on the real file system.
func DefaultOpenHandler() OpenHandlerFunc {
	return func(_ context.Context, path string, flag int, perm fs.FileMode) (WritableFile, error) {
		f, err := os.OpenFile(path, flag, perm)
		if err != nil {
			return nil, err // not a typed nil inside the interface
		}
		return f, nil
	}
}

// DefaultMailHandler sends each message over SMTP to its relay, without
// authentication (STARTTLS when the server offers it).
func DefaultMailHandler() MailHandlerFunc {
	return func(_ context.Context, m *OutboundMail) error {
		return smtp.SendMail(m.Relay, nil, m.From, m.To, m.Data)
	}
}
