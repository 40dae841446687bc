package main

import (
	"os"
	"path/filepath"
)

const dir = "./uploads/"

func main() {
	f, err := os.Create(filepath.Join(dir, "out.txt"))
	if err != nil {
		panic(err)
	}
	f.Close()
}
