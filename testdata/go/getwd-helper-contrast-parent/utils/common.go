package utils

import (
	"log"
	"os"
	"path/filepath"
)

func TakeCurrentDirectory() string {
	dir, err := os.Getwd()
	if err != nil {
		log.Fatal(err)
	}
	return filepath.Dir(dir)
}
