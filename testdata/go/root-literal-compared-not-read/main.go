package main

import (
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir := os.Getenv("DATA_DIR")
	if dir == "" {
		dir = "/data"
	}
	// The data folder must be one any user may reach.
	if dir == "/root" || strings.HasPrefix(dir, "/root/") {
		log.Fatalf("DATA_DIR %s is in root's home, which os.UserHomeDir() gives to root only", dir)
	}
	token := filepath.Join(dir, "tokens", "token")
	http.HandleFunc("/ready", func(w http.ResponseWriter, r *http.Request) {
		if _, err := os.Stat(token); err != nil {
			http.Error(w, "waiting", http.StatusServiceUnavailable)
		}
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
