package main

import (
	"log"
	"net/http"

	"github.com/example/sketchy" // a module restage cannot see into
)

func main() {
	http.HandleFunc("/", sketchy.Handler)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
