module example.com/server

go 1.22

require github.com/example/sketchy v1.0.0
