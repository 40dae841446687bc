module example.com/tools/pinger

go 1.26
