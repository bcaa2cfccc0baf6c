// Package admincenter serves csshell's admin center: the web pages an
// administrator uses instead of the cmdlets (sign in, Audio conferencing
// > Users > select > Reset PIN, the Bridge settings, the outbox, the
// audit log and the live meetings), over the same tenant the shell uses.
//
// Pages are rendered on the server with html/template and work without
// JavaScript; one small script only makes the user search run as you
// type. Every change calls the code the cmdlets call (cmdlets/teams:
// ApplyUserEdit, ApplySettingsChange) inside Tenant.ChangeAs, which syncs
// the store before the page that reports the change is written.
//
// Security: sessions in memory behind an HttpOnly, SameSite=Strict cookie
// (Secure over TLS); a CSRF token on every form and every POST checked;
// sign-in throttled per account and per client and audited; only the
// administrator roles may sign in; a strict Content-Security-Policy; a
// reset PIN appears only in the response to the POST that made it, which
// is never cached.
package admincenter
