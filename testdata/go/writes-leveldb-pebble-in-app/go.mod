module example.com/indexer

go 1.22

require (
	github.com/cockroachdb/pebble v1.1.2
	github.com/syndtr/goleveldb v1.0.0
)
