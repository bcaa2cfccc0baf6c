// Package csshell is the root of the csshell module: an offline,
// PowerShell 7 compatible shell that emulates the audio-conferencing
// administration of a Teams / Skype for Business Online tenant. The code
// lives in the engine, cmdlets, shell, storage and cmd packages; this
// package only holds the repository-wide tests (package layering).
package csshell
