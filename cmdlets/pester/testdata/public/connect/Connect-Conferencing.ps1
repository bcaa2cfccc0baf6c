function Connect-ToTeams {
    param([string]$AccountId)
    if (-not (Get-Module -Name 'MicrosoftTeams' -ListAvailable)) {
        Write-Error 'The MicrosoftTeams module is not installed.'
        return
    }
    Import-Module -Name 'MicrosoftTeams' -MinimumVersion '4.0.0'
    if ($AccountId) {
        Connect-MicrosoftTeams -AccountId $AccountId | Out-Null
    } else {
        Connect-MicrosoftTeams | Out-Null
    }
    Write-Host "Connected to Microsoft Teams"
}

function Reset-ConferencingPin {
    param([Parameter(Mandatory)][string[]]$Identity)
    foreach ($id in $Identity) {
        try {
            $r = Set-CsOnlineDialInConferencingUser -Identity $id -ResetLeaderPIN -ErrorAction Stop
            [pscustomobject]@{ Identity = $id; Pin = $r.LeaderPin; Status = 'Reset' }
        } catch {
            Write-Host "Failed to reset $id : $($_.Exception.Message)"
            [pscustomobject]@{ Identity = $id; Pin = $null; Status = 'Failed' }
        }
    }
}
