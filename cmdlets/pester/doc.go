// Package pester is csshell's built-in Pester 5 (module Pester): the
// commands a *.Tests.ps1 file is written with — Describe, Context, It,
// BeforeAll, BeforeEach, AfterEach, AfterAll, BeforeDiscovery,
// Set-ItResult, Should, Mock, Assert-MockCalled — and Invoke-Pester, which
// runs test files as Pester 5 does: a discovery phase that runs each file
// and its Describe/Context bodies to collect the tests, then a run phase
// with Pester's scoping (a block's BeforeAll in the block's scope, each
// test in a child scope of it), Pester's console output, its result
// object, and NUnit 2.5 and JUnit XML result files.
//
// Each test file runs against a throwaway in-memory copy of the session's
// tenant (Options.Isolate), so tests exercise the real conferencing rules
// and never change the admin's tenant.
//
// The facts followed (messages, output lines, XML layout) are those of
// ../shared/reference/pester-teams-surface.md Part 1, read from Pester
// 5.9.0's source.
package pester
