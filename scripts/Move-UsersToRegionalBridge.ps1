<#
.SYNOPSIS
Moves audio-conferencing users to the bridge of their usage location and sets their default toll and toll-free numbers to that bridge's numbers.

.DESCRIPTION
Move-UsersToRegionalBridge.ps1 reads each conferencing user's usage location (Get-CsOnlineUser
UsageLocation, a two-letter country code), picks the bridge for that country from -BridgeMap, and,
when the user is not on that bridge or has a default number that does not belong to it, runs

  Set-CsOnlineDialInConferencingUser -BridgeName <bridge> -ServiceNumber <bridge's default toll number>
                                     -TollFreeServiceNumber <bridge's toll-free number>

Users already on the right bridge whose default numbers belong to it (for example a local toll number
of the same bridge) are left unchanged. By default every user enabled for Microsoft audio conferencing
is checked; -Path restricts the run to the users of a CSV (column UserPrincipalName).

-BridgeMap keys are looked up in this order: the country code (e.g. 'DE'), then the region 'EMEA' for a
country of Europe, the Middle East or Africa, then '*' (every other country). The default map sends EMEA
users to 'EMEA Bridge' and everyone else to 'Conference Bridge'. Every bridge named in the map must
exist (checked before any change).

.PARAMETER BridgeMap
Country code / 'EMEA' / '*' to bridge name. Default: @{ EMEA = 'EMEA Bridge'; '*' = 'Conference Bridge' }.
Example: @{ DE = 'Frankfurt Bridge'; EMEA = 'EMEA Bridge'; '*' = 'Conference Bridge' }.

.PARAMETER Path
Optional CSV with a UserPrincipalName column: only these users are checked.

.PARAMETER SendEmail
Also sends each moved user an email with their new dial-in information (Set-CsOnlineDialInConferencingUser
-SendEmail), even when automatic emails are off.

.PARAMETER PassThru
Writes one result object per user to the pipeline.

.EXAMPLE
./Move-UsersToRegionalBridge.ps1 -WhatIf

Shows which users would move ("What if:" lines and the summary table) without changing anything.

.EXAMPLE
./Move-UsersToRegionalBridge.ps1 -Path users-regional-bridge.csv -SendEmail

Moves the users of the CSV that are on the wrong bridge and emails them their new numbers.

.EXAMPLE
./Move-UsersToRegionalBridge.ps1 -BridgeMap @{ GB = 'EMEA Bridge'; IE = 'EMEA Bridge'; '*' = 'Conference Bridge' }

Only UK and Irish users go to the EMEA bridge.

.NOTES
What it changes: the bridge and the default toll and toll-free numbers of the users that are not on
their region's bridge. Their conference ID and PIN do not change. With automatic emails on, the service
sends each moved user a "dial-in information changed" email; their existing meeting invitations keep
the old numbers until the meetings are updated (Meeting Migration Service).

No PINs are involved: PINs are shown once, at reset, and this script resets none.

-WhatIf: every change is checked with ShouldProcess by the script itself (the module documents -WhatIf
of Set-CsOnlineDialInConferencingUser as not implemented), so a dry run changes nothing.

Bridge numbers: the toll number is the bridge's DefaultServiceNumber; the toll-free number is the first
toll-free number of the bridge (Get-CsOnlineDialInConferencingServiceNumber -BridgeName); a bridge
without toll-free numbers sets none.

Exit codes: 0 every user checked; 2 some users failed (listed); 1 stopped before any change (not
connected, a bridge of the map does not exist, CSV missing).

Rehearse offline with csshell (rehearsal only: relocate a user first):
  csshell -c "Set-TenantUser -Identity isaiah.langer@contoso.com -UsageLocation DE"
  csshell -File ./Move-UsersToRegionalBridge.ps1 -WhatIf
  csshell -File ./Move-UsersToRegionalBridge.ps1
then read Get-TenantAuditLog in csshell.
#>
#Requires -Modules MicrosoftTeams
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateNotNullOrEmpty()]
    [hashtable]$BridgeMap = @{ EMEA = 'EMEA Bridge'; '*' = 'Conference Bridge' },

    [ValidateScript({ Test-Path -LiteralPath $_ -PathType Leaf })]
    [string]$Path,

    [switch]$SendEmail,

    [switch]$PassThru
)

$ErrorActionPreference = 'Stop'

