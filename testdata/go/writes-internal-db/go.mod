module example.com/todos

go 1.26

require modernc.org/sqlite v1.34.5
