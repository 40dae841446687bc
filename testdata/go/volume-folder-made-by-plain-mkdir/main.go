package main

import (
	"log"
	"os"
	"path/filepath"
)

func main() {
	// DATA_DIR is /app/data, the VOLUME, at run time
	if err := os.WriteFile(filepath.Join(os.Getenv("DATA_DIR"), "state.txt"), []byte("x"), 0o644); err != nil {
		log.Fatal(err)
	}
}
