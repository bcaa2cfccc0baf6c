function Get-TargetResource {
    param(
        [Parameter(Mandatory)][string]$Identity,
        [string]$BridgeName,
        [bool]$AllowTollFreeDialIn = $true,
        [ValidateSet('Present', 'Absent')][string]$Ensure = 'Present'
    )
    $user = Get-CsOnlineDialInConferencingUser -Identity $Identity -ErrorAction SilentlyContinue
    if ($null -eq $user) {
        return @{ Identity = $Identity; BridgeName = $null; AllowTollFreeDialIn = $false; Ensure = 'Absent' }
    }
    return @{ Identity = $Identity; BridgeName = $user.BridgeName; AllowTollFreeDialIn = $user.AllowTollFreeDialIn; Ensure = 'Present' }
}

function Set-TargetResource {
    param(
        [Parameter(Mandatory)][string]$Identity,
        [string]$BridgeName,
        [bool]$AllowTollFreeDialIn = $true,
        [ValidateSet('Present', 'Absent')][string]$Ensure = 'Present'
    )
    $current = Get-TargetResource -Identity $Identity
    if ($current.Ensure -eq 'Absent') {
        throw "The user $Identity is not enabled for audio conferencing; assign an Audio Conferencing licence first."
    }
    $set = @{ Identity = $Identity }
    if ($BridgeName -and $current.BridgeName -ne $BridgeName) { $set.BridgeName = $BridgeName }
    if ($current.AllowTollFreeDialIn -ne $AllowTollFreeDialIn) { $set.AllowTollFreeDialIn = $AllowTollFreeDialIn }
    if ($set.Count -gt 1) {
        Set-CsOnlineDialInConferencingUser @set | Out-Null
    }
}

function Test-TargetResource {
    param(
        [Parameter(Mandatory)][string]$Identity,
        [string]$BridgeName,
        [bool]$AllowTollFreeDialIn = $true,
        [ValidateSet('Present', 'Absent')][string]$Ensure = 'Present'
    )
    $current = Get-TargetResource -Identity $Identity
    if ($current.Ensure -ne $Ensure) { return $false }
    if ($BridgeName -and $current.BridgeName -ne $BridgeName) { return $false }
    return $current.AllowTollFreeDialIn -eq $AllowTollFreeDialIn
}
