module example.com/thumbs

go 1.26

require github.com/davidbyttow/govips/v2 v2.16.0
