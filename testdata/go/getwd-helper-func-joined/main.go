package main

import (
	"log"

	"example.com/cfgsrv/config"
	"example.com/cfgsrv/utils"
)

const (
	nameConfig string = "/config.yaml"
	selectRows string = `SELECT 1`
)

func main() {
	if err := config.Load(utils.TakeCurrentDirectory() + nameConfig); err != nil {
		log.Fatalln("Error with LoadConfig", err)
	}
	log.Println(selectRows)
}
