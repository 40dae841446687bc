package main

import (
	"fmt"
	"time"

	_ "github.com/go-sql-driver/mysql"
	"github.com/jinzhu/gorm"
)

func main() {
	db, err := gorm.Open("mysql", "user:pass@tcp(db:3306)/app?parseTime=True&loc=Local")
	fmt.Println(db, err, time.Now())
}