# Europe, the Middle East and Africa (ISO 3166-1 alpha-2).
$EmeaCountries = @(
    'AD', 'AL', 'AM', 'AT', 'AX', 'AZ', 'BA', 'BE', 'BG', 'BY', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI',
    'FO', 'FR', 'GB', 'GE', 'GG', 'GI', 'GR', 'HR', 'HU', 'IE', 'IM', 'IS', 'IT', 'JE', 'LI', 'LT', 'LU', 'LV',
    'MC', 'MD', 'ME', 'MK', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'RU', 'SE', 'SI', 'SJ', 'SK', 'SM', 'UA',
    'VA', 'XK',
    'AE', 'BH', 'IL', 'IQ', 'IR', 'JO', 'KW', 'LB', 'OM', 'PS', 'QA', 'SA', 'SY', 'TR', 'YE',
    'AO', 'BF', 'BI', 'BJ', 'BW', 'CD', 'CF', 'CG', 'CI', 'CM', 'CV', 'DJ', 'DZ', 'EG', 'EH', 'ER', 'ET', 'GA',
    'GH', 'GM', 'GN', 'GQ', 'GW', 'KE', 'KM', 'LR', 'LS', 'LY', 'MA', 'MG', 'ML', 'MR', 'MU', 'MW', 'MZ', 'NA',
    'NE', 'NG', 'RE', 'RW', 'SC', 'SD', 'SH', 'SL', 'SN', 'SO', 'SS', 'ST', 'SZ', 'TD', 'TG', 'TN', 'TZ', 'UG',
    'YT', 'ZA', 'ZM', 'ZW'
)

function ConvertTo-Digits([object]$Number) {
    # A number may come back as a string or as a service-number object with a Number property.
    if ($null -eq $Number) { return '' }
    if ($Number -isnot [string] -and $Number.Number) { $Number = $Number.Number }
    return ([string]$Number) -replace '\D', ''
}

try {
    $tenant = Get-CsTenant -ErrorAction Stop
} catch {
    throw "Not connected to Microsoft Teams (run Connect-MicrosoftTeams first): $($_.Exception.Message)"
}
Write-Verbose "Tenant: $($tenant.DisplayName) ($($tenant.TenantId))"

# --- The bridges of the map, with their numbers (checked before any change). -----------------------
$allBridges = @(Get-CsOnlineDialInConferencingBridge -ErrorAction Stop)
$bridgeInfo = @{}
foreach ($name in @($BridgeMap.Values | Sort-Object -Unique)) {
    $bridge = $allBridges | Where-Object { $_.Name -eq $name } | Select-Object -First 1
    if (-not $bridge) {
        throw "The bridge '$name' of -BridgeMap was not found. The tenant's bridges: $(($allBridges | ForEach-Object { $_.Name }) -join ', ')."
    }
    $numbers = @(Get-CsOnlineDialInConferencingServiceNumber -BridgeName $bridge.Name -ErrorAction Stop)
    $tollNumbers = @($numbers | Where-Object { $_.Type -notmatch 'Free' } | ForEach-Object { ConvertTo-Digits $_.Number })
    $tollFreeNumbers = @($numbers | Where-Object { $_.Type -match 'Free' } | ForEach-Object { ConvertTo-Digits $_.Number })
    $bridgeInfo[$name] = [pscustomobject]@{
        Name            = $bridge.Name
        Toll            = ConvertTo-Digits $bridge.DefaultServiceNumber
        TollFree        = if ($tollFreeNumbers.Count) { $tollFreeNumbers[0] } else { '' }
        TollNumbers     = $tollNumbers
        TollFreeNumbers = $tollFreeNumbers
    }
    Write-Verbose "Bridge '$name': toll $($bridgeInfo[$name].Toll), toll-free $($bridgeInfo[$name].TollFree)"
}

# --- The users to check. ---------------------------------------------------------------------------
$directory = @{}
if ($Path) {
    $rows = @(Import-Csv -LiteralPath $Path)
    if ($rows.Count -gt 0 -and $rows[0].PSObject.Properties.Name -notcontains 'UserPrincipalName') {
        throw "The CSV file '$Path' has no UserPrincipalName column."
    }
    $targets = @($rows | ForEach-Object { ([string]$_.UserPrincipalName).Trim() })
    Write-Verbose "Read $($targets.Count) user(s) from $Path"
} else {
    $targets = @(Get-CsOnlineDialInConferencingUser -ErrorAction Stop)
    foreach ($directoryUser in @(Get-CsOnlineUser -ErrorAction Stop)) {
        $directory[[string]$directoryUser.Identity] = $directoryUser
    }
    Write-Verbose "$($targets.Count) conferencing user(s) to check"
}

