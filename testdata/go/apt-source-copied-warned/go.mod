module example.com/shot

go 1.23
