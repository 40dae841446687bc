package main

import (
	"log"
	"net/http"

	bolt "go.etcd.io/bbolt"
)

func main() {
	db, err := bolt.Open("/var/lib/store/store.db", 0o600, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	log.Fatal(http.ListenAndServe(":8080", nil))
}
