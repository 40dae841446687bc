package main

import (
	"net/http"

	"github.com/jinzhu/gorm"
)

type Article struct {
	gorm.Model
	Title string
}

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	http.ListenAndServe(":8080", nil)
}
