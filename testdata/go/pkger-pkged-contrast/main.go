package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"

	"github.com/markbates/pkger"
)

// pkged.go, written by the pkger tool and committed, holds the files:
// pkger.Open reads /templates/index.html from the program itself, not
// from disk.
func main() {
	port := flag.Int("port", 8080, "port")
	flag.Parse()
	f, err := pkger.Open("/templates/index.html")
	if err != nil {
		panic(err)
	}
	page, err := io.ReadAll(f)
	if err != nil {
		panic(err)
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write(page) })
	http.ListenAndServe(fmt.Sprintf(":%d", *port), nil)
}
