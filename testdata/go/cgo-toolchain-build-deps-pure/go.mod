module drone

go 1.22
