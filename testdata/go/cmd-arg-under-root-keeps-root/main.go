package main

import (
	"flag"
	"log"
	"net/http"
)

func main() {
	data := flag.String("data", "data", "folder of the archive")
	flag.Parse()
	log.Fatal(http.ListenAndServe(":8080", http.FileServer(http.Dir(*data))))
}
