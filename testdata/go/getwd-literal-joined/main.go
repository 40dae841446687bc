package main

import (
	"log"
	"os"
	"path/filepath"

	"example.com/cfgsrv/config"
)

func main() {
	wd, err := os.Getwd()
	if err != nil {
		log.Fatal(err)
	}
	if err := config.Load(wd + "/config.yaml"); err != nil {
		log.Fatalln("Error with LoadConfig", err)
	}
	if err := config.Load(filepath.Join(wd, "templates.yaml")); err != nil {
		log.Fatalln("Error with templates", err)
	}
}
