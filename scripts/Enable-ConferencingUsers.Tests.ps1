# Pester 5 tests of Enable-ConferencingUsers.ps1 against the demo tenant, no mocks.
BeforeAll {
    # The script requires MicrosoftTeams 3.1.1 (#Requires): load that generation, as an admin would.
    Import-Module MicrosoftTeams -RequiredVersion 3.1.1
    $script:Script = Join-Path $PSScriptRoot 'Enable-ConferencingUsers.ps1'
}

Describe 'Enable-ConferencingUsers.ps1' {
    BeforeAll {
        Set-TenantUser -Identity 'nestor.wilke@contoso.com' -AudioConferencingLicense $true
        $csv = Join-Path $TestDrive 'enable.csv'
        @(
            [pscustomobject]@{ UserPrincipalName = 'nestor.wilke@contoso.com' }
            [pscustomobject]@{ UserPrincipalName = 'megan.bowen@contoso.com' }
            [pscustomobject]@{ UserPrincipalName = 'lee.gu@contoso.com' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation
        $mailsBefore = @(Get-TenantMail).Count
        $rows = & $Script -Path $csv -PassThru 3>$null 6>$null
        $exitCode = $LASTEXITCODE
    }

    It 'enables the licensed user' {
        ($rows | Where-Object UserPrincipalName -eq 'nestor.wilke@contoso.com').Status | Should -Be 'Enabled'
        Get-CsOnlineDialInConferencingUser -Identity 'nestor.wilke@contoso.com' | Should -Not -BeNullOrEmpty
    }

    It 'leaves the already enabled user as it was' {
        ($rows | Where-Object UserPrincipalName -eq 'lee.gu@contoso.com').Status | Should -Be 'AlreadyEnabled'
    }

    It 'refuses the third-party provider user without -ReplaceProvider and exits 2' {
        ($rows | Where-Object UserPrincipalName -eq 'megan.bowen@contoso.com').Status | Should -Be 'Failed'
        $exitCode | Should -Be 2
    }

    It 'mails the enabled user only: one mail with the PIN, one with the final dial-in details' {
        $new = @(Get-TenantMail | Select-Object -Skip $mailsBefore)
        $new.To | Sort-Object -Unique | Should -Be 'nestor.wilke@contoso.com'
        @($new | Where-Object Kind -eq 'Enabled') | Should -HaveCount 1
        @($new | Where-Object Kind -eq 'Info') | Should -HaveCount 1
        ($new | Where-Object Kind -eq 'Info').Body | Should -Not -Match 'PIN: \d'
    }

    It 'shows the PIN masked afterwards' {
        (Get-CsOnlineDialInConferencingUser -Identity 'nestor.wilke@contoso.com').LeaderPin | Should -Be '*****'
    }

    Context 'with -ReplaceProvider' {
        It 'moves the user to Microsoft and mails once' {
            $csv2 = Join-Path $TestDrive 'megan.csv'
            'UserPrincipalName', 'megan.bowen@contoso.com' | Set-Content -LiteralPath $csv2
            $row = & $Script -Path $csv2 -ReplaceProvider -PassThru 6>$null
            $row.Status | Should -Be 'Enabled'
            @(Get-TenantMail -To 'megan.bowen@contoso.com' | Where-Object Kind -eq 'Enabled') | Should -HaveCount 1
        }
    }

    Context 'as a user who is not an administrator' {
        BeforeAll {
            New-TenantUser -UserPrincipalName 'sara.davis@contoso.com' -DisplayName 'Sara Davis' -UsageLocation GB -City London -Provider None | Out-Null
            Connect-MicrosoftTeams -AccountId 'ken.myer@contoso.com' | Out-Null
        }
        AfterAll { Connect-MicrosoftTeams -AccountId 'admin@contoso.onmicrosoft.com' | Out-Null }

        It 'is denied: nobody is enabled and nobody is mailed' {
            $csv3 = Join-Path $TestDrive 'denied.csv'
            'UserPrincipalName', 'sara.davis@contoso.com' | Set-Content -LiteralPath $csv3
            $before = @(Get-TenantMail).Count
            $row = & $Script -Path $csv3 -PassThru 3>$null 6>$null
            $LASTEXITCODE | Should -Be 2
            $row.Status | Should -Be 'Failed'
            @(Get-TenantMail).Count | Should -Be $before
        }
    }
}
