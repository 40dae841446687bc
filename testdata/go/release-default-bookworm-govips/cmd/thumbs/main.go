package main

import (
	"os"

	"github.com/davidbyttow/govips/v2/vips"
)

func main() {
	vips.Startup(nil)
	defer vips.Shutdown()
	img, err := vips.NewImageFromFile(os.Args[1])
	if err != nil {
		os.Exit(1)
	}
	defer img.Close()
}
