package main

import (
	"database/sql" // the driver interface, not the folder
	"fmt"
	"os"
)

func main() {
	schema, err := os.ReadFile("database/init.sql")
	fmt.Println(sql.Drivers(), len(schema), err)
}
