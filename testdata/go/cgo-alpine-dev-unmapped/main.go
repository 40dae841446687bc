package main

import (
	"fmt"

	"github.com/bobertlo/go-mpg123/mpg123"
)

// go-mpg123 binds libmpg123 with cgo: the binary links libmpg123.so.0.
func main() {
	d, err := mpg123.NewDecoder("")
	if err != nil {
		panic(err)
	}
	fmt.Println(d != nil)
}
