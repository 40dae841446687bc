module example.com/userapi

go 1.22

require github.com/jinzhu/gorm v1.9.16

require (
	github.com/go-sql-driver/mysql v1.5.0 // indirect
	github.com/jinzhu/inflection v1.0.0 // indirect
)
