package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
)

func main() {
	raw, err := os.ReadFile("config.json")
	if err != nil {
		log.Fatal(err)
	}
	var cfg struct{ Addr string }
	if err := json.Unmarshal(raw, &cfg); err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.ListenAndServe(cfg.Addr, nil))
}
