module example.com/bot

go 1.22

require github.com/dgraph-io/badger/v3 v3.2103.5
