<#
.SYNOPSIS
Sets the tenant's audio-conferencing PIN length and resets the PIN of every conferencing user, writing the new PINs to a CSV file.

.DESCRIPTION
Update-PinLength.ps1 sets the tenant setting PinLength (Set-CsOnlineDialInConferencingTenantSettings
-PinLength) and then resets the leader PIN of every user enabled for Microsoft audio conferencing
(Get-CsOnlineDialInConferencingUser), so that every PIN has the new length. A PIN length change only
applies to PINs generated after it; existing PINs keep their old length until they are reset.

The new PINs are written to the CSV file named by -OutputPath (columns UserPrincipalName, LeaderPin),
each one as soon as it is reset. As in Reset-ConferencingPins.ps1, automatic emails are turned off for
the run and restored at the end, so the file is the only place the new PINs go.

Which PINs are "older than the change"? All of them: see .NOTES. If a run is interrupted, run the
script again with -ResumeFrom <the previous -OutputPath>: the users listed there already have a PIN of
the new length and are skipped.

.PARAMETER PinLength
The new number of digits of the PINs, 4 to 12. Default: 8.

.PARAMETER OutputPath
The CSV file to write the new PINs to (UserPrincipalName, LeaderPin). It must not exist yet, unless
-Force is given. Treat it as a secret: hand the PINs out, then delete the file.

.PARAMETER ResumeFrom
The PIN file of an earlier, interrupted run of this script (same -PinLength): the users it lists are
not reset again. It must be a different file from -OutputPath.

.PARAMETER Force
Overwrites an existing -OutputPath file (its PINs are lost).

.EXAMPLE
./Update-PinLength.ps1 -OutputPath pins-8.csv

Sets 8-digit PINs and resets every conferencing user's PIN; the new PINs are in pins-8.csv.

.EXAMPLE
./Update-PinLength.ps1 -PinLength 6 -OutputPath pins-6.csv -WhatIf

Dry run: "What if:" lines for the setting changes and for each user; nothing is changed and no PIN
file is written.

.EXAMPLE
./Update-PinLength.ps1 -OutputPath pins-8-rest.csv -ResumeFrom pins-8.csv

Finishes an interrupted run: resets only the users that are not in pins-8.csv.

.NOTES
What it changes: the tenant setting PinLength (permanently), the leader PIN of every conferencing user
(old PINs stop working at once), and AutomaticallySendEmailsToUsers for the duration of the run only.

Why every PIN is reset: the module gives no way to tell a PIN's age or length. PINs are shown once,
when they are reset, and are masked (*****) in Get-CsOnlineDialInConferencingUser and the admin center;
neither the user object nor the tenant settings record when a PIN was generated. (csshell's
Get-TenantAuditLog lists PIN resets, but it is an emulator-only cmdlet with no equivalent in the
MicrosoftTeams module, so the script does not use it.) Therefore every PIN that exists when the
length is changed is "older than the change", and the script resets them all right after the change.
The only record of which PINs were reset since is this script's own output file, hence -ResumeFrom.

Keep the PIN file as text: a spreadsheet program drops the leading zeros of PINs such as 0815...

PINs are shown once: each new PIN is checked (digits, the new length) and appended to -OutputPath right
after its reset. A user whose PIN did not come back is reported as failed; reset them with
Reset-ConferencingPins.ps1.

Exit codes: 0 setting changed and every PIN reset; 2 some users failed (listed); 1 stopped before
resetting anything (not connected, output file exists, bad -ResumeFrom, settings could not be changed).

Rehearse offline with csshell first:
  csshell -File ./Update-PinLength.ps1 -OutputPath pins-8.csv -WhatIf
  csshell -File ./Update-PinLength.ps1 -OutputPath pins-8.csv
then check Get-CsOnlineDialInConferencingTenantSettings, Get-TenantAuditLog and, for one user,
Test-TenantLeaderPin (rehearsal only) in csshell.
#>
#Requires -Modules MicrosoftTeams
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateRange(4, 12)]
    [int]$PinLength = 8,

    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string]$OutputPath,

    [ValidateScript({ Test-Path -LiteralPath $_ -PathType Leaf })]
    [string]$ResumeFrom,

    [switch]$Force
)

$ErrorActionPreference = 'Stop'

