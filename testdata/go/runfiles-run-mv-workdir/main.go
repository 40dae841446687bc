package main

import (
	"log"
	"os"
)

func main() {
	b, err := os.ReadFile("config.yaml")
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("%s", b)
}
