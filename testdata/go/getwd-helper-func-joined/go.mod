module example.com/cfgsrv

go 1.22
