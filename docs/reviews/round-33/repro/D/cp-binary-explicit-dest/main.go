package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("book", os.Args[1:])
}
