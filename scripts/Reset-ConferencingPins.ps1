<#
.SYNOPSIS
Resets the audio-conferencing leader PINs of the users listed in a CSV and writes the new PINs to a CSV file.

.DESCRIPTION
Reset-ConferencingPins.ps1 reads a CSV with a UserPrincipalName column and, for each user, runs
Set-CsOnlineDialInConferencingUser -ResetLeaderPin. The new PINs are written, one row per user, to the
CSV file named by -OutputPath (columns UserPrincipalName and LeaderPin). That file is the only place
the new PINs are kept: the service shows a PIN once, when it is reset, and masks it afterwards.

Automatic emails are turned off for the run: if the tenant setting AutomaticallySendEmailsToUsers is
on, the script turns it off before the first reset and turns it back on when it ends (in a finally
block, so also after an error or Ctrl-C). This way no PIN is emailed, and users without a mailbox get
their PIN the same way as everybody else: from the file, through the channel you choose.

Every row is handled on its own: a user that cannot be reset (unknown UPN, not enabled for Microsoft
audio conferencing, no licence) is reported and the batch goes on. Each PIN is appended to the output
file as soon as it is reset. A UPN listed twice is reset once.

.PARAMETER Path
The input CSV. It needs a UserPrincipalName column; other columns are ignored.

.PARAMETER OutputPath
The CSV file to write the new PINs to (columns UserPrincipalName, LeaderPin). It must not exist yet,
unless -Force is given. It is created readable by you only (0600; on Windows an ACL with only you).
Treat it as a secret: hand the PINs out, then delete the file.

.PARAMETER Force
Overwrites an existing -OutputPath file. Careful: the PINs it holds are lost.

.EXAMPLE
./Reset-ConferencingPins.ps1 -Path users-pin-reset.csv -OutputPath pins.csv

Resets the PINs of the users in users-pin-reset.csv and writes them to pins.csv.

.EXAMPLE
./Reset-ConferencingPins.ps1 -Path users-pin-reset.csv -OutputPath pins.csv -WhatIf

Dry run: prints a "What if:" line for the email setting and for each user; nothing is reset and no
PIN file is written.

.EXAMPLE
pwsh -File ./Reset-ConferencingPins.ps1 -Path users-pin-reset.csv -OutputPath pins.csv -Verbose

Shows each step. The process exit code is 0 when every row succeeded and 2 when some rows failed
(called with & from another script: $LASTEXITCODE is 2 after failed rows).

.NOTES
What it changes:
  - the leader PIN of every listed user (the old PINs stop working at once);
  - the tenant setting AutomaticallySendEmailsToUsers, for the duration of the run only (it is put
    back at the end). While the script runs, no automatic conferencing email is sent for any change
    in the tenant. If the process is killed (not stopped with Ctrl-C), check the setting with
    Get-CsOnlineDialInConferencingTenantSettings and restore it with
    Set-CsOnlineDialInConferencingTenantSettings -AutomaticallySendEmailsToUsers $true.

PINs are shown once: the service returns the new PIN only in the answer to the reset. The script
checks that answer holds a PIN (digits) before writing it; a row whose PIN did not come back is
reported as failed (run the script again for that user).

Keep the PIN file as text: a spreadsheet program drops the leading zeros of PINs such as 0815...

-WhatIf: the script checks every change itself with ShouldProcess (the module documents -WhatIf of
Set-CsOnlineDialInConferencingUser as not implemented), so a dry run resets nothing, leaves the email
setting alone and writes no PIN file.

Exit codes: 0 all rows reset; 2 some rows failed (listed at the end); 1 the script stopped before
resetting anything (not connected, input CSV missing or without a UserPrincipalName column, output
file exists, email setting could not be turned off).

Rehearse first, offline, with csshell (it emulates the tenant; nothing reaches Microsoft):
  csshell -File ./Reset-ConferencingPins.ps1 -Path users-pin-reset.csv -OutputPath pins.csv -WhatIf
  csshell -File ./Reset-ConferencingPins.ps1 -Path users-pin-reset.csv -OutputPath pins.csv
then look at Get-TenantAuditLog and Get-TenantMail (rehearsal only) in csshell.

