module example.com/migr

go 1.22
