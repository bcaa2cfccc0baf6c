# Pester 5 tests of Export-ConferencingReport.ps1 against the demo tenant, no mocks.
BeforeAll {
    $script:Script = Join-Path $PSScriptRoot 'Export-ConferencingReport.ps1'
}

Describe 'Export-ConferencingReport.ps1' {
    BeforeAll {
        $report = Join-Path $TestDrive 'report.csv'
        $auditBefore = @(Get-TenantAuditLog).Count
        & $Script -Path $report 6>$null | Out-Null
        $rows = @(Import-Csv -LiteralPath $report)
    }

    It 'writes the report file' {
        $report | Should -Exist
    }

    It 'lists every Microsoft conferencing user, not the third-party one' {
        $rows.UserPrincipalName | Should -Contain 'amos.marble@contoso.com'
        $rows.UserPrincipalName | Should -Not -Contain 'megan.bowen@contoso.com'
    }

    It 'never contains a PIN' {
        $report | Should -Not -FileContentMatch 'LeaderPin'
    }

    It 'changes nothing in the tenant' {
        @(Get-TenantAuditLog).Count | Should -Be $auditBefore
    }

    It 'exports only the users of one bridge with -BridgeName' {
        $emea = & $Script -Path (Join-Path $TestDrive 'emea.csv') -BridgeName 'EMEA Bridge' -PassThru 6>$null
        $emea.UserPrincipalName | Should -Contain 'lee.gu@contoso.com'
        $emea.UserPrincipalName | Should -Not -Contain 'amos.marble@contoso.com'
    }

    It 'refuses an unknown bridge' {
        { & $Script -Path (Join-Path $TestDrive 'x.csv') -BridgeName 'Nowhere' } | Should -Throw "The bridge 'Nowhere' was not found*"
    }
}
