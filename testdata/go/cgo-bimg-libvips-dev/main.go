package main

import (
	"os"

	"github.com/h2non/bimg"
)

func main() {
	buf, _ := os.ReadFile(os.Args[1])
	out, err := bimg.NewImage(buf).Resize(100, 100) // bimg binds libvips through cgo
	if err != nil {
		os.Exit(1)
	}
	os.Stdout.Write(out)
}
