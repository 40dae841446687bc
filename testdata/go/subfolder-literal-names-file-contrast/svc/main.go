package main

import (
	"fmt"
	"os"
)

func main() {
	data, err := os.ReadFile("config.json")
	if err != nil {
		panic(err)
	}
	fmt.Println(map[string]string{"message": string(data)})
}
