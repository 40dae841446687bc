package main

import (
	"encoding/json"
	"os"
)

func main() {
	raw, err := os.ReadFile("messages.json")
	if err != nil {
		panic(err)
	}
	var m map[string]string
	if err := json.Unmarshal(raw, &m); err != nil {
		panic(err)
	}
}
