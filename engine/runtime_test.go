package engine_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/internal/transcript"
)

// newRuntime returns a runtime with only the test cmdlets given.
func newRuntime(buf *bytes.Buffer, cmdlets ...*engine.Cmdlet) *engine.Runtime {
	return transcript.NewRuntime(buf, func(rt *engine.Runtime) {
		for _, c := range cmdlets {
			rt.Register(c)
		}
	})
}

// counter emits 1, 2, 3, … until told to stop, recording how many it made.
func counter(made *int) *engine.Cmdlet {
	return &engine.Cmdlet{
		Name: "Get-Counter",
		New: engine.ProcessOnly(func(c *engine.Call) error {
			for i := int32(1); ; i++ {
				*made = int(i)
				if err := c.WriteObject(i); err != nil {
					return err
				}
			}
		}),
	}
}

// takeTwo passes two objects on, then stops its producers.
func takeTwo() *engine.Cmdlet {
	return &engine.Cmdlet{
		Name:   "Select-Two",
		Params: []*engine.ParamInfo{{Name: "InputObject", Type: "Object", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, FromPipeline: true}}}},
		New: func() engine.Processor {
			n := 0
			return &engine.Funcs{OnProcess: func(c *engine.Call) error {
				if !c.HasInput {
					return nil
				}
				n++
				if err := c.WriteObject(c.Input); err != nil {
					return err
				}
				if n == 2 {
					return engine.ErrStopUpstream
				}
				return nil
			}}
		},
	}
}

func TestStopUpstreamStopsTheProducer(t *testing.T) {
	var buf bytes.Buffer
	made := 0
	rt := newRuntime(&buf, counter(&made), takeTwo())
	res := rt.Execute(context.Background(), "<test>", "Get-Counter | Select-Two; 'next'")
	if res.Err != nil {
		t.Fatalf("unexpected error: %v\n%s", res.Err, buf.String())
	}
	if got := buf.String(); got != "1\n2\nnext\n" {
		t.Errorf("output = %q", got)
	}
	if made != 2 {
		t.Errorf("producer made %d objects; it should have stopped after 2", made)
	}
}

func TestStopUpstreamThroughAFunction(t *testing.T) {
	var buf bytes.Buffer
	made := 0
	rt := newRuntime(&buf, counter(&made), takeTwo())
	rt.Execute(context.Background(), "<test>", "function Pass { process { $_ } }\nGet-Counter | Pass | Select-Two")
	if got := buf.String(); got != "1\n2\n" {
		t.Errorf("output = %q", got)
	}
}

func TestCancellationStopsAPipeline(t *testing.T) {
	var buf bytes.Buffer
	made := 0
	rt := newRuntime(&buf, counter(&made))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	done := make(chan engine.Result, 1)
	go func() {
		done <- rt.Execute(ctx, "<test>", "function Sink { process { $null = $_ } }\nGet-Counter | Sink; 'unreached'")
	}()
	select {
	case res := <-done:
		if res.Err == nil && !res.Failed {
			t.Errorf("a cancelled pipeline should report failure")
		}
		if strings.Contains(buf.String(), "unreached") {
			t.Errorf("statements after a cancelled pipeline ran: %q", buf.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the pipeline did not stop on cancellation")
	}
	// The session goes on.
	buf.Reset()
	rt.Execute(context.Background(), "<test>", "'alive'")
	if !strings.Contains(buf.String(), "alive") {
		t.Errorf("session did not continue: %q", buf.String())
	}
}

func TestCancellationStopsALoop(t *testing.T) {
	var buf bytes.Buffer
	rt := newRuntime(&buf)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	done := make(chan struct{})
	go func() { rt.Execute(ctx, "<test>", "while ($true) { $x++ }"); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the loop did not stop on cancellation")
	}
}

func TestInternalFaultIsRecovered(t *testing.T) {
	var buf bytes.Buffer
	rt := newRuntime(&buf, &engine.Cmdlet{
		Name: "Invoke-Fault",
		New: engine.ProcessOnly(func(*engine.Call) error {
			var items []int
			_ = items[len(items)] // an index out of range: an internal fault
			return nil
		}),
	})
	res := rt.Execute(context.Background(), "<test>", "Invoke-Fault")
	if res.Err == nil {
		t.Fatal("the fault should be reported as an error")
	}
	if !strings.Contains(buf.String(), "csshell internal error") || strings.Contains(buf.String(), "goroutine") {
		t.Errorf("want an error record without a stack trace, got %q", buf.String())
	}
	buf.Reset()
	rt.Execute(context.Background(), "<test>", "1 + 1")
	if buf.String() != "2\n" {
		t.Errorf("session did not continue: %q", buf.String())
	}
}

// TestBadInputNeverPanics feeds malformed and hostile input; each must give
// an error (or run), never a panic or an internal-error record.
func TestBadInputNeverPanics(t *testing.T) {
	inputs := []string{
		"\"unterminated", "'unterminated", "@\"\nno end", "$(", "@{a=", "{{{{", "}}}}", ")))", "((((",
		"\x00\x01\x02\xff\xfe", "if", "foreach", "function", "switch", "try {}", "1 +", "-", "--", "&", "|", "| x",
		strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000),
		strings.Repeat("{", 5000), strings.Repeat("@(", 3000),
		"1" + strings.Repeat("0", 400), "0x" + strings.Repeat("f", 100), "1e99999", "[int]" + strings.Repeat("9", 50),
		"$x = " + strings.Repeat("[", 1000), "[nosuchtype]::Foo()", "$null.Foo()", "$null[0]", "1/0", "@(1,2)[99999999999]",
		"function f { f }; f", "'a' * 1e12", "1..1e12", "'x' -match '('", "[regex]::new('(')", "$a = @{}; $a[$null] = 1",
	}
	for _, in := range inputs {
		var buf bytes.Buffer
		rt := newRuntime(&buf)
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("input %q panicked: %v", in, r)
				}
			}()
			done := make(chan struct{})
			go func() {
				defer close(done)
				rt.Execute(context.Background(), "<test>", in)
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatalf("input %q hung", truncate(in))
			}
		}()
		if strings.Contains(buf.String(), "internal error") {
			t.Errorf("input %q caused an internal error: %s", truncate(in), truncate(buf.String()))
		}
	}
}

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
