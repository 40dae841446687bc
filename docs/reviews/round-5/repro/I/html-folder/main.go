package main

import (
	"html/template"
	"os"
)

func main() {
	template.Must(template.New("x").Parse("hi")).Execute(os.Stdout, nil)
}
