[CmdletBinding()]
param(
)

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath '..\TeamsDialInUser.psm1' -Resolve) -Force
}

Describe -Name 'TeamsDialInUser' -Tag 'Unit' {
    BeforeAll {
        Mock -CommandName Set-CsOnlineDialInConferencingUser -ModuleName 'TeamsDialInUser' -MockWith {
        }
    }

    Context -Name 'The user is not a conferencing user' -Fixture {
        BeforeAll {
            $testParams = @{
                Identity   = 'nestor.wilke@contoso.com'
                BridgeName = 'Conference Bridge'
                Ensure     = 'Present'
            }
            Mock -CommandName Get-CsOnlineDialInConferencingUser -ModuleName 'TeamsDialInUser' -MockWith {
                return $null
            }
        }

        It 'Should return Absent from the Get method' {
            (Get-TargetResource @testParams).Ensure | Should -Be 'Absent'
        }

        It 'Should return false from the Test method' {
            Test-TargetResource @testParams | Should -Be $false
        }

        It 'Should throw from the Set method' {
            { Set-TargetResource @testParams } | Should -Throw -ExpectedMessage '*not enabled for audio conferencing*'
            Should -Invoke -CommandName Set-CsOnlineDialInConferencingUser -ModuleName 'TeamsDialInUser' -Exactly 0
        }
    }

    Context -Name 'The user is on another bridge' -Fixture {
        BeforeAll {
            $testParams = @{
                Identity   = 'lee.gu@contoso.com'
                BridgeName = 'Conference Bridge'
                Ensure     = 'Present'
            }
        }

        It 'Should return the current bridge from the Get method' {
            (Get-TargetResource @testParams).BridgeName | Should -Be 'EMEA Bridge'
        }

        It 'Should return false from the Test method' {
            Test-TargetResource @testParams | Should -Be $false
        }

        It 'Should move the user from the Set method' {
            Set-TargetResource @testParams
            Should -Invoke -CommandName Set-CsOnlineDialInConferencingUser -ModuleName 'TeamsDialInUser' -Exactly 1 -ParameterFilter { $BridgeName -eq 'Conference Bridge' }
        }
    }

    Context -Name 'The user is in the desired state' -Fixture {
        BeforeAll {
            $testParams = @{
                Identity   = 'amos.marble@contoso.com'
                BridgeName = 'Conference Bridge'
                Ensure     = 'Present'
            }
        }

        It 'Should return true from the Test method' {
            Test-TargetResource @testParams | Should -Be $true
        }

        It 'Should not change anything from the Set method' {
            Set-TargetResource @testParams
            Should -Invoke -CommandName Set-CsOnlineDialInConferencingUser -ModuleName 'TeamsDialInUser' -Exactly 0
        }
    }
}
