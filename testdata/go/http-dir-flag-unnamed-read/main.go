package main

import (
	"flag"
	"log"
	"net/http"
)

func main() {
	public := flag.String("public", "", "folder to serve at /")
	flag.Parse()
	if *public != "" {
		http.Handle("/", http.FileServer(http.Dir(*public)))
	}
	log.Fatal(http.ListenAndServe(":8080", nil))
}