$index = 0
$progressStep = [Math]::Max(1, [int]($targets.Count / 100))
$results = foreach ($target in $targets) {
    $index++
    $label = if ($target -is [string]) { $target } else { $target.DisplayName }
    if ($index % $progressStep -eq 0 -or $index -eq $targets.Count) {
        Write-Progress -Activity 'Moving users to their regional bridge' -Status "$index of $($targets.Count): $label" -PercentComplete ([int]($index * 100 / $targets.Count))
    }
    $result = [pscustomobject]@{
        UserPrincipalName     = $label
        UsageLocation         = $null
        FromBridge            = $null
        ToBridge              = $null
        ServiceNumber         = $null
        TollFreeServiceNumber = $null
        Status                = 'Failed'
        Error                 = $null
    }
    try {
        if ($target -is [string]) {
            if (-not $target) { throw 'The UserPrincipalName is empty.' }
            $directoryUser = Get-CsOnlineUser -Identity $target -ErrorAction Stop
            try {
                $user = Get-CsOnlineDialInConferencingUser -Identity $target -ErrorAction Stop
            } catch {
                $user = $null
            }
            if (-not $user) { throw 'The user is not enabled for audio conferencing with Microsoft as the provider.' }
        } else {
            $user = $target
            $directoryUser = $directory[[string]$user.Identity]
            if (-not $directoryUser) { $directoryUser = Get-CsOnlineUser -Identity $user.Identity -ErrorAction Stop }
        }
        $upn = $directoryUser.UserPrincipalName
        $location = ([string]$directoryUser.UsageLocation).Trim().ToUpperInvariant()
        $result.UserPrincipalName = $upn
        $result.UsageLocation = $location
        $result.FromBridge = $user.BridgeName
        $result.ServiceNumber = $user.ServiceNumber
        $result.TollFreeServiceNumber = $user.TollFreeServiceNumber

        $bridgeName = $null
        if ($location -and $BridgeMap.ContainsKey($location)) {
            $bridgeName = $BridgeMap[$location]
        } elseif ($EmeaCountries -contains $location -and $BridgeMap.ContainsKey('EMEA')) {
            $bridgeName = $BridgeMap['EMEA']
        } elseif ($BridgeMap.ContainsKey('*')) {
            $bridgeName = $BridgeMap['*']
        }
        if (-not $bridgeName) {
            $result.Status = 'NoMapping'
            Write-Verbose "$upn`: no bridge mapped for usage location '$location'"
            $result
            continue
        }
        $to = $bridgeInfo[$bridgeName]
        $result.ToBridge = $to.Name

        $onBridge = $user.BridgeName -eq $to.Name
        $tollOk = $to.TollNumbers -contains (ConvertTo-Digits $user.ServiceNumber)
        $tollFree = ConvertTo-Digits $user.TollFreeServiceNumber
        $tollFreeOk = if ($to.TollFreeNumbers.Count) { $to.TollFreeNumbers -contains $tollFree } else { -not $tollFree }
        if ($onBridge -and $tollOk -and $tollFreeOk) {
            $result.Status = 'Unchanged'
            Write-Verbose "$upn ($location) is on '$($to.Name)' with its numbers"
            $result
            continue
        }

        $what = "Move to bridge '$($to.Name)' with toll number $($to.Toll)"
        if ($to.TollFree) { $what += " and toll-free number $($to.TollFree)" }
        if (-not $PSCmdlet.ShouldProcess($upn, $what)) {
            $result.Status = 'WhatIf'
            $result
            continue
        }
        $set = @{ Identity = $upn; BridgeName = $to.Name; ServiceNumber = $to.Toll; Confirm = $false; ErrorAction = 'Stop' }
        if ($to.TollFree) { $set.TollFreeServiceNumber = $to.TollFree }
        if ($SendEmail) { $set.SendEmail = $true }
        Set-CsOnlineDialInConferencingUser @set | Out-Null
        $result.ServiceNumber = $to.Toll
        $result.TollFreeServiceNumber = $to.TollFree
        $result.Status = if ($onBridge) { 'NumbersSet' } else { 'Moved' }
        Write-Verbose "$upn`: $($result.Status) ($($user.BridgeName) -> $($to.Name))"
    } catch {
        $result.Error = $_.Exception.Message
        Write-Warning "$label`: $($_.Exception.Message)"
    }
    $result
}
Write-Progress -Activity 'Moving users to their regional bridge' -Completed

$results = @($results)
$failed = @($results | Where-Object { $_.Status -eq 'Failed' })
$summary = ($results | Group-Object Status | Sort-Object Name | ForEach-Object { "$($_.Name): $($_.Count)" }) -join '; '
if ($WhatIfPreference) {
    Write-Host "What if: nothing was changed. $summary"
} else {
    Write-Host "Checked $($results.Count) user(s). $summary"
}
$results | Format-Table UserPrincipalName, @{ Label = 'Loc'; Expression = { $_.UsageLocation } },
    @{ Label = 'From'; Expression = { $_.FromBridge } }, @{ Label = 'To'; Expression = { $_.ToBridge } },
    @{ Label = 'Toll'; Expression = { $_.ServiceNumber } }, @{ Label = 'TollFree'; Expression = { $_.TollFreeServiceNumber } },
    Status -AutoSize | Out-Host
if ($failed.Count -gt 0) {
    Write-Host 'Users that failed:'
    $failed | Format-Table UserPrincipalName, Error -AutoSize -Wrap | Out-Host
}
if ($PassThru) {
    $results
}
if ($failed.Count -gt 0) {
    exit 2
}