Requires PowerShell 7.4 or later (for [System.IO.File]::SetUnixFileMode) and a session opened with
Connect-MicrosoftTeams by a Teams or Skype for Business administrator.
#>
#Requires -Modules MicrosoftTeams
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [ValidateScript({ Test-Path -LiteralPath $_ -PathType Leaf })]
    [string]$Path,

    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string]$OutputPath,

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

$rows = @(Import-Csv -LiteralPath $Path)
if ($rows.Count -gt 0 -and $rows[0].PSObject.Properties.Name -notcontains 'UserPrincipalName') {
    throw "The CSV file '$Path' has no UserPrincipalName column."
}
Write-Verbose "Read $($rows.Count) row(s) from $Path"

if ((Test-Path -LiteralPath $OutputPath) -and -not $Force) {
    throw "The output file '$OutputPath' already exists. Choose another -OutputPath, or use -Force to overwrite it (its PINs are lost)."
}
$outputDir = Split-Path -Parent $OutputPath
if ($outputDir -and -not (Test-Path -LiteralPath $outputDir -PathType Container)) {
    throw "The folder of the output file '$OutputPath' does not exist."
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
$emailsWereOn = [bool]$settings.AutomaticallySendEmailsToUsers
$emailsTurnedOff = $false

$failures = @()
$resetCount = 0
$duplicateCount = 0
$seen = @{}
$index = 0
$progressStep = [Math]::Max(1, [int]($rows.Count / 100))

try {
    if ($emailsWereOn) {
        if ($PSCmdlet.ShouldProcess('Tenant setting AutomaticallySendEmailsToUsers', 'Turn off automatic emails for the run (restored at the end)')) {
            Set-CsOnlineDialInConferencingTenantSettings -AutomaticallySendEmailsToUsers $false -Confirm:$false -ErrorAction Stop
            $emailsTurnedOff = $true
            Write-Verbose 'Automatic emails turned off for the run'
        } elseif (-not $WhatIfPreference) {
            throw 'Automatic emails stay on, so every reset PIN would be emailed: stopped before resetting anything.'
        }
    } else {
        Write-Verbose 'Automatic emails are already off'
    }

    $rows | ForEach-Object {
        $index++
        $upn = ([string]$_.UserPrincipalName).Trim()
        if ($index % $progressStep -eq 0 -or $index -eq $rows.Count) {
            Write-Progress -Activity 'Resetting leader PINs' -Status "$index of $($rows.Count): $upn" -PercentComplete ([int]($index * 100 / $rows.Count))
        }
        if (-not $upn) {
            $failures += [pscustomobject]@{ Row = $index + 1; UserPrincipalName = ''; Error = 'The UserPrincipalName is empty.' }
            return
        }
        if ($seen.ContainsKey($upn)) {
            $duplicateCount++
            Write-Warning "Row $($index + 1): $upn is listed more than once; its PIN is reset only once."
            return
        }
        $seen[$upn] = $true

        try {
            if ($PSCmdlet.ShouldProcess($upn, 'Reset the audio-conferencing leader PIN')) {
                $user = Set-CsOnlineDialInConferencingUser -Identity $upn -ResetLeaderPin -Confirm:$false -ErrorAction Stop
                $pin = [string]$user.LeaderPin
                if ($pin -notmatch '^\d{4,12}$') {
                    throw 'The PIN was reset but the service did not return it; reset it again.'
                }
                $resetCount++
                Write-Verbose "Reset the PIN of $upn"
                [pscustomobject]@{ UserPrincipalName = $upn; LeaderPin = $pin }
            }
        } catch {
            $failures += [pscustomobject]@{ Row = $index + 1; UserPrincipalName = $upn; Error = $_.Exception.Message }
            Write-Warning "Row $($index + 1): $upn`: $($_.Exception.Message)"
        }
    } | Export-Csv -LiteralPath $OutputPath -NoTypeInformation -Encoding utf8
} finally {
    Write-Progress -Activity 'Resetting leader PINs' -Completed
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
    Write-Host "What if: $($seen.Count) PIN(s) would be reset; nothing was changed and no PIN file was written."
    return
}
Write-Host "PINs reset: $resetCount; failed: $($failures.Count); duplicate rows skipped: $duplicateCount."
if ($resetCount -gt 0) {
    Write-Host "The new PINs are in $OutputPath - hand them out securely, then delete the file."
}
if ($failures.Count -gt 0) {
    Write-Host 'Rows that failed:'
    $failures | Format-Table -AutoSize -Wrap | Out-Host
    exit 2
}
