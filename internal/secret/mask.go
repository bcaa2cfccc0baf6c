// Package secret holds the one text csshell shows in place of a secret —
// a leader PIN after the response that reset it, a password, a secret
// value masked in the history file or an audit record. It imports nothing,
// so every layer (engine, storage, cmdlets, shell) uses the same mask.
package secret

// Mask replaces a secret wherever it would otherwise be shown or kept. Its
// length is fixed, so it does not reveal the secret's length.
const Mask = "*****"
