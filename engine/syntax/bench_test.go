package syntax

import (
	"fmt"
	goparser "go/parser"
	"go/token"
	"strings"
	"testing"
)

// adminScript builds a realistic admin script of about n lines.
func adminScript(n int) string {
	const tmpl = `<#
.SYNOPSIS
Processes user batch %[1]d.
#>
function Update-UserBatch%[1]d {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [string]$Path,
        [ValidateSet('Add', 'Remove')]
        [string]$Mode = 'Add',
        [switch]$Force
    )
    process {
        foreach ($row in Import-Csv -Path $Path) {
            $props = @{
                Name  = $row.Name
                Mail  = "$($row.Alias)@contoso.com"
                Quota = 5gb
            }
            if ($Mode -eq 'Add' -and -not $Force) {
                try {
                    New-User @props -ErrorAction Stop | Out-Null
                } catch [System.Exception] {
                    Write-Warning "Failed for $($row.Name): $_"
                }
            } elseif ($row.Disabled -ne $true) {
                Get-User -Identity $row.Name |
                    Where-Object { $_.Enabled } |
                    Set-User -Enabled:$false
            } else {
                $report = @"
User $($row.Name) skipped
"@
                Write-Verbose $report
            }
        }
    }
}
`
	var sb strings.Builder
	lines := strings.Count(tmpl, "\n")
	for i := 0; i*lines < n; i++ {
		fmt.Fprintf(&sb, tmpl, i)
	}
	return sb.String()
}

func BenchmarkParse500Lines(b *testing.B) {
	src := &Source{Name: "admin.ps1", Text: adminScript(500)}
	if _, err := Parse(src); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}

// goProgram builds a Go source file of about n lines with the same shape
// (functions, loops, maps, conditionals, error handling, multi-line strings).
func goProgram(n int) string {
	const tmpl = `// updateUserBatch%[1]d processes user batch %[1]d.
func updateUserBatch%[1]d(path string, mode string, force bool) error {
	rows, err := importCsv(path)
	if err != nil {
		return err
	}
	for _, row := range rows {
		props := map[string]any{
			"Name":  row.Name,
			"Mail":  fmt.Sprintf("%%s@contoso.com", row.Alias),
			"Quota": 5 << 30,
		}
		if mode == "Add" && !force {
			if err := newUser(props); err != nil {
				warn(fmt.Sprintf("Failed for %%s: %%v", row.Name, err))
			}
		} else if !row.Disabled {
			for _, u := range getUser(row.Name) {
				if u.Enabled {
					setUser(u, false)
				}
			}
		} else {
			report := ` + "`" + `User skipped
` + "`" + `
			verbose(report)
		}
	}
	return nil
}

`
	var sb strings.Builder
	sb.WriteString("package batch\n\n")
	lines := strings.Count(tmpl, "\n")
	for i := 0; i*lines < n; i++ {
		fmt.Fprintf(&sb, tmpl, i)
	}
	return sb.String()
}

// BenchmarkParse500LinesGoBaseline parses a 500-line Go file of the same
// shape with go/parser, in the same run, as the baseline the README's
// ratio is measured against.
func BenchmarkParse500LinesGoBaseline(b *testing.B) {
	src := goProgram(500)
	fset := token.NewFileSet()
	if _, err := goparser.ParseFile(fset, "batch.go", src, goparser.ParseComments); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := goparser.ParseFile(token.NewFileSet(), "batch.go", src, goparser.ParseComments); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse10kLines parses a 10 000-line admin script (issue 16's
// goal: under 20 ms); BenchmarkParse10kLinesGoBaseline is go/parser on a Go
// file of the same shape and length, for the ratio scripts/bench.sh prints.
func BenchmarkParse10kLines(b *testing.B) {
	src := &Source{Name: "admin.ps1", Text: adminScript(10_000)}
	b.SetBytes(int64(len(src.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse10kLinesGoBaseline: see BenchmarkParse10kLines.
func BenchmarkParse10kLinesGoBaseline(b *testing.B) {
	src := goProgram(10_000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := goparser.ParseFile(token.NewFileSet(), "batch.go", src, goparser.ParseComments); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseCommandLine parses one interactive command line, which
// the shell does at every Enter (and the line editor more often): the
// parser's tables and token chunks are sized from the text, so a short
// line allocates little (see the allocs/op it reports).
func BenchmarkParseCommandLine(b *testing.B) {
	src := &Source{Name: "<command>", Text: `Get-ChildItem -Path $env:TEMP -Filter *.log | Where-Object { $_.Length -gt 1mb } | Remove-Item -WhatIf`}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}
