package main

import "html/template"

var page = template.Must(template.ParseFiles("index.html"))

func main() {}
