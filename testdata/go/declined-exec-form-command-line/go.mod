module deep-translate

go 1.12
