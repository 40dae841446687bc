package main

import (
	"log"
	"net/http"
	"os"
)

const staticDir = "../static"

// the program writes next to the pages it serves
const uploadsDir = staticDir + "/uploads"

func main() {
	http.HandleFunc("/upload", func(w http.ResponseWriter, r *http.Request) {
		if err := os.MkdirAll(uploadsDir, 0o755); err != nil {
			log.Fatal(err)
		}
	})
	http.Handle("/", http.FileServer(http.Dir(staticDir)))
	log.Fatal(http.ListenAndServe(":4433", nil))
}
