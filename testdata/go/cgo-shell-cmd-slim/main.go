package main

import (
	"log"
	"net/http"

	_ "github.com/mattn/go-sqlite3" // the database/sql driver, which calls SQLite through cgo
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
