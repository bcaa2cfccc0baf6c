function Test-CcPinLength {
    $settings = Get-CsOnlineDialInConferencingTenantSettings
    if ($null -eq $settings) { return $null }
    return $settings.PinLength -ge 5
}

function Test-CcAnonymousWaitInLobby {
    $settings = Get-CsOnlineDialInConferencingTenantSettings
    return -not $settings.AllowPSTNOnlyMeetingsByDefault
}

function Test-CcEveryUserHasMailbox {
    $users = @(Get-CsOnlineDialInConferencingUser)
    $missing = @($users | Where-Object { -not (Get-TenantUser -Identity $_.SipAddress.Replace('sip:', '')).PrimarySmtpAddress })
    return $missing.Count -eq 0
}

Export-ModuleMember -Function Test-Cc*
