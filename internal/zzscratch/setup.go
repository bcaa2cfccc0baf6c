package main

import "github.com/csshell/csshell/engine"

var setup func(*engine.Runtime)
