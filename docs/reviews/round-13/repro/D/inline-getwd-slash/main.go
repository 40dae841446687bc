package main

import (
	"log"
	"os"

	"example.com/cfgsrv/config"
)

func main() {
	pwd, _ := os.Getwd()
	if err := config.Load(pwd + "/config.yaml"); err != nil {
		log.Fatalln("Error with LoadConfig", err)
	}
}
