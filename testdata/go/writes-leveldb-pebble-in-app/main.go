package main

import (
	"log"

	"github.com/cockroachdb/pebble"
	"github.com/syndtr/goleveldb/leveldb"
)

const pebbleDir = "data/pebble"

func main() {
	ldb, err := leveldb.OpenFile("data/leveldb", nil)
	if err != nil {
		log.Fatal(err)
	}
	defer ldb.Close()
	pdb, err := pebble.Open(pebbleDir, &pebble.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer pdb.Close()
}
