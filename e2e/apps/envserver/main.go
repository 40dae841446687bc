// envserver answers every request with a greeting; both the greeting and the port come from the
// environment (GREETING, PORT), as the Dockerfile sets them.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

func main() {
	greeting := os.Getenv("GREETING")
	if greeting == "" {
		greeting = "hi"
	}
	port := os.Getenv("PORT")
	if port == "" {
		port = "8000"
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "%s from envserver on port %s\n", greeting, port)
	})
	log.Printf("envserver: listening on :%s", port)
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
