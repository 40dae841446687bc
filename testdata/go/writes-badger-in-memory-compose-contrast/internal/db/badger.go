package db

import "github.com/dgraph-io/badger/v3"

type DB struct{ db *badger.DB }

// The store is a cache, kept in memory: badger writes no files.
func InitDB() (*DB, error) {
	d, err := badger.Open(badger.DefaultOptions("").WithInMemory(true))
	if err != nil {
		return nil, err
	}
	return &DB{db: d}, nil
}

func (d *DB) Close() error { return d.db.Close() }
