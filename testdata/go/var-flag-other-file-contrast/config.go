package main

// Where the server keeps its state.
var (
	dataDir = "/var/lib/tracker"
	addr    = ":8080"
)
