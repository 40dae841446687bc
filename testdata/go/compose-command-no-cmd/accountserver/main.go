package main

import (
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/accounts", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("[]\n"))
	})
	log.Fatal(http.ListenAndServe(":8002", nil))
}
