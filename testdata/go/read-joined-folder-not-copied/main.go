package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
)

func main() {
	files := []string{
		"create_table_users.sql",
		"create_table_houses.sql",
	}
	for _, file := range files {
		path := filepath.Join("/srv/sql", file)
		sqlCode, err := os.ReadFile(path)
		if err != nil {
			log.Fatalf("reading migration %s: %v", path, err)
		}
		fmt.Println(len(sqlCode))
	}
}
