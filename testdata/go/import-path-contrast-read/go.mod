module example.com/i

go 1.22
