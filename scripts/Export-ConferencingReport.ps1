<#
.SYNOPSIS
Exports a CSV report of the users enabled for Microsoft audio conferencing: bridge, numbers and settings.

.DESCRIPTION
Export-ConferencingReport.ps1 lists every user enabled for audio conferencing with Microsoft as the
provider (Get-CsOnlineDialInConferencingUser) and writes one row per user to the CSV file named by
-Path, sorted by bridge and display name. The columns are:

  DisplayName, UserPrincipalName, BridgeName, ServiceNumber (the user's default toll number),
  TollFreeServiceNumber (the user's default toll-free number), AllowPstnOnlyMeeting

The UserPrincipalName comes from Get-CsOnlineUser (the SIP address is used when the directory does not
return the user). The number columns are named like the parameters of Set-CsOnlineDialInConferencingUser,
so an edited copy of the report can be fed to Enable-ConferencingUsers.ps1.

With -BridgeName only the users of that bridge are exported. The report changes nothing in the tenant
and never contains a PIN (PINs cannot be read).

.PARAMETER Path
The CSV file to write. An existing file is overwritten.

.PARAMETER BridgeName
Only export the users of this audio-conferencing bridge, e.g. "EMEA Bridge". The name must be one of
the tenant's bridges (Get-CsOnlineDialInConferencingBridge).

.PARAMETER PassThru
Also writes the report rows to the pipeline.

.EXAMPLE
./Export-ConferencingReport.ps1 -Path conferencing-report.csv

Exports every conferencing user.

.EXAMPLE
./Export-ConferencingReport.ps1 -Path emea.csv -BridgeName 'EMEA Bridge' -PassThru | Format-Table DisplayName, ServiceNumber

Exports the users of the EMEA bridge and shows them as a table.

.NOTES
What it changes: nothing in the tenant; it writes the report file only.

The -BridgeName filter is applied by the script (Where-Object) rather than with
Get-CsOnlineDialInConferencingUser -BridgeName, which is deprecated for Teams-only tenants in
MicrosoftTeams 3.0 and later.

No PINs: PINs are shown once, when they are reset, and are masked everywhere else; use
Reset-ConferencingPins.ps1 to issue new ones.

Exit codes: 0 report written; 1 stopped (not connected, unknown bridge, file not writable).

Rehearse offline with csshell:
  csshell -File ./Export-ConferencingReport.ps1 -Path conferencing-report.csv

Requires a session opened with Connect-MicrosoftTeams.
#>
#Requires -Modules MicrosoftTeams
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string]$Path,

    [ValidateNotNullOrEmpty()]
    [string]$BridgeName,

    [switch]$PassThru
)

$ErrorActionPreference = 'Stop'

try {
    $tenant = Get-CsTenant -ErrorAction Stop
} catch {
    throw "Not connected to Microsoft Teams (run Connect-MicrosoftTeams first): $($_.Exception.Message)"
}
Write-Verbose "Tenant: $($tenant.DisplayName) ($($tenant.TenantId))"

if ($BridgeName) {
    $bridgeNames = @(Get-CsOnlineDialInConferencingBridge -ErrorAction Stop | ForEach-Object { $_.Name })
    if ($bridgeNames -notcontains $BridgeName) {
        throw "The bridge '$BridgeName' was not found. The tenant's bridges: $($bridgeNames -join ', ')."
    }
}

Write-Verbose 'Reading the conferencing users'
$users = @(Get-CsOnlineDialInConferencingUser -ErrorAction Stop)
if ($BridgeName) {
    $users = @($users | Where-Object { $_.BridgeName -eq $BridgeName })
}
Write-Verbose "$($users.Count) conferencing user(s) to report"

# One directory read for all users (one call per user is slow on a large tenant).
Write-Verbose 'Reading the directory users for their UPNs'
$upnById = @{}
foreach ($directoryUser in @(Get-CsOnlineUser -ErrorAction Stop)) {
    $upnById[[string]$directoryUser.Identity] = $directoryUser.UserPrincipalName
}

$index = 0
$progressStep = [Math]::Max(1, [int]($users.Count / 100))
$report = foreach ($user in $users) {
    $index++
    if ($index % $progressStep -eq 0 -or $index -eq $users.Count) {
        Write-Progress -Activity 'Building the conferencing report' -Status "$index of $($users.Count)" -PercentComplete ([int]($index * 100 / $users.Count))
    }
    $upn = $upnById[[string]$user.Identity]
    if (-not $upn) {
        $upn = ([string]$user.SipAddress) -replace '^sip:', ''
        Write-Verbose "$($user.DisplayName): not in the directory read, UPN taken from the SIP address"
    }
    $toll = if ($user.DefaultTollNumber) { $user.DefaultTollNumber } else { $user.ServiceNumber }
    $tollFree = if ($user.DefaultTollFreeNumber) { $user.DefaultTollFreeNumber } else { $user.TollFreeServiceNumber }
    [pscustomobject]@{
        DisplayName           = $user.DisplayName
        UserPrincipalName     = $upn
        BridgeName            = $user.BridgeName
        ServiceNumber         = $toll
        TollFreeServiceNumber = $tollFree
        AllowPstnOnlyMeeting  = $user.AllowPstnOnlyMeeting
    }
}
Write-Progress -Activity 'Building the conferencing report' -Completed

$report = @($report | Sort-Object BridgeName, DisplayName)
$report | Export-Csv -LiteralPath $Path -NoTypeInformation -Encoding utf8

$scope = if ($BridgeName) { " on bridge '$BridgeName'" } else { '' }
Write-Host "Exported $($report.Count) conferencing user(s)$scope to $Path."
$report | Group-Object BridgeName | ForEach-Object { Write-Host ("  {0}: {1}" -f $_.Name, $_.Count) }
if ($PassThru) {
    $report
}
