module example.com/todo

go 1.26

require (
	github.com/go-chi/chi/v5 v5.2.1
	github.com/mattn/go-sqlite3 v1.14.24
)
