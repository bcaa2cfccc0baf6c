package shell

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/google/shlex"
)

// newPager returns the host's Page function for an interactive terminal:
// it runs $PAGER (default "less -FRX", falling back to "more") with the
// text on its standard input.
//
// This is the one place csshell uses github.com/google/shlex: $PAGER is a
// POSIX shell-style command line (e.g. `less -R` or
// `"/opt/my pager/bin/less" -S`), which POSIX splitting reads correctly.
// PowerShell text is never split this way — it has its own tokenizer
// (engine/syntax).
func newPager(getenv func(string) string, out, errOut io.Writer) func(text string) error {
	return func(text string) error {
		argv, err := pagerCommand(getenv("PAGER"))
		if err != nil {
			return err
		}
		if _, err := exec.LookPath(argv[0]); err != nil && getenv("PAGER") == "" {
			argv = []string{"more"}
			if _, err := exec.LookPath("more"); err != nil {
				_, werr := io.WriteString(out, text)
				return werr
			}
		}
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Stdin = strings.NewReader(text)
		cmd.Stdout = out
		cmd.Stderr = errOut
		if f, ok := out.(*os.File); ok {
			cmd.Stdout = f
		}
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("the pager '%s' failed: %w", strings.Join(argv, " "), err)
		}
		return nil
	}
}

// pagerCommand splits $PAGER (POSIX rules) into a command and arguments.
func pagerCommand(pager string) ([]string, error) {
	if strings.TrimSpace(pager) == "" {
		return []string{"less", "-FRX"}, nil
	}
	argv, err := shlex.Split(pager)
	if err != nil {
		return nil, fmt.Errorf("the PAGER variable '%s' cannot be read: %w", pager, err)
	}
	if len(argv) == 0 {
		return []string{"less", "-FRX"}, nil
	}
	return argv, nil
}
