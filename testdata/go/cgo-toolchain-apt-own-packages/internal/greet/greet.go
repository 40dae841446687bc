package greet

import "fmt"

// Hello greets name.
func Hello(name string) string { return fmt.Sprintf("hello, %s\n", name) }
