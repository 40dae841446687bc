package main

// Where the server keeps its state, relative to the working folder.
const dataDir = "data"

const (
	addr    = ":8080"
	logFile = "locations.csv"
)
