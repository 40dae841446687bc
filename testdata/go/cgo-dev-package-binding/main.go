package main

import (
	"fmt"

	"layeh.com/gopus"
)

// gopus is a cgo binding to libopus (#cgo pkg-config: opus), as used by
// bwmarrin/dgvoice in gogogadgetto: the binary needs libopus.so.0 at run time.
func main() {
	enc, err := gopus.NewEncoder(48000, 2, gopus.Audio)
	if err != nil {
		panic(err)
	}
	fmt.Println(enc != nil)
}