# --- Pre-flight: nothing is changed until all of these pass. ---------------------------------------
try {
    $tenant = Get-CsTenant -ErrorAction Stop
} catch {
    throw "Not connected to Microsoft Teams (run Connect-MicrosoftTeams first): $($_.Exception.Message)"
}
Write-Verbose "Tenant: $($tenant.DisplayName) ($($tenant.TenantId))"

if ((Test-Path -LiteralPath $OutputPath) -and -not $Force) {
    throw "The output file '$OutputPath' already exists. Choose another -OutputPath, or use -Force to overwrite it (its PINs are lost)."
}
$outputDir = Split-Path -Parent $OutputPath
if ($outputDir -and -not (Test-Path -LiteralPath $outputDir -PathType Container)) {
    throw "The folder of the output file '$OutputPath' does not exist."
}

$alreadyReset = @{}
if ($ResumeFrom) {
    if ((Test-Path -LiteralPath $OutputPath) -and
        (Resolve-Path -LiteralPath $ResumeFrom).Path -eq (Resolve-Path -LiteralPath $OutputPath).Path) {
        throw '-ResumeFrom and -OutputPath name the same file: write the new PINs to another file.'
    }
    foreach ($row in @(Import-Csv -LiteralPath $ResumeFrom)) {
        if ($row.UserPrincipalName) { $alreadyReset[([string]$row.UserPrincipalName).Trim()] = $true }
    }
    Write-Verbose "$($alreadyReset.Count) user(s) in $ResumeFrom already have a new PIN: skipped"
}

# The PIN file is a secret: it is created empty and made readable and writable by its owner only
# (0600 on Linux and macOS, an ACL with only the current user on Windows) before any PIN goes in;
# Export-Csv then writes into it as it is, keeping those permissions.
function Protect-PinFile([string]$File) {
    if ($IsWindows) {
        $acl = Get-Acl -LiteralPath $File
        $acl.SetAccessRuleProtection($true, $false)
        $me = [System.Security.Principal.WindowsIdentity]::GetCurrent().Name
        $acl.SetAccessRule([System.Security.AccessControl.FileSystemAccessRule]::new($me, 'FullControl', 'Allow'))
        Set-Acl -LiteralPath $File -AclObject $acl
    } else {
        [System.IO.File]::SetUnixFileMode($File, 'UserRead, UserWrite')
    }
}
if (-not $WhatIfPreference) {
    $pinFile = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutputPath)
    New-Item -ItemType File -Path $pinFile -Force -WhatIf:$false | Out-Null
    Protect-PinFile $pinFile
}

$settings = Get-CsOnlineDialInConferencingTenantSettings -ErrorAction Stop
$oldLength = [int]$settings.PinLength
$emailsWereOn = [bool]$settings.AutomaticallySendEmailsToUsers
$emailsTurnedOff = $false

Write-Verbose 'Reading the conferencing users'
$users = @(Get-CsOnlineDialInConferencingUser -ErrorAction Stop)
$upnById = @{}
foreach ($directoryUser in @(Get-CsOnlineUser -ErrorAction Stop)) {
    $upnById[[string]$directoryUser.Identity] = $directoryUser.UserPrincipalName
}
Write-Verbose "$($users.Count) conferencing user(s)"

$failures = @()
$resetCount = 0
$skippedCount = 0
$wouldReset = 0
$index = 0
$progressStep = [Math]::Max(1, [int]($users.Count / 100))

