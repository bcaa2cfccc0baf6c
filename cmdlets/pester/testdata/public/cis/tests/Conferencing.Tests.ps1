Describe "Conferencing" -Tag "All", "Security", "Conferencing", "Baseline v1.0" {
    It "CC 1.1 (L1) Ensure leader PINs have at least 5 digits" -Tag "CC 1.1", "Level 1" {
        $result = Test-CcPinLength
        if ($null -ne $result) {
            $result | Should -Be $true -Because "short PINs can be guessed."
        }
    }

    It "CC 1.2 (L1) Ensure anonymous callers wait in the lobby" -Tag "CC 1.2", "Level 1" {
        $result = Test-CcAnonymousWaitInLobby
        if ($null -ne $result) {
            $result | Should -Be $true -Because "PSTN-only meetings should not start without the organizer."
        }
    }

    It "CC 2.1 (L2) Ensure every conferencing user can be mailed their PIN" -Tag "CC 2.1", "Level 2" {
        $result = Test-CcEveryUserHasMailbox
        if ($null -ne $result) {
            $result | Should -Be $true -Because "users without a mailbox never receive their PIN."
        }
    }
}
