package main

import (
	"log"
	"os"
)

func main() {
	// /app/data is the VOLUME; nothing in the image creates it
	if err := os.WriteFile("data/state.txt", []byte("x"), 0o644); err != nil {
		log.Fatal(err)
	}
}
