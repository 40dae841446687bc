package main

import (
	"log"
	"net/http"

	"example.com/jwtsrv/store"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { store.Save(); w.Write([]byte("ok")) })
	log.Fatal(http.ListenAndServe(":8080", nil))
}
