module github.com/acme/ledger

go 1.26
