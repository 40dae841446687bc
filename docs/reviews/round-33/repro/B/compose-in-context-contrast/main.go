package main

import (
	"database/sql"
	"net/http"
	"os"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	if err := os.MkdirAll("store", 0755); err != nil {
		panic(err)
	}
	db, err := sql.Open("sqlite3", "file:store/messages.db?_foreign_keys=on")
	if err != nil {
		panic(err)
	}
	if _, err := db.Exec("CREATE TABLE IF NOT EXISTS m (t TEXT)"); err != nil {
		panic(err)
	}
	http.ListenAndServe(":6000", nil)
}
