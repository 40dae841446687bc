package main

import (
	"log"
	"os"
)

func main() {
	// notes.db is made in the working folder, wherever the container starts.
	f, err := os.OpenFile("notes.db", os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	f.WriteString("started\n")
}
