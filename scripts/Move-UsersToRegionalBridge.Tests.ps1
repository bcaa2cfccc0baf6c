# Pester 5 tests of Move-UsersToRegionalBridge.ps1 against the demo tenant, no mocks.
BeforeAll {
    $script:Script = Join-Path $PSScriptRoot 'Move-UsersToRegionalBridge.ps1'
}

Describe 'Move-UsersToRegionalBridge.ps1' {
    Context '-WhatIf' {
        It 'changes nothing' {
            $before = @(Get-TenantAuditLog).Count
            & $Script -WhatIf 6>$null | Out-Null
            @(Get-TenantAuditLog).Count | Should -Be $before
        }
    }

    Context 'a real run' {
        BeforeAll {
            Set-CsOnlineDialInConferencingUser -Identity 'adele.vance@contoso.com' -BridgeName 'EMEA Bridge' | Out-Null
            & $Script 3>$null 6>$null | Out-Null
        }

        It 'puts each user on the bridge of their usage location' {
            (Get-CsOnlineDialInConferencingUser -Identity 'lee.gu@contoso.com').BridgeName | Should -Be 'EMEA Bridge'
            (Get-CsOnlineDialInConferencingUser -Identity 'adele.vance@contoso.com').BridgeName | Should -Be 'Conference Bridge'
        }

        It 'sets the default numbers to the bridge''s' {
            (Get-CsOnlineDialInConferencingUser -Identity 'adele.vance@contoso.com').ServiceNumber | Should -Be '14255550100'
        }
    }
}
