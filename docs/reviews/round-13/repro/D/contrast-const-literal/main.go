package main

import (
	"log"

	"example.com/cfgsrv/config"
)

const nameConfig = "config.yaml"

func main() {
	if err := config.Load(nameConfig); err != nil {
		log.Fatalln("Error with LoadConfig", err)
	}
}
