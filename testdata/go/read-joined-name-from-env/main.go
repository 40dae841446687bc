package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	files := strings.Split(os.Getenv("MIGRATIONS"), ",")
	for _, file := range files {
		path := filepath.Join("migrations", file)
		sqlCode, err := os.ReadFile(path)
		if err != nil {
			log.Fatalf("reading migration %s: %v", path, err)
		}
		fmt.Println(len(sqlCode))
	}
}
