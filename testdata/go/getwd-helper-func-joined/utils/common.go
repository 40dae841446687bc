package utils

import (
	"log"
	"os"
)

func TakeCurrentDirectory() string {
	dir, err := os.Getwd()
	if err != nil {
		log.Fatal(err)
	}
	return dir
}
