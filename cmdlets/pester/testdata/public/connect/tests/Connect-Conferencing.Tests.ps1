BeforeAll {
    . $PSScriptRoot\..\Connect-Conferencing.ps1
}

Describe "Connect-ToTeams" {
    BeforeEach {
        Mock Write-Host
        Mock Write-Error
        Mock Import-Module
        Mock Connect-MicrosoftTeams
        Mock Get-Module -ParameterFilter { $Name -eq 'MicrosoftTeams' } -MockWith { [pscustomobject]@{ Name = 'MicrosoftTeams'; Version = '7.0.0' } }
    }

    It 'Should import the module and connect to Teams' {
        Connect-ToTeams
        Should -Invoke Import-Module -Times 1 -ParameterFilter {
            $Name -eq 'MicrosoftTeams' -and
            $MinimumVersion -eq '4.0.0'
        }
        Should -Invoke Connect-MicrosoftTeams -Times 1
        Should -Invoke Write-Host -Times 1 -ParameterFilter { $Object -eq 'Connected to Microsoft Teams' }
    }

    It 'Should pass the account on' {
        Connect-ToTeams -AccountId 'pilar.ackerman@contoso.com'
        Should -Invoke Connect-MicrosoftTeams -Times 1 -Exactly -ParameterFilter { $AccountId -eq 'pilar.ackerman@contoso.com' }
    }

    It 'Should report a missing module and not connect' {
        Mock Get-Module -ParameterFilter { $Name -eq 'MicrosoftTeams' } -MockWith { $null }
        Connect-ToTeams
        Should -Invoke Write-Error -Times 1
        Should -Invoke Connect-MicrosoftTeams -Times 0 -Exactly
    }
}

Describe "Reset-ConferencingPin" {
    BeforeEach {
        Mock Write-Host
    }

    It 'Should reset the PIN of every user' {
        $result = Reset-ConferencingPin -Identity 'amos.marble@contoso.com', 'ken.myer@contoso.com'
        $result | Should -HaveCount 2
        $result.Status | Should -Not -Contain 'Failed'
        $result[0].Pin | Should -Match '^\d{5}$'
    }

    It 'Should keep going when a user is unknown' {
        $result = Reset-ConferencingPin -Identity 'nobody@contoso.com', 'ken.myer@contoso.com'
        $result[0].Status | Should -Be 'Failed'
        $result[1].Status | Should -Be 'Reset'
        Should -Invoke Write-Host -Times 1 -ParameterFilter { $Object -like 'Failed to reset nobody@contoso.com*' }
    }

    It 'Should not reset anything when the service refuses' {
        Mock Set-CsOnlineDialInConferencingUser { throw 'Access Denied.' }
        $result = Reset-ConferencingPin -Identity 'amos.marble@contoso.com'
        $result.Status | Should -Be 'Failed'
        Should -Invoke Set-CsOnlineDialInConferencingUser -Times 1 -ParameterFilter { $ResetLeaderPIN -eq $true }
    }
}
