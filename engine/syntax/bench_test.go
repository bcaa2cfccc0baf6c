package syntax

import (
	"fmt"
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
