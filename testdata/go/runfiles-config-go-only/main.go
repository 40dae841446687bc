package main

import (
	"flag"
	"log"
	"net/http"

	"example.com/app/config"
)

func main() {
	path := flag.String("config", "", "a YAML file that overrides the defaults")
	flag.Parse()
	cfg := config.Load(*path)
	log.Fatal(http.ListenAndServe(cfg.Addr, nil))
}
