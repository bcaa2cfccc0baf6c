package shell

import (
	"bytes"
	"reflect"
	"testing"
)

func TestPagerCommand(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", []string{"less", "-FRX"}},
		{"  ", []string{"less", "-FRX"}},
		{"less -R", []string{"less", "-R"}},
		{`"/opt/my pager/bin/less" -S`, []string{"/opt/my pager/bin/less", "-S"}},
		{`most '-s'`, []string{"most", "-s"}},
	}
	for _, c := range cases {
		got, err := pagerCommand(c.in)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("pagerCommand(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, err := pagerCommand(`less "unterminated`); err == nil {
		t.Error("an unterminated quote in PAGER should be an error")
	}
}

func TestPagerRunsThePagerCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	env := map[string]string{"PAGER": "cat"}
	page := newPager(func(k string) string { return env[k] }, &out, &errOut)
	if err := page("line 1\nline 2\n"); err != nil {
		t.Fatal(err)
	}
	if out.String() != "line 1\nline 2\n" {
		t.Errorf("pager output %q", out.String())
	}
}
