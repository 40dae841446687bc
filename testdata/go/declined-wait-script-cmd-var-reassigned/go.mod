module example.com/testex

go 1.21
