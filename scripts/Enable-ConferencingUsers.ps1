<#
.SYNOPSIS
Enables the users listed in a CSV for Microsoft audio conferencing and emails them their dial-in information.

.DESCRIPTION
Enable-ConferencingUsers.ps1 reads a CSV with the columns

  UserPrincipalName (required), BridgeName, ServiceNumber, TollFreeServiceNumber (optional)

and for each user:
  1. skips the user if they are already enabled with Microsoft as the provider (reported as
     AlreadyEnabled: nothing is changed and no email is sent, so the script can be re-run);
  2. runs Enable-CsOnlineDialInConferencingUser (the service checks the user's Audio Conferencing
     licence; -ReplaceProvider is passed on for users of a third-party provider). With automatic emails
     on, the service sends the enable email: the only email that contains the user's PIN;
  3. runs Set-CsOnlineDialInConferencingUser -SendEmail, with -BridgeName, -ServiceNumber and
     -TollFreeServiceNumber when the row gives them, so the user's bridge and default numbers are set
     and one email with the final dial-in information (conference ID and numbers, never the PIN) is sent.

Each row is handled on its own: a row that fails (no licence, third-party provider without
-ReplaceProvider, unknown user, number not on the bridge) is reported and the batch goes on.

.PARAMETER Path
The input CSV (UserPrincipalName; optional BridgeName, ServiceNumber, TollFreeServiceNumber). Empty
optional cells keep the default: the tenant's default bridge and that bridge's default numbers.

.PARAMETER ReplaceProvider
Makes Microsoft the provider of users who use a third-party audio-conferencing provider (their
conference ID and numbers change). Without it such users are reported as failed.

.PARAMETER PassThru
Writes one result object per row (UserPrincipalName, Status, BridgeName, ServiceNumber,
TollFreeServiceNumber, Error) to the pipeline.

.EXAMPLE
./Enable-ConferencingUsers.ps1 -Path users-enable.csv

Enables the users of users-enable.csv and emails them their dial-in information.

.EXAMPLE
./Enable-ConferencingUsers.ps1 -Path users-enable.csv -ReplaceProvider -PassThru | Where-Object Status -eq Enabled | Export-Csv enabled.csv

Also moves third-party-provider users to Microsoft, and keeps the list of enabled users (for example to
reset their PINs with Reset-ConferencingPins.ps1 -Path enabled.csv when automatic emails are off).

.EXAMPLE
./Enable-ConferencingUsers.ps1 -Path users-enable.csv -WhatIf

Dry run: a "What if:" line per user; nobody is enabled and no email is sent.

.NOTES
What it changes: enables the listed users (provider Microsoft, a conference ID, a bridge, default
numbers and a new PIN) and sends each of them up to two emails (the automatic enable email with the
PIN, then the dial-in information without the PIN).

The PIN is shown once: it is only in the automatic enable email (tenant setting
AutomaticallySendEmailsToUsers). When automatic emails are off the script warns at the start: the
users then get no PIN, so issue PINs afterwards with Reset-ConferencingPins.ps1 (which writes them to
a CSV for distribution).

Licences: Enable-CsOnlineDialInConferencingUser needs the user to hold an Audio Conferencing licence
(assign it in the Microsoft 365 admin center first). In current tenants assigning the licence already
enables users whose provider is Microsoft; the script is for users whose provider is None or a third
party, and for re-sending the dial-in information. Enable-CsOnlineDialInConferencingUser was deprecated
on 2021-12-31 and is gone from MicrosoftTeams 4.0.0, so the script requires module 3.1.1 (the last 3.x);
it has no -WhatIf, so the script checks every change itself with ShouldProcess.

Exit codes: 0 every row enabled or already enabled; 2 some rows failed (listed at the end); 1 stopped
before any change (not connected, CSV missing or without a UserPrincipalName column).

Rehearse offline with csshell (rehearsal only: give Nestor the licence first):
  csshell -c "Set-TenantUser -Identity nestor.wilke@contoso.com -AudioConferencingLicense `$true"
  csshell -File ./Enable-ConferencingUsers.ps1 -Path users-enable.csv -WhatIf
  csshell -File ./Enable-ConferencingUsers.ps1 -Path users-enable.csv
then read Get-TenantMail and Get-TenantAuditLog in csshell.
#>
#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; RequiredVersion = '3.1.1' }
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [ValidateScript({ Test-Path -LiteralPath $_ -PathType Leaf })]
    [string]$Path,

    [switch]$ReplaceProvider,

    [switch]$PassThru
)

$ErrorActionPreference = 'Stop'

try {
    $tenant = Get-CsTenant -ErrorAction Stop
} catch {
    throw "Not connected to Microsoft Teams (run Connect-MicrosoftTeams first): $($_.Exception.Message)"
}
Write-Verbose "Tenant: $($tenant.DisplayName) ($($tenant.TenantId))"

$rows = @(Import-Csv -LiteralPath $Path)
if ($rows.Count -gt 0 -and $rows[0].PSObject.Properties.Name -notcontains 'UserPrincipalName') {
    throw "The CSV file '$Path' has no UserPrincipalName column."
}
Write-Verbose "Read $($rows.Count) row(s) from $Path"

