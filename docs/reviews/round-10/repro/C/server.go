package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	// err := godotenv.Load(".env")
	// if err != nil {
	//	log.Println("Error loading .env file")
	// }
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
