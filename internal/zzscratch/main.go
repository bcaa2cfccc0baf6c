// Package main is a temporary scratch runner (to be deleted).
package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/csshell/csshell/internal/transcript"
)

func main() {
	raw := len(os.Args) > 2
	data, _ := os.ReadFile(os.Args[1])
	var buf bytes.Buffer
	rt := transcript.NewRuntime(&buf, setup)
	dir, _ := os.MkdirTemp("", "ps")
	rt.SetLocation(dir)
	n, bad := 0, 0
	for _, st := range transcript.Parse(string(data)) {
		buf.Reset()
		rt.Execute(context.Background(), "<transcript>", st.Input)
		got := strings.TrimLeft(strings.TrimRight(strings.ReplaceAll(buf.String(), "\r\n", "\n"), "\n"), "\n")
		want := strings.TrimLeft(st.Want, "\n")
		n++
		if raw {
			fmt.Printf("PS> %s\n%s\n", strings.ReplaceAll(st.Input, "\n", "\n>> "), got)
			continue
		}
		if got != want {
			bad++
			fmt.Printf("=== %d: PS> %s\n--- got ---\n%s\n--- want ---\n%s\n", st.Line, strings.ReplaceAll(st.Input, "\n", "\n>> "), got, want)
		}
	}
	if !raw {
		fmt.Printf("%s: %d cases, %d failing\n", os.Args[1], n, bad)
	}
}
