package main

import (
	"flag"
	"net/http"
)

func main() {
	public := flag.String("public", "", "Public directory to serve at the / path")
	flag.Parse()
	if *public != "" {
		http.Handle("/", http.FileServer(http.Dir(*public)))
	}
	http.ListenAndServe(":8080", nil)
}
