// Package complete is csshell's tab completer: one pure, deterministic
// function from (input, cursor) to a span of the input and the items that
// may replace it, with PowerShell 7 / PSReadLine semantics.
//
// It reads the input with the engine's tokenizer (engine/syntax), finds
// the innermost command around the cursor (script blocks, pipelines,
// $( … ) and ( … ) included), and completes from the commands' metadata
// (binding.Meta: parameters, sets, positions, ValidateSet, Complete hooks)
// and from the session as a Source describes it: command names, parameter
// names, argument values, file paths, variables, members of a variable's
// value, properties of the objects coming down a pipeline (inferred from
// the upstream command's output type, pipeline.go) and history lines
// (#text). It never runs code, and it does no I/O beyond the Source's
// calls (directory reads for paths among them).
//
// The API has no go-prompt types so that it can be tested as a function;
// the shell wires it into go-prompt, mapping Result.Start..Result.End to
// the text go-prompt replaces.
package complete
