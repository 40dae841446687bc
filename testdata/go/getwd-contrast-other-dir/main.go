package main

import (
	"log"
	"os"

	"example.com/cfgsrv/config"
)

func main() {
	dir := os.Getenv("CONFIG_DIR")
	if err := config.Load(dir + "/config.yaml"); err != nil {
		log.Fatalln("Error with LoadConfig", err)
	}
}
