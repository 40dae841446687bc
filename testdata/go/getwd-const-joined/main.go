package main

import (
	"log"
	"os"

	"example.com/cfgsrv/config"
)

const (
	nameConfig string = "/config.yaml"
	selectRows string = `SELECT 1`
)

func main() {
	pwd, err := os.Getwd()
	if err != nil {
		log.Fatal(err)
	}
	if err := config.Load(pwd + nameConfig); err != nil {
		log.Fatalln("Error with LoadConfig", err)
	}
	log.Println(selectRows)
}