$settings = Get-CsOnlineDialInConferencingTenantSettings -ErrorAction Stop
if (-not $settings.AutomaticallySendEmailsToUsers) {
    Write-Warning 'Automatic emails are off (AutomaticallySendEmailsToUsers): the enabled users will not receive their PIN. Issue PINs afterwards with Reset-ConferencingPins.ps1.'
}

$index = 0
$progressStep = [Math]::Max(1, [int]($rows.Count / 100))
$results = foreach ($row in $rows) {
    $index++
    $upn = ([string]$row.UserPrincipalName).Trim()
    $bridge = ([string]$row.BridgeName).Trim()
    $toll = ([string]$row.ServiceNumber).Trim()
    $tollFree = ([string]$row.TollFreeServiceNumber).Trim()
    if ($index % $progressStep -eq 0 -or $index -eq $rows.Count) {
        Write-Progress -Activity 'Enabling audio conferencing' -Status "$index of $($rows.Count): $upn" -PercentComplete ([int]($index * 100 / $rows.Count))
    }
    $result = [pscustomobject]@{
        Row                   = $index + 1
        UserPrincipalName     = $upn
        Status                = 'Failed'
        BridgeName            = $null
        ServiceNumber         = $null
        TollFreeServiceNumber = $null
        Error                 = $null
    }
    try {
        if (-not $upn) { throw 'The UserPrincipalName is empty.' }

        $existing = $null
        try {
            $existing = Get-CsOnlineDialInConferencingUser -Identity $upn -ErrorAction Stop
        } catch {
            Write-Verbose "$upn is not enabled for Microsoft audio conferencing yet"
        }
        if ($existing) {
            $result.Status = 'AlreadyEnabled'
            $result.BridgeName = $existing.BridgeName
            $result.ServiceNumber = $existing.ServiceNumber
            $result.TollFreeServiceNumber = $existing.TollFreeServiceNumber
            Write-Verbose "$upn is already enabled: left unchanged"
            $result
            continue
        }

        $what = 'Enable for Microsoft audio conferencing'
        if ($bridge) { $what += " on bridge '$bridge'" }
        if ($toll) { $what += ", toll number $toll" }
        if ($tollFree) { $what += ", toll-free number $tollFree" }
        $what += ', and email the dial-in information'
        if (-not $PSCmdlet.ShouldProcess($upn, $what)) {
            $result.Status = 'WhatIf'
            $result
            continue
        }

        $enable = @{ Identity = $upn; ErrorAction = 'Stop' }
        if ($ReplaceProvider) { $enable.ReplaceProvider = $true }
        Enable-CsOnlineDialInConferencingUser @enable | Out-Null
        Write-Verbose "Enabled $upn"

        # One call sets the bridge and default numbers and sends one email with the final information.
        $set = @{ Identity = $upn; SendEmail = $true; Confirm = $false; ErrorAction = 'Stop' }
        if ($bridge) { $set.BridgeName = $bridge }
        if ($toll) { $set.ServiceNumber = $toll }
        if ($tollFree) { $set.TollFreeServiceNumber = $tollFree }
        try {
            Set-CsOnlineDialInConferencingUser @set | Out-Null
        } catch {
            $result.Status = 'EnabledWithErrors'
            throw "Enabled, but setting the bridge/numbers or sending the email failed: $($_.Exception.Message)"
        }
        Write-Verbose "Sent the dial-in information to $upn"

        $now = Get-CsOnlineDialInConferencingUser -Identity $upn -ErrorAction Stop
        $result.Status = 'Enabled'
        $result.BridgeName = $now.BridgeName
        $result.ServiceNumber = $now.ServiceNumber
        $result.TollFreeServiceNumber = $now.TollFreeServiceNumber
    } catch {
        $result.Error = $_.Exception.Message
        Write-Warning "Row $($index + 1): $upn`: $($_.Exception.Message)"
    }
    $result
}
Write-Progress -Activity 'Enabling audio conferencing' -Completed

$results = @($results)
$failed = @($results | Where-Object { $_.Error })
$count = @{}
foreach ($status in 'Enabled', 'AlreadyEnabled', 'WhatIf') {
    $count[$status] = @($results | Where-Object Status -eq $status).Count
}
if ($WhatIfPreference) {
    Write-Host "What if: $($count.WhatIf) user(s) would be enabled; $($count.AlreadyEnabled) already enabled; nothing was changed."
} else {
    Write-Host "Enabled: $($count.Enabled); already enabled: $($count.AlreadyEnabled); failed: $($failed.Count)."
}
$results | Format-Table Row, UserPrincipalName, Status, BridgeName, ServiceNumber, TollFreeServiceNumber -AutoSize | Out-Host
if ($failed.Count -gt 0) {
    Write-Host 'Rows that failed:'
    $failed | Format-Table Row, UserPrincipalName, Error -AutoSize -Wrap | Out-Host
}
if ($PassThru) {
    $results
}
if ($failed.Count -gt 0) {
    exit 2
}
