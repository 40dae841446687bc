package main

import (
	"fmt"
	"net/http"

	"example.com/links/gen/pb"
)

func main() {
	http.HandleFunc("/swagger.json", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, "protos/links.swagger.json")
	})
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, pb.Links_ServiceDesc.ServiceName)
	})
	http.ListenAndServe(":8080", nil)
}
