//go:build !race

package engine_test

// raceDetector is true when the tests run under -race.
const raceDetector = false
