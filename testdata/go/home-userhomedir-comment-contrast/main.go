package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	// The token used to live in the home folder:
	//   home, _ := os.UserHomeDir()
	/* token := filepath.Join(os.Getenv("HOME"), ".config", "tokens", "token") */
	token := "/data/tokens/token"
	http.HandleFunc("/ready", func(w http.ResponseWriter, r *http.Request) {
		if _, err := os.Stat(token); err != nil {
			http.Error(w, "waiting", http.StatusServiceUnavailable)
		}
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
