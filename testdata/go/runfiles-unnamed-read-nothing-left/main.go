package main

import (
	"flag"
	"fmt"
	"log"
	"os"
)

func main() {
	config := flag.String("config", "/etc/server.yaml", "configuration file")
	flag.Parse()
	b, err := os.ReadFile(*config)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s", b)
}
