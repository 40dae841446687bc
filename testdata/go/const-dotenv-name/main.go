package main

import (
	"log"
	"net/http"
	"os"

	"github.com/joho/godotenv"
)

const envFile = ".env.production"

func main() {
	if err := godotenv.Load(envFile); err != nil {
		log.Fatal("the environment file could not be loaded")
	}
	log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), nil))
}
