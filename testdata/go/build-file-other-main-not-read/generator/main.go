package main

import "os"

// A separate tool, run by hand: go run ./generator
func main() {
	if err := os.WriteFile("jwk2.txt", []byte("{}"), 0644); err != nil {
		panic(err)
	}
}
