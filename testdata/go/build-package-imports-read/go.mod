module example.com/jwtsrv

go 1.22
