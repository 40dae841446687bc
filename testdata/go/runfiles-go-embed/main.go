package main

import (
	"embed"
	"io/fs"
	"log"
	"net/http"
)

//go:embed static
var content embed.FS

func main() {
	static, err := fs.Sub(content, "static")
	if err != nil {
		log.Fatal(err)
	}
	http.Handle("/", http.FileServer(http.FS(static)))
	log.Fatal(http.ListenAndServe(":8080", nil))
}
