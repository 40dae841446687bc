package main

import (
	"fmt"
	"log"
	"net/http"

	"github.com/jhump/protoreflect/desc/protoparse"
)

// The service's messages are read from the .proto sources at start, so
// that a new field needs no rebuild.
func main() {
	parser := protoparse.Parser{ImportPaths: []string{"protos"}}
	fds, err := parser.ParseFiles("links.proto")
	if err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, fds[0].GetPackage())
	})
	http.ListenAndServe(":8080", nil)
}
