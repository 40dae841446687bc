package main

import (
	"log"
	"os"
	"strconv"
)

func main() {
	// Counts its starts in the volume.
	n := 0
	if b, err := os.ReadFile("/data/count"); err == nil {
		n, _ = strconv.Atoi(string(b))
	}
	n++
	if err := os.WriteFile("/data/count", []byte(strconv.Itoa(n)), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("started %d times", n)
}
