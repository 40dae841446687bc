module example.com/ytplay

go 1.22
