package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		log.Fatal(err)
	}
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
