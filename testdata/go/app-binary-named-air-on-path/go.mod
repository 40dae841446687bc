module example.com/air

go 1.26
