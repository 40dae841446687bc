package db

import "github.com/dgraph-io/badger/v3"

// badger keeps its files (MANIFEST, *.vlog, *.sst) in this folder and
// makes it when it is missing.
const dbPath = ".db"

type DB struct{ db *badger.DB }

func InitDB() (*DB, error) {
	opts := badger.DefaultOptions(dbPath)
	d, err := badger.Open(opts)
	if err != nil {
		return nil, err
	}
	return &DB{db: d}, nil
}

func (d *DB) Close() error { return d.db.Close() }
