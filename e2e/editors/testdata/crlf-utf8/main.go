package main

import "fmt"

func main() { fmt.Println("Grüße, 世界") }
