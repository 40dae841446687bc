module example.com/mp3

go 1.22

require github.com/bobertlo/go-mpg123 v0.0.0-20211210004329-c83f21a0fd39
