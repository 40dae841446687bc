package main

import "fmt"

func main() {
	// drives the Chrome the Dockerfile installs from Google's repository (chromedp finds it on PATH)
	fmt.Println("ready")
}
