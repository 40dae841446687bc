package main

import "example.com/bot/internal/db"

func main() {
	d, err := db.InitDB()
	if err != nil {
		panic(err)
	}
	defer d.Close()
}
