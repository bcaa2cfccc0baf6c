# Pester 5 tests of Reset-ConferencingPins.ps1, run against the demo tenant with no mocks:
#   Invoke-Pester ./scripts        (csshell runs each test file against a throwaway copy of the tenant)
BeforeAll {
    $script:Script = Join-Path $PSScriptRoot 'Reset-ConferencingPins.ps1'
    $script:Csv = Join-Path $PSScriptRoot 'users-pin-reset.csv'
}

Describe 'Reset-ConferencingPins.ps1' {
    BeforeAll {
        $mailsBefore = @(Get-TenantMail).Count
        $pinFile = Join-Path $TestDrive 'pins.csv'
        & $Script -Path $Csv -OutputPath $pinFile 3>$null 6>$null | Out-Null
        $exitCode = $LASTEXITCODE
        $pins = @(Import-Csv -LiteralPath $pinFile)
    }

    It 'writes one PIN per known user, in CSV order' {
        $pins | Should -HaveCount 7
        $pins[0].UserPrincipalName | Should -Be 'adele.vance@contoso.com'
        $pins.UserPrincipalName | Should -Not -Contain 'john.doe@contoso.com'
    }

    It 'exits with 2 because the unknown user failed' {
        $exitCode | Should -Be 2
    }

    It 'writes PINs of the tenant PIN length that the tenant accepts' {
        foreach ($row in $pins) {
            $row.LeaderPin | Should -Match '^\d{5}$'
            Test-TenantLeaderPin -Identity $row.UserPrincipalName -Pin $row.LeaderPin | Should -BeTrue
        }
    }

    It 'never shows a PIN again: Get masks it' {
        (Get-CsOnlineDialInConferencingUser -Identity 'amos.marble@contoso.com').LeaderPin | Should -Be '*****'
    }

    It 'sends no mail, not even the PIN-reset mail' {
        @(Get-TenantMail).Count | Should -Be $mailsBefore
    }

    It 'turns automatic emails back on' {
        (Get-CsOnlineDialInConferencingTenantSettings).AutomaticallySendEmailsToUsers | Should -BeTrue
    }

    It 'refuses to overwrite the PIN file' {
        { & $Script -Path $Csv -OutputPath $pinFile } | Should -Throw "*already exists*"
    }

    Context 'signed in as a user without an administrator role' {
        BeforeAll {
            Connect-MicrosoftTeams -AccountId 'amos.marble@contoso.com' | Out-Null
        }
        AfterAll {
            Connect-MicrosoftTeams -AccountId 'admin@contoso.onmicrosoft.com' | Out-Null
        }

        It 'is denied and resets nothing' {
            { & $Script -Path $Csv -OutputPath (Join-Path $TestDrive 'denied.csv') } | Should -Throw '*Access Denied*'
        }
    }

    It 'left the PINs of the first run alone when it was denied' {
        Test-TenantLeaderPin -Identity $pins[0].UserPrincipalName -Pin $pins[0].LeaderPin | Should -BeTrue
    }
}
