package main

import tmpl "html/template"
import "os"

func main() {
	tmpl.Must(tmpl.New("x").Parse("hi")).Execute(os.Stdout, nil)
}
