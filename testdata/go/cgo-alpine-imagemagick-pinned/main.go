package main

import "gopkg.in/gographics/imagick.v3/imagick"

func main() {
	imagick.Initialize() // links libMagickWand dynamically through cgo
	defer imagick.Terminate()
	mw := imagick.NewMagickWand()
	defer mw.Destroy()
}
