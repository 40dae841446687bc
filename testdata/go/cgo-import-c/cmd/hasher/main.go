package main

import (
	"fmt"
	"os"

	"example.com/hasher/internal/fasthash"
)

func main() {
	for _, a := range os.Args[1:] {
		fmt.Printf("%08x  %s\n", fasthash.Sum([]byte(a)), a)
	}
}
