//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package shell

import (
	"errors"
	"os"
)

// ttyParser is not available here: the go-prompt REPL needs POSIX
// terminal modes, so csshell falls back to the plain line reader.
type ttyParser struct{}

// openTTY always fails on this platform.
func openTTY() (*ttyParser, error) { return nil, errors.New("no terminal support") }

// terminalWidth is 80 on this platform.
func terminalWidth(*os.File) int { return 80 }

// interactiveConfig is unused on this platform.
type interactiveConfig struct {
	rt, host, tty, getenv, complete, progress, release any
	onStderr, color                                    bool
}

// runInteractive is never reached on this platform (openTTY fails).
func runInteractive(interactiveConfig) int { return 1 }
