package main

import (
	"log"
	"net/http"
	"os"
)

const (
	logDir     = "logs"
	logFile    = logDir + "/locations.csv"
	configFile = "config.json"
)

// load reads the file its caller names: its parameter hides the const.
func load(configFile string) ([]byte, error) {
	return os.ReadFile(configFile)
}

func main() {
	cfg, err := load(os.Getenv("CONFIG"))
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("config: %d bytes, default %s", len(cfg), configFile)
	http.HandleFunc("/loc", func(w http.ResponseWriter, r *http.Request) {
		f, err := os.OpenFile(logFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer f.Close()
		f.WriteString("1,2\n")
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
