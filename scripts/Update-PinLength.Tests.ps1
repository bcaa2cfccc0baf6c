# Pester 5 tests of Update-PinLength.ps1 against the demo tenant, no mocks.
BeforeAll {
    $script:Script = Join-Path $PSScriptRoot 'Update-PinLength.ps1'
}

Describe 'Update-PinLength.ps1 -PinLength <Length>' -ForEach @(
    @{ Length = 6 }
    @{ Length = 8 }
) {
    BeforeAll {
        $out = Join-Path $TestDrive "pins-$Length.csv"
        & $Script -PinLength $Length -OutputPath $out 3>$null 6>$null | Out-Null
        $pins = @(Import-Csv -LiteralPath $out)
    }

    It 'sets the tenant PIN length' {
        (Get-CsOnlineDialInConferencingTenantSettings).PinLength | Should -Be $Length
    }

    It 'resets every PIN to the new length' {
        $pins.Count | Should -BeGreaterThan 5
        foreach ($row in $pins) {
            $row.LeaderPin.Length | Should -Be $Length
        }
    }

    It 'issues PINs the tenant accepts' {
        Test-TenantLeaderPin -Identity $pins[0].UserPrincipalName -Pin $pins[0].LeaderPin | Should -BeTrue
    }
}

Describe 'Update-PinLength.ps1 refuses' {
    It 'a length of <_>' -ForEach 3, 13 {
        { & $Script -PinLength $_ -OutputPath (Join-Path $TestDrive 'x.csv') } | Should -Throw
    }
}
