package main

import (
	"log"
	"os"
)

func main() {
	cfg, err := os.ReadFile("config")
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("%d bytes of configuration", len(cfg))
}
