package main

import (
	"log"
	"net/http"
	"os"
)

// The CSV log lives in the working folder; the const is the only place that names it.
const logFile = "locations.csv"

const (
	addr       = ":8080"
	configFile = "config.json"
)

func main() {
	const uploads = "uploads"
	if err := os.MkdirAll(uploads, 0o755); err != nil {
		log.Fatal(err)
	}
	cfg, err := os.ReadFile(configFile)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("config: %d bytes", len(cfg))
	http.HandleFunc("/loc", func(w http.ResponseWriter, r *http.Request) {
		f, err := os.OpenFile(logFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer f.Close()
		f.WriteString("1,2\n")
	})
	log.Fatal(http.ListenAndServe(addr, nil))
}
