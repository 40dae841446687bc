package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	_ "modernc.org/sqlite"
)

func main() {
	// The database and the uploads live next to the binary, in the
	// working folder: the app creates both at start.
	db, err := sql.Open("sqlite", "internal.db")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS todos (id INTEGER PRIMARY KEY, title TEXT)`); err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll("uploads", 0o755); err != nil {
		log.Fatal(err)
	}
	http.Handle("/uploads/", http.StripPrefix("/uploads/", http.FileServer(http.Dir("uploads"))))
	log.Fatal(http.ListenAndServe(":8080", nil))
}
