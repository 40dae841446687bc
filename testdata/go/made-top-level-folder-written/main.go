package main

import "os"

func main() {
	f, err := os.Create("/data/currency.txt")
	if err != nil {
		panic(err)
	}
	f.Close()
}
