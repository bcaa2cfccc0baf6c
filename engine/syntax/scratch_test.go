package syntax

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestScratch(t *testing.T) {
	f, err := os.Open("/tmp/pt/in.txt")
	if err != nil {
		t.Skip()
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.ReplaceAll(sc.Text(), `\n`, "\n")
		sb, err := Parse(&Source{Text: line})
		fmt.Printf("%q\n  => %s\n", line, Dump(sb))
		if err != nil {
			for _, e := range err.(ErrorList) {
				l, c := e.LineCol()
				fmt.Printf("  !! %d:%d %s %q inc=%v\n", l, c, e.ID, e.Msg, e.Incomplete)
			}
		}
	}
}
