package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("/healthz/*", func(w http.ResponseWriter, r *http.Request) {})
	log.Println("docs at http://localhost:8080/docs", os.MkdirAll("cache", 0o755))
	// err := godotenv.Load(".env")
	// if err != nil {
	//	log.Println("Error loading .env file")
	// }

	/*
		The old exporter wrote outside the app folder:
		os.WriteFile("/data/export.csv", nil, 0o644)
	*/
	port := os.Getenv("PORT") // godotenv.Load("port.env") was dropped
	if port == "" {
		port = "8080"
	}
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
