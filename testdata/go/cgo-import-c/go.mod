module example.com/hasher

go 1.26
