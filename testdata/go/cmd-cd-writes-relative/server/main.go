package main

import "os"

func main() {
	os.MkdirAll("../uploads", 0o755)
}
