package main

import "fmt"

// Only the standard library: nothing here can use the libopus the
// Dockerfile installs.
func main() {
	fmt.Println("hello")
}
