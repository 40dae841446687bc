package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("/upload", func(w http.ResponseWriter, r *http.Request) {
		if err := os.MkdirAll("../static/uploads", 0o755); err != nil {
			log.Fatal(err)
		}
	})
	http.Handle("/", http.FileServer(http.Dir("../static")))
	log.Fatal(http.ListenAndServe(":4433", nil))
}
