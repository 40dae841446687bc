module example.com/k

go 1.26
