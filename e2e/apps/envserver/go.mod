module example.com/envserver

go 1.26
