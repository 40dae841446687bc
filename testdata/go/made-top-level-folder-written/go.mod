module example.com/cur

go 1.20
