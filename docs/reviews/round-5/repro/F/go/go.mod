module example.com/h

go 1.22
