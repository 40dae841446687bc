package main

import (
	"log"
	"net/http"
	"os"
	"path/filepath"
)

var logName = "locations.csv"

func main() {
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/loc", func(w http.ResponseWriter, r *http.Request) {
		f, err := os.OpenFile(filepath.Join(dataDir, logName), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer f.Close()
		f.WriteString("1,2\n")
	})
	log.Fatal(http.ListenAndServe(addr, nil))
}
