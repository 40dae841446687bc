package main

import (
	"log"
	"os"
	"time"
)

func main() {
	token := os.Getenv("BOT_TOKEN")
	if token == "" {
		log.Fatal("BOT_TOKEN not set")
	}
	for {
		log.Println("polling")
		time.Sleep(time.Minute)
	}
}