try {
    if ($emailsWereOn) {
        if ($PSCmdlet.ShouldProcess('Tenant setting AutomaticallySendEmailsToUsers', 'Turn off automatic emails for the run (restored at the end)')) {
            Set-CsOnlineDialInConferencingTenantSettings -AutomaticallySendEmailsToUsers $false -Confirm:$false -ErrorAction Stop
            $emailsTurnedOff = $true
            Write-Verbose 'Automatic emails turned off for the run'
        } elseif (-not $WhatIfPreference) {
            throw 'Automatic emails stay on, so every reset PIN would be emailed: stopped before changing anything.'
        }
    }

    if ($oldLength -eq $PinLength -and $ResumeFrom) {
        Write-Verbose "PinLength is already $PinLength (resuming an earlier run)"
    } elseif ($oldLength -eq $PinLength) {
        Write-Warning "PinLength is already $PinLength. PINs cannot be read, so the PINs that predate that change cannot be told apart: every PIN is reset (use -ResumeFrom to skip users reset by an earlier run)."
    } elseif ($PSCmdlet.ShouldProcess('Tenant setting PinLength', "Change the PIN length from $oldLength to $PinLength digits")) {
        Set-CsOnlineDialInConferencingTenantSettings -PinLength $PinLength -Confirm:$false -ErrorAction Stop
        Write-Verbose "PinLength changed from $oldLength to $PinLength"
    } elseif (-not $WhatIfPreference) {
        throw 'The PIN length was not changed: stopped before resetting any PIN.'
    }

    $users | ForEach-Object {
        $index++
        $user = $_
        $upn = $upnById[[string]$user.Identity]
        if (-not $upn) { $upn = ([string]$user.SipAddress) -replace '^sip:', '' }
        if ($index % $progressStep -eq 0 -or $index -eq $users.Count) {
            Write-Progress -Activity "Resetting PINs to $PinLength digits" -Status "$index of $($users.Count): $upn" -PercentComplete ([int]($index * 100 / $users.Count))
        }
        if ($alreadyReset.ContainsKey($upn)) {
            $skippedCount++
            Write-Verbose "$upn was reset by the earlier run: skipped"
            return
        }
        try {
            if ($PSCmdlet.ShouldProcess($upn, "Reset the audio-conferencing leader PIN ($PinLength digits)")) {
                $reset = Set-CsOnlineDialInConferencingUser -Identity $upn -ResetLeaderPin -Confirm:$false -ErrorAction Stop
                $pin = [string]$reset.LeaderPin
                if ($pin -notmatch '^\d+$') {
                    throw 'The PIN was reset but the service did not return it; reset it again.'
                }
                if ($pin.Length -ne $PinLength) {
                    throw "The new PIN has $($pin.Length) digits instead of $PinLength; reset it again."
                }
                $resetCount++
                Write-Verbose "Reset the PIN of $upn"
                [pscustomobject]@{ UserPrincipalName = $upn; LeaderPin = $pin }
            } else {
                $wouldReset++
            }
        } catch {
            $failures += [pscustomobject]@{ UserPrincipalName = $upn; Error = $_.Exception.Message }
            Write-Warning "$upn`: $($_.Exception.Message)"
        }
    } | Export-Csv -LiteralPath $OutputPath -NoTypeInformation -Encoding utf8
} finally {
    Write-Progress -Activity "Resetting PINs to $PinLength digits" -Completed
    if ($emailsTurnedOff) {
        try {
            Set-CsOnlineDialInConferencingTenantSettings -AutomaticallySendEmailsToUsers $true -Confirm:$false -WhatIf:$false -ErrorAction Stop
            Write-Verbose 'Automatic emails turned back on'
        } catch {
            Write-Warning "Could not turn automatic emails back on: $($_.Exception.Message). Run: Set-CsOnlineDialInConferencingTenantSettings -AutomaticallySendEmailsToUsers `$true"
        }
    }
}

# An empty PIN file (nothing was reset) is removed, so that the next run does not need -Force.
if ($resetCount -eq 0 -and -not $WhatIfPreference -and (Test-Path -LiteralPath $OutputPath -PathType Leaf) -and
    (Get-Item -LiteralPath $OutputPath).Length -eq 0) {
    Remove-Item -LiteralPath $OutputPath
}

# --- Summary -------------------------------------------------------------------------------------
if ($WhatIfPreference) {
    Write-Host "What if: PinLength $oldLength -> $PinLength; $wouldReset PIN(s) would be reset; nothing was changed and no PIN file was written."
    return
}
$lengthText = if ($oldLength -eq $PinLength) { "$PinLength (unchanged)" } else { "$oldLength -> $PinLength" }
Write-Host "PinLength: $lengthText. PINs reset: $resetCount; failed: $($failures.Count); skipped (already reset): $skippedCount."
if ($resetCount -gt 0) {
    Write-Host "The new PINs are in $OutputPath - hand them out securely, then delete the file."
}
if ($failures.Count -gt 0) {
    Write-Host 'Users that failed (run again with -ResumeFrom, or use Reset-ConferencingPins.ps1):'
    $failures | Format-Table -AutoSize -Wrap | Out-Host
    exit 2
}
