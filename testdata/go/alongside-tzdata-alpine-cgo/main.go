package main

import (
	"database/sql"
	"fmt"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	db, _ := sql.Open("sqlite3", ":memory:")
	defer db.Close()
	loc, err := time.LoadLocation("Europe/Istanbul")
	fmt.Println(time.Now().Location(), loc, err)
}
