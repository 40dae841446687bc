module example.com/shop

go 1.20

require github.com/jinzhu/gorm v1.9.16

require github.com/jinzhu/inflection v1.0.0 // indirect
