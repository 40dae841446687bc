package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"

	"github.com/markbates/pkger"
)

// No pkged.go is generated (the Dockerfile never runs the pkger tool), so
// pkger.Open reads /templates/index.html from the module's folder on disk,
// which it finds by running the go command at run time.
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
