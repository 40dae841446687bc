package main

import (
	"fmt"
	"log"
	"os"
)

func main() {
	b, err := os.ReadFile(os.Getenv("CONFIG_DB_FILEPATH"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s", b)
}
